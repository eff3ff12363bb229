/**
 * RSS 2.0 rendering (https://www.rssboard.org/rss-specification).
 *
 * Written with the small escaping builder in xml-text.ts rather than the `feed` package, because
 * `feed` v6 (read in node_modules/feed/lib/feed.js) passes control characters into the XML (not
 * well-formed), writes plain-text titles as CDATA that readers treat as HTML, puts names in
 * `<author>` (the spec wants an e-mail address), derives enclosure types from file extensions
 * (`image/jpg` is not a media type) and has no per-item language. Patching its output would mean
 * re-parsing the XML it produced, which is more code than writing the elements directly.
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
  type EntryMedia,
} from './render-parts.js';
import { entryLanguages, htmlInLanguage, type FeedEntry } from './translated-entry.js';
import {
  XML_DECLARATION,
  emptyElement,
  escapeHtml,
  parentElement,
  plainTextElement,
  textElement,
} from './xml-text.js';

const NAMESPACES = {
  version: '2.0',
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:dcterms': 'http://purl.org/dc/terms/',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
} as const;
const GENERATOR = 'wirepipe';
const DOCS = 'https://www.rssboard.org/rss-specification';
// Plain-text elements (title, category, dc:creator) use plainTextElement: see escapeXmlPlainText.

function uriOr(value: string): string {
  return toAbsoluteUri(value) ?? value;
}

function imageElements(image: EntryMedia): string[] {
  // The size is unknown at publish time; the RSS Advisory Board says to write length 0 then.
  const enclosure = emptyElement('enclosure', { url: image.href, length: 0, type: image.type });
  const description = image.caption
    ? [plainTextElement('media:description', image.caption, { type: 'plain' })]
    : [];
  const media = parentElement('media:content', description, {
    url: image.href,
    type: image.type,
    medium: 'image',
    width: image.width,
    height: image.height,
  });
  return [enclosure, media];
}

function renderItem(article: FeedEntry, feedUpdated: Date): string {
  const { published, updated } = entryDates(article, feedUpdated);
  // An item has one language, that of its title; HTML parts in another one say so themselves.
  const languages = entryLanguages(article);
  const itemLang = languages.title;
  const link = article.url ? toAbsoluteUri(article.url) : null;
  const children: string[] = [plainTextElement('title', article.headline)];
  if (link) children.push(textElement('link', link));
  // The uri is stable across versions but is not a web address, hence isPermaLink=false.
  children.push(textElement('guid', entryId(article), { isPermaLink: 'false' }));
  children.push(textElement('pubDate', published.toUTCString()));
  children.push(textElement('dcterms:modified', updated.toISOString()));
  // RSS <description> is HTML by convention; the summary is plain text, so it is HTML-escaped.
  if (article.summary) {
    const description = htmlInLanguage(escapeHtml(article.summary), languages.summary, itemLang);
    children.push(textElement('description', description));
  }
  if (article.body.html) {
    children.push(textElement('content:encoded', htmlInLanguage(article.body.html, languages.original, itemLang)));
  }
  // <author> must be an e-mail address; Dublin Core creator is the accepted place for names.
  for (const name of entryAuthors(article)) children.push(plainTextElement('dc:creator', name));
  for (const category of entryCategories(article)) {
    children.push(plainTextElement('category', category.label, { domain: category.scheme }));
  }
  if (itemLang) children.push(textElement('dc:language', itemLang));
  const image = firstImage(entryMedia(article));
  if (image) children.push(...imageElements(image));
  return parentElement('item', children);
}

/** RSS 2.0 XML for `feed` with `articles` (newest first); always well-formed, never throws on bad dates. */
export function renderRss(feed: FeedDescriptor, articles: FeedEntry[]): string {
  const updated = Number.isNaN(feed.updated.getTime()) ? new Date() : feed.updated;
  const channel: string[] = [
    plainTextElement('title', feed.title),
    textElement('link', uriOr(feed.homeUrl)),
    plainTextElement('description', feed.description),
    emptyElement('atom:link', { href: uriOr(feed.selfUrl), rel: 'self', type: 'application/rss+xml' }),
  ];
  if (feed.language) channel.push(textElement('language', feed.language));
  channel.push(
    textElement('lastBuildDate', updated.toUTCString()),
    textElement('generator', GENERATOR),
    textElement('docs', DOCS),
  );
  for (const article of uniqueEntries(articles)) channel.push(renderItem(article, updated));
  return `${XML_DECLARATION}\n${parentElement('rss', [parentElement('channel', channel)], NAMESPACES)}\n`;
}
