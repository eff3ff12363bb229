/**
 * A Vietnamese story in /feeds/lang/en.*: its title and summary are an English translation, its
 * body is still Vietnamese. Every rendering must label each text with the language it is written
 * in, or partner CMSs and screen readers read English as Vietnamese (and the body the other way).
 */
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import RssParser from 'rss-parser';
import { renderAtom } from '../../src/feeds/render-atom.js';
import { renderJsonFeed } from '../../src/feeds/render-json-feed.js';
import { renderRss } from '../../src/feeds/render-rss.js';
import { presentInLanguage } from '../../src/feeds/translated-entry.js';
import type { Article } from '../../src/shared/article.js';
import { articleFixture, feedFor } from './article-fixtures.js';
import { jsonFeedValidator } from '../support/schemas.js';

const validateJsonFeed = jsonFeedValidator();
const PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  alwaysCreateTextNode: true,
  isArray: (name) => ['entry', 'item'].includes(name),
});

type Node = Record<string, unknown> & { '#text'?: string };
type Item = Record<string, unknown>;

// vi-hagiang carries an English machine translation (nllb-200) of headline and lead.
const story = articleFixture('vi-hagiang');
const translation = story.translations[0]!;
// The same story whose translation has no lead (the original had none to send): summary stays Vietnamese.
const headlineOnly: Article = {
  ...story,
  id: 'vi-hagiang-headline-only',
  uri: 'urn:wirepipe:story:vi-hagiang-headline-only',
  translations: [{ ...translation, lead: null }],
};
const englishOriginal = articleFixture('en-trade');
const shown = [story, headlineOnly, englishOriginal].map((a) => presentInLanguage(a, 'en'));
const descriptor = (format: 'rss' | 'atom' | 'json') => feedFor(shown, format, { id: 'lang/en', language: 'en' });

function text(node: unknown): string | undefined {
  return (node as Node | undefined)?.['#text'];
}

/** The language XML says `node` is in: its own xml:lang, else the nearest ancestor's. */
function xmlLang(node: unknown, ...ancestors: Node[]): string | undefined {
  for (const n of [node as Node, ...ancestors]) {
    const lang = n['@_xml:lang'];
    if (typeof lang === 'string') return lang;
  }
  return undefined;
}

/** The `lang` an HTML fragment declares on its outermost element, if it declares one. */
function htmlLang(html: string): string | undefined {
  return /^<[a-z]+ lang="([^"]*)">/.exec(html)?.[1];
}

describe('a translated story in an Atom language feed', () => {
  const xml = renderAtom(descriptor('atom'), shown);
  const feed = PARSER.parse(xml).feed as Node;
  const [translated, untranslatedLead, original] = feed.entry as Node[];

  it('is well-formed', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('labels the translated title and summary with the translation language, the body with the original', () => {
    expect(text(translated!.title)).toBe(translation.headline);
    expect(xmlLang(translated!.title, translated!, feed)).toBe('en');
    expect(text(translated!.summary)).toBe(translation.lead);
    expect(xmlLang(translated!.summary, translated!, feed)).toBe('en');
    expect(xmlLang(translated!.content, translated!, feed)).toBe('vi');
  });

  it('keeps an untranslated summary labelled with the original language', () => {
    expect(xmlLang(untranslatedLead!.title, untranslatedLead!, feed)).toBe('en');
    expect(text(untranslatedLead!.summary)).toBe(story.summary);
    expect(xmlLang(untranslatedLead!.summary, untranslatedLead!, feed)).toBe('vi');
  });

  it('leaves a story written in the feed language as it was', () => {
    expect(xmlLang(original!.title, original!, feed)).toBe('en');
    expect((original!.title as Node)['@_xml:lang']).toBeUndefined();
  });
});

describe('a translated story in an RSS language feed', () => {
  const xml = renderRss(descriptor('rss'), shown);
  const items = (PARSER.parse(xml).rss.channel as Node).item as Node[];
  const [translated, untranslatedLead] = items;

  it('is well-formed and readable by a feed reader', async () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = await new RssParser().parseString(xml);
    expect(parsed.items.map((i) => i.title)).toEqual(shown.map((a) => a.headline));
  });

  it('states the language of its title and summary as the item language', () => {
    expect(text(translated!.title)).toBe(translation.headline);
    expect(text(translated!['dc:language'])).toBe('en');
    expect(text(untranslatedLead!['dc:language'])).toBe('en');
  });

  it('marks the untranslated HTML body and summary with the original language', () => {
    expect(htmlLang(text(translated!['content:encoded']) ?? '')).toBe('vi');
    expect(htmlLang(text(translated!.description) ?? '')).toBeUndefined();
    expect(htmlLang(text(untranslatedLead!.description) ?? '')).toBe('vi');
  });
});

describe('a translated story in a JSON Feed language feed', () => {
  const doc = JSON.parse(renderJsonFeed(descriptor('json'), shown)) as Item & { items: Item[] };
  const [translated, untranslatedLead, original] = doc.items as [Item, Item, Item];

  it('validates against the JSON Feed 1.1 schema', () => {
    expect(validateJsonFeed(doc)).toBe(true);
    expect(validateJsonFeed.errors ?? []).toEqual([]);
  });

  it('gives the item the language of its title and summary', () => {
    expect(doc.language).toBe('en');
    expect(translated.title).toBe(translation.headline);
    expect(translated.summary).toBe(translation.lead);
    expect(translated.language).toBe('en');
    expect(original.language).toBe('en');
  });

  it('points to the original language and marks the HTML body with it', () => {
    expect(translated._wirepipe).toMatchObject({
      translatedFrom: 'vi',
      machineTranslated: true,
      provider: translation.provider,
    });
    expect(htmlLang(translated.content_html as string)).toBe('vi');
    expect(original._wirepipe).toBeUndefined();
    expect(htmlLang(original.content_html as string)).toBeUndefined();
  });

  it('leaves out a Vietnamese summary it cannot label under an English title', () => {
    expect(untranslatedLead.language).toBe('en');
    expect(untranslatedLead).not.toHaveProperty('summary');
  });
});
