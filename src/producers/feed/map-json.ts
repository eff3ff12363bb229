/** JSON Feed 1.0 / 1.1 and IPTC ninjs (1.x and 2.x) documents → item drafts. */
import { escapeHtml } from './map-atom.js';
import type { Rendition } from '../../shared/article.js';
import { PermanentError } from '../../shared/errors.js';
import { absoluteUrl, clean, emptyDraft, type ItemDraft } from './item-draft.js';
import type { FeedDraft } from './feed-draft.js';

type Json = Record<string, unknown>;

const JSON_FEED_VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(\.1)?\/?$/;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function asArray(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}
function str(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return clean(v);
}
function positive(v: unknown): number | null {
  const n = typeof v === 'string' ? Number.parseInt(v, 10) : v;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.round(n) : null;
}

/** True for a JSON Feed document (by its version URL). */
export function isJsonFeed(doc: unknown): doc is Json {
  return isObject(doc) && typeof doc['version'] === 'string' && JSON_FEED_VERSION.test(doc['version'].trim());
}

/** True for a ninjs object: a uri plus at least one content field. */
export function isNinjs(doc: unknown): doc is Json {
  if (!isObject(doc) || typeof doc['uri'] !== 'string') return false;
  return ['headline', 'headlines', 'body_html', 'body_text', 'bodies', 'type', 'versioncreated'].some((k) => k in doc);
}

function jsonFeedAuthors(o: Json): string[] {
  const names: string[] = [];
  for (const a of [...asArray(o['authors']), ...asArray(o['author'])]) {
    if (isObject(a)) {
      const n = str(a['name']) ?? str(a['url']);
      if (n !== null) names.push(n);
    }
  }
  return names;
}

function mapJsonFeedItem(it: Json, feedUrl: string | null, feedLang: string | null, feedAuthors: string[]): ItemDraft {
  const d = emptyDraft('feed-item');
  d.id = str(it['id']);
  d.url = absoluteUrl(str(it['url']) ?? str(it['external_url']), feedUrl);
  d.title = str(it['title']);
  // JSON Feed's summary is plain text; the raw item's summary is HTML (as RSS descriptions are).
  const summaryText = str(it['summary']);
  d.summary = summaryText === null ? null : escapeHtml(summaryText);
  const html = str(it['content_html']);
  const text = str(it['content_text']);
  d.content = html ?? text ?? d.summary;
  d.contentType = html !== null || text === null ? 'html' : 'text';
  const authors = jsonFeedAuthors(it);
  d.authors = authors.length > 0 ? authors : [...feedAuthors];
  for (const t of asArray(it['tags'])) {
    const term = str(t);
    if (term !== null) d.categories.push({ term, scheme: null });
  }
  d.publishedRaw = [str(it['date_published'])];
  d.updatedRaw = [str(it['date_modified'])];
  d.language = str(it['language']) ?? feedLang;
  for (const key of ['image', 'banner_image']) {
    const href = absoluteUrl(str(it[key]), feedUrl);
    if (href !== null) d.renditions.push({ href, type: null, width: null, height: null, caption: null });
  }
  for (const a of asArray(it['attachments'])) {
    if (!isObject(a)) continue;
    const href = absoluteUrl(str(a['url']), feedUrl);
    if (href !== null) d.renditions.push({ href, type: str(a['mime_type']), width: null, height: null, caption: str(a['title']) });
  }
  d.baseUrl = d.url ?? feedUrl;
  return d;
}

/** Maps a JSON Feed document. */
export function mapJsonFeed(doc: Json, documentUrl: string | null): FeedDraft {
  const items = doc['items'];
  if (!Array.isArray(items)) throw new PermanentError('FEED_PARSE', 'JSON Feed has no items array');
  const feedUrl = absoluteUrl(str(doc['home_page_url']), documentUrl) ?? documentUrl;
  const lang = str(doc['language']);
  const authors = jsonFeedAuthors(doc);
  return {
    title: str(doc['title']),
    language: lang,
    ttlSeconds: null,
    items: items.filter(isObject).map((it) => mapJsonFeedItem(it, feedUrl, lang, authors)),
  };
}

/** ninjs renditions are an object keyed by name (1.x, 2.0) or an array (later 2.x drafts). */
function ninjsRenditions(v: unknown, caption: string | null): Rendition[] {
  const list = Array.isArray(v) ? v : isObject(v) ? Object.values(v) : [];
  const out: Rendition[] = [];
  for (const r of list) {
    if (!isObject(r)) continue;
    const href = str(r['href']);
    if (href === null) continue;
    out.push({
      href,
      type: str(r['contenttype']) ?? str(r['mimetype']),
      width: positive(r['width']),
      height: positive(r['height']),
      caption: str(r['title']) ?? caption,
    });
  }
  return out;
}

function firstValue(v: unknown, role?: string): string | null {
  const list = asArray(v).filter(isObject);
  const pick = (role ? list.find((x) => x['role'] === role) : undefined) ?? list[0];
  return pick ? str(pick['value']) : null;
}

function ninjsSubjects(o: Json): { term: string; scheme: string | null }[] {
  const out: { term: string; scheme: string | null }[] = [];
  for (const key of ['subject', 'subjects', 'genre', 'genres']) {
    for (const s of asArray(o[key])) {
      if (!isObject(s)) continue;
      const term = str(s['name']) ?? str(s['code']);
      if (term !== null) out.push({ term, scheme: str(s['scheme']) ?? str(s['uri']) });
    }
  }
  return out;
}

/** Maps one ninjs object to a draft (identity = its uri). */
export function mapNinjs(o: Json): ItemDraft {
  const d = emptyDraft('ninjs');
  d.id = str(o['uri']);
  d.url = null;
  for (const l of asArray(o['links'])) {
    if (isObject(l) && (l['rel'] === 'alternate' || l['rel'] === 'canonical' || l['rel'] === undefined)) {
      d.url = str(l['href']);
      if (d.url !== null) break;
    }
  }
  d.title = str(o['headline']) ?? firstValue(o['headlines'], 'main') ?? firstValue(o['headlines']);
  d.summary = str(o['description_text']) ?? str(o['description_html']) ?? firstValue(o['descriptions']);
  const bodies = asArray(o['bodies']).filter(isObject);
  const htmlBody = bodies.find((b) => /html/i.test(String(b['contenttype'] ?? '')));
  const html = str(o['body_html']) ?? (htmlBody ? str(htmlBody['value']) : null);
  const text = str(o['body_text']) ?? (html === null ? firstValue(bodies) : null);
  d.content = html ?? text ?? d.summary;
  d.contentType = html !== null ? 'html' : 'text';
  const byline = str(o['byline']);
  if (byline !== null) d.authors.push(byline);
  for (const b of asArray(o['bylines'])) {
    const n = isObject(b) ? (str(b['byline']) ?? str(b['name'])) : null;
    if (n !== null) d.authors.push(n);
  }
  d.categories = ninjsSubjects(o);
  d.publishedRaw = [str(o['firstcreated']), str(o['contentcreated'])];
  d.updatedRaw = [str(o['versioncreated'])];
  d.language = str(o['language']);
  d.renditions = ninjsRenditions(o['renditions'], null);
  const assoc = o['associations'];
  for (const a of isObject(assoc) ? Object.values(assoc) : asArray(assoc)) {
    if (!isObject(a)) continue;
    const cap = str(a['description_text']) ?? str(a['body_text']) ?? str(a['headline']) ?? firstValue(a['descriptions']);
    d.renditions.push(...ninjsRenditions(a['renditions'], cap));
  }
  d.baseUrl = d.url;
  return d;
}

/** Maps a ninjs object or an array of them. */
export function mapNinjsDocument(doc: unknown): FeedDraft {
  const list = Array.isArray(doc) ? doc : [doc];
  if (list.length === 0 || !list.every(isNinjs)) throw new PermanentError('FEED_PARSE', 'not a ninjs object or array of ninjs objects');
  const first = list[0] as Json;
  return { title: null, language: str(first['language']), ttlSeconds: null, items: list.map((o) => mapNinjs(o as Json)) };
}
