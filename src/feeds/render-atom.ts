/**
 * Atom 1.0 rendering (RFC 4287), checked against the W3C feed validator's rules.
 *
 * Written with the escaping builder in xml-text.ts rather than the `feed` package: `feed` v6
 * writes `<category>` without the required `term`, cannot put `xml:lang` on an entry, omits the
 * entry author when the feed has none (every entry then fails validation), marks plain-text
 * titles as `type="html"`, emits `<link>` without `href` when an item has no URL, passes control
 * characters through and throws on an invalid date. Fixing all of that after the fact is more
 * code than the handful of elements below.
 */
import type { FeedDescriptor } from './feed-descriptor.js';
import {
  entryAuthors,
  entryCategories,
  entryDates,
  entryId,
  entryMedia,
  firstImage,
  toAbsoluteUri,
  uniqueEntries,
} from './render-parts.js';
import { entryLanguages, type FeedEntry } from './translated-entry.js';
import {
  XML_DECLARATION,
  emptyElement,
  parentElement,
  textElement,
} from './xml-text.js';

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const GENERATOR_URI = 'https://github.com/wirepipe/wirepipe';

function uriOr(value: string): string {
  return toAbsoluteUri(value) ?? value;
}

/** Feed ids like 'category/hoi-nhap' are not IRIs; a URN in wirepipe's namespace (slash escaped) makes them one. */
function feedIri(id: string): string {
  return toAbsoluteUri(`urn:wirepipe:feed:${id}`) ?? 'urn:wirepipe:feed:all';
}

/** `xml:lang` for a child written in `lang` inside an entry written in `entryLang`: only where they differ. */
function langIfDifferent(lang: string | null, entryLang: string | null): string | null {
  return lang === entryLang ? null : (lang ?? '');
}

function renderEntry(article: FeedEntry, feedUpdated: Date): string {
  const { published, updated } = entryDates(article, feedUpdated);
  // The entry keeps the story's language, so body, captions and labels inherit the right one;
  // a translated title and summary (presentInLanguage) say their own.
  const languages = entryLanguages(article);
  const children: string[] = [
    textElement('id', entryId(article)),
    textElement('title', article.headline, {
      type: 'text',
      'xml:lang': langIfDifferent(languages.title, languages.original),
    }),
    textElement('updated', updated.toISOString()),
    textElement('published', published.toISOString()),
  ];
  const link = article.url ? toAbsoluteUri(article.url) : null;
  if (link) children.push(emptyElement('link', { rel: 'alternate', type: 'text/html', href: link }));
  for (const name of entryAuthors(article)) {
    children.push(parentElement('author', [textElement('name', name)]));
  }
  for (const category of entryCategories(article)) {
    const label = category.label === category.term ? null : category.label;
    children.push(emptyElement('category', { term: category.term, scheme: category.scheme, label }));
  }
  const image = firstImage(entryMedia(article));
  if (image) {
    children.push(
      emptyElement('link', { rel: 'enclosure', type: image.type, href: image.href, title: image.caption || null }),
    );
  }
  if (article.summary) {
    const lang = langIfDifferent(languages.summary, languages.original);
    children.push(textElement('summary', article.summary, { type: 'text', 'xml:lang': lang }));
  }
  children.push(textElement('content', article.body.html, { type: 'html' }));
  return parentElement('entry', children, { 'xml:lang': languages.original });
}

/** Atom 1.0 XML for `feed` with `articles` (newest first); always well-formed, never throws on bad dates. */
export function renderAtom(feed: FeedDescriptor, articles: FeedEntry[]): string {
  const updated = Number.isNaN(feed.updated.getTime()) ? new Date() : feed.updated;
  const children: string[] = [
    textElement('id', feedIri(feed.id)),
    textElement('title', feed.title, { type: 'text' }),
  ];
  if (feed.description) children.push(textElement('subtitle', feed.description, { type: 'text' }));
  children.push(
    textElement('updated', updated.toISOString()),
    emptyElement('link', { rel: 'self', type: 'application/atom+xml', href: uriOr(feed.selfUrl) }),
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: uriOr(feed.homeUrl) }),
    emptyElement('link', { rel: 'alternate', type: 'application/rss+xml', href: uriOr(feed.alternates.rss) }),
    emptyElement('link', {
      rel: 'alternate',
      type: 'application/feed+json',
      href: uriOr(feed.alternates.json),
    }),
    textElement('generator', 'wirepipe', { uri: GENERATOR_URI }),
  );
  for (const article of uniqueEntries(articles)) children.push(renderEntry(article, updated));
  const attrs = { xmlns: ATOM_NS, 'xml:lang': feed.language };
  return `${XML_DECLARATION}\n${parentElement('feed', children, attrs)}\n`;
}
