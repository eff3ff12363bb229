/**
 * The format-neutral pieces of a feed entry, derived once from an article and shared by the RSS,
 * Atom and JSON Feed renderers (and the ninjs mapper), so the three formats never disagree about
 * who wrote a story, how it is categorised or which image leads it.
 */
import type { Article, Rendition } from '../shared/article.js';
import { storyUri } from '../shared/ids.js';
import { cleanText } from './xml-text.js';

/** IPTC Media Topics: scheme + numeric code is the concept URI. */
export const MEDIATOPIC_SCHEME = 'http://cv.iptc.org/newscodes/mediatopic/';

/** A category as Atom models it; RSS and JSON Feed use `label`. */
export interface EntryCategory {
  /** Machine term: the Media Topic number for subjects, the label itself otherwise. */
  term: string;
  /** Human label as written. */
  label: string;
  scheme: string | null;
}

/** An image or other media file with an absolute, percent-encoded URL and a known media type. */
export interface EntryMedia {
  href: string;
  type: string;
  width: number | null;
  height: number | null;
  caption: string | null;
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const HTTP_SCHEME = /^https?:/i;
const AUTHORITY_PREFIX = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;
// Characters RFC 3986 allows literally (plus '%' starting a valid escape); `[`/`]` only in a host.
const NOT_URI_CHAR = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/gu;
const NOT_AUTHORITY_CHAR = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%[\]]/gu;
const IP_LITERAL_AUTHORITY = /^[^:]+:\/\/(?:[^@/]*@)?\[[0-9A-Fa-f:.vV]+\](?::\d*)?$/;
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;
// RFC 2141 URN syntax, which the W3C feed validator enforces: no '/', '~', '?', '#' or '&' in the NSS.
const URN_PREFIX = /^urn:[A-Za-z0-9][A-Za-z0-9-]{1,31}:/i;
const NOT_URN_CHAR = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9()+,\-.:=@;$_!*'%]/gu;
// Last resort for Atom's required author when an article names no writer, agency or source.
const FALLBACK_AUTHOR = 'wirepipe';
const MEDTOP_CODE = /^(?:medtop:)?(\d{8})$/;
const EXTENSION = /\.([A-Za-z0-9]{2,5})$/;
const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  pdf: 'application/pdf',
};

function percentEncode(text: string, notAllowed: RegExp): string {
  return text.replace(notAllowed, (c) => {
    const encoded = encodeURIComponent(c);
    // encodeURIComponent leaves unreserved marks such as '~' alone; URNs need them escaped too.
    return encoded === c ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encoded;
  });
}

/**
 * `value` as an absolute RFC 3986 URI (non-ASCII, spaces and stray `%` percent-encoded, http(s)
 * hosts in punycode), or null when it is not absolute. Already-encoded URIs come back unchanged.
 */
export function toAbsoluteUri(value: string): string | null {
  let href = value.trim().replace(LONE_SURROGATE, '\uFFFD');
  if (!SCHEME.test(href)) return null;
  const urn = URN_PREFIX.exec(href)?.[0];
  if (urn) return urn + percentEncode(href.slice(urn.length), NOT_URN_CHAR);
  if (HTTP_SCHEME.test(href)) {
    if (!URL.canParse(href)) return null;
    href = new URL(href).href;
  }
  const hashAt = href.indexOf('#');
  const main = hashAt < 0 ? href : href.slice(0, hashAt);
  const authority = AUTHORITY_PREFIX.exec(main)?.[0] ?? '';
  // '[' and ']' are literal only around an IPv6/IPvFuture host; anywhere else they are escaped.
  const authorityAllowed = IP_LITERAL_AUTHORITY.test(authority) ? NOT_AUTHORITY_CHAR : NOT_URI_CHAR;
  let out =
    percentEncode(authority, authorityAllowed) + percentEncode(main.slice(authority.length), NOT_URI_CHAR);
  // Only the first '#' starts the fragment; any later one must be escaped.
  if (hashAt >= 0) out += `#${percentEncode(href.slice(hashAt + 1), NOT_URI_CHAR).replaceAll('#', '%23')}`;
  return out;
}

/** The entry's id in every format: the article uri (stable across versions), percent-encoded. */
export function entryId(article: Article): string {
  return toAbsoluteUri(article.uri) ?? storyUri(article.id);
}

/**
 * `articles` without later copies of the same story (same entry id): two versions of one story
 * share the uri, and duplicate ids/guids are an error for feed validators and readers. The
 * first (newest, as feeds list them) wins.
 */
export function uniqueEntries<T extends Article>(articles: readonly T[]): T[] {
  const seen = new Set<string>();
  return articles.filter((article) => {
    const id = entryId(article);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The Media Topic number in `medtop:11000000` or `11000000`, or null for other vocabularies. */
export function mediaTopicNumber(code: string): string | null {
  return MEDTOP_CODE.exec(code.trim())?.[1] ?? null;
}

/** A Date for an ISO string, or null when it is missing or not a real date. */
export function parseDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t);
}

/** Publication and update times of an entry; never invalid (falls back to `fallback`). */
export function entryDates(article: Article, fallback: Date): { published: Date; updated: Date } {
  const published = parseDate(article.firstCreated) ?? parseDate(article.versionCreated) ?? fallback;
  const updated = parseDate(article.versionCreated) ?? published;
  return { published, updated };
}

/**
 * Who to credit for an entry: the byline, else the agency in the dateline, else the source id.
 * Never empty, because Atom requires an author on every entry of a feed without one.
 */
export function entryAuthors(article: Article): string[] {
  // Cleaned before the emptiness test: a name made only of control characters is no name.
  const people = article.byline.map(visibleText).filter((name) => name !== '');
  if (people.length > 0) return [...new Set(people)];
  return [visibleText(article.dateline.agency ?? '') || visibleText(article.sourceId) || FALLBACK_AUTHOR];
}

/** `text` without XML-illegal characters and surrounding whitespace. */
function visibleText(text: string): string {
  return cleanText(text).trim();
}

/** The section label, the source's tags and the subject names, without duplicates. */
export function entryCategories(article: Article): EntryCategory[] {
  const seen = new Set<string>();
  const out: EntryCategory[] = [];
  const add = (term: string, label: string, scheme: string | null): void => {
    const key = `${scheme ?? ''}\u0000${term}`;
    if (term === '' || seen.has(key)) return;
    seen.add(key);
    out.push({ term, label, scheme });
  };
  const section = visibleText(article.category ?? '');
  add(section, section, null);
  for (const tag of article.tags) add(visibleText(tag), visibleText(tag), null);
  for (const subject of article.subjects) {
    const medtop = mediaTopicNumber(subject.code);
    const label = visibleText(subject.name) || visibleText(subject.code);
    if (medtop) add(medtop, label, MEDIATOPIC_SCHEME);
    else add(label, label, null);
  }
  return out;
}

/** The media type of a rendition: as given, else guessed from the file extension, else null. */
export function renditionType(rendition: Rendition): string | null {
  const given = rendition.type?.trim().toLowerCase();
  if (given) return given;
  const path = rendition.href.split(/[?#]/, 1)[0] ?? '';
  const ext = EXTENSION.exec(path)?.[1]?.toLowerCase();
  return ext ? (MIME_BY_EXTENSION[ext] ?? null) : null;
}

/** Every rendition with an absolute URL and a known media type, in article order. */
export function entryMedia(article: Article): EntryMedia[] {
  const out: EntryMedia[] = [];
  for (const rendition of article.renditions) {
    const href = toAbsoluteUri(rendition.href);
    const type = renditionType(rendition);
    if (!href || !type) continue;
    out.push({ href, type, width: rendition.width, height: rendition.height, caption: rendition.caption });
  }
  return out;
}

/** The first image among `media`, the one feeds show as the story's picture. */
export function firstImage(media: readonly EntryMedia[]): EntryMedia | null {
  return media.find((m) => m.type.startsWith('image/')) ?? null;
}
