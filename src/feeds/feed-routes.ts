/**
 * The partner-facing feed routes: /feeds/{all|category/<slug>|lang/<code>}.{rss,atom,json}.
 * Responses carry an ETag and a Last-Modified date and honour If-None-Match and If-Modified-Since,
 * so polling partners pay nothing for an unchanged feed.
 */
import type { IncomingMessage } from 'node:http';
import { createHash } from 'node:crypto';
import type { Article } from '../shared/article.js';
import { methodNotAllowed, type Reply, type Route } from '../server/http.js';
import type { ArticleStore } from './article-store.js';
import { newestUpdate, type FeedDescriptor } from './feed-descriptor.js';
import { parseFeedPath, type FeedId } from './feed-keys.js';
import { renderAtom } from './render-atom.js';
import { renderJsonFeed } from './render-json-feed.js';
import { renderRss } from './render-rss.js';
import { presentInLanguage } from './translated-entry.js';

const FORMATS = {
  rss: { type: 'application/rss+xml; charset=utf-8', render: renderRss },
  atom: { type: 'application/atom+xml; charset=utf-8', render: renderAtom },
  json: { type: 'application/feed+json; charset=utf-8', render: renderJsonFeed },
} as const;
type Format = keyof typeof FORMATS;

const FEED_PATH = /^\/feeds\/(all|category|lang)(?:\/([a-z0-9-]+))?\.(rss|atom|json)$/;

/** Human titles for a feed id. */
function describeFeed(feed: FeedId, articles: Article[]): { title: string; description: string; language: string | null } {
  if (feed.startsWith('category/')) {
    const label = articles[0]?.category ?? feed.slice('category/'.length);
    return { title: `wirepipe: ${label}`, description: `Stories in the section "${label}"`, language: null };
  }
  if (feed.startsWith('lang/')) {
    const lang = feed.slice('lang/'.length);
    return { title: `wirepipe: stories in ${lang}`, description: `Stories written in ${lang}`, language: lang };
  }
  return { title: 'wirepipe: all stories', description: 'Every published story, newest first', language: null };
}

/** Builds the descriptor of one feed rendering. */
export function feedDescriptor(baseUrl: string, feed: FeedId, format: Format, articles: Article[]): FeedDescriptor {
  const d = describeFeed(feed, articles);
  const at = (ext: Format) => `${baseUrl}/feeds/${feed}.${ext}`;
  return {
    id: feed,
    title: d.title,
    description: d.description,
    selfUrl: at(format),
    homeUrl: `${baseUrl}/`,
    alternates: { rss: at('rss'), atom: at('atom'), json: at('json') },
    language: d.language,
    updated: newestUpdate(articles),
  };
}

/**
 * What partners may see now: usable stories whose embargo has passed. Withheld and canceled
 * versions stay in the store (the archive and operators need them) but leave the feeds.
 */
export function visibleNow(articles: Article[], now: Date): Article[] {
  return articles.filter((a) => a.pubStatus === 'usable' && (a.embargoedUntil === null || Date.parse(a.embargoedUntil) <= now.getTime()));
}

function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** The opaque part of an entity tag: `W/"x"` and `"x"` are the same tag under weak comparison. */
const ENTITY_TAG = /(?:W\/)?("[^"]*")/g;

/**
 * Whether the partner's copy is current (RFC 9110 §13.2.2): If-None-Match, compared weakly (nginx
 * gzip turns our ETag into W/"…"), decides when present; otherwise If-Modified-Since against
 * Last-Modified.
 */
function notModified(req: IncomingMessage, etag: string, lastModified: number | null): boolean {
  const tags = req.headers['if-none-match'];
  if (tags !== undefined) {
    if (tags.trim() === '*') return true;
    return Array.from(tags.matchAll(ENTITY_TAG), (m) => m[1]).includes(etag);
  }
  const since = req.headers['if-modified-since'];
  if (since === undefined || lastModified === null) return false;
  const sinceMs = Date.parse(since);
  return Number.isFinite(sinceMs) && sinceMs >= lastModified;
}

/** A Last-Modified date, or why there is none yet. */
type LastModified = { date: number } | { date: null; settling: boolean };

/**
 * When the feed last changed, to the second (HTTP dates have no finer unit): the last save that
 * changed its entries, or an embargo lifted since, whichever is later. A story's own time would
 * not do: one filed late, under the newest, changes the feed without moving that time, and a
 * partner polling with If-Modified-Since would never get it. No date while that second is still
 * running on either clock (saves are timed by Redis, embargoes by this one): a change later in the
 * same second would carry the same date, and a partner holding this rendering would get a 304.
 */
function lastModifiedOf(changedAt: number | null, listed: Article[], now: number, redisClock: number): LastModified {
  let newest = changedAt ?? Number.NEGATIVE_INFINITY;
  for (const a of listed) {
    const lifted = a.embargoedUntil === null ? Number.NaN : Date.parse(a.embargoedUntil);
    if (lifted <= now && lifted > newest) newest = lifted;
  }
  if (!Number.isFinite(newest)) return { date: null, settling: false };
  const second = Math.floor(newest / 1000) * 1000;
  return second + 1000 <= Math.min(now, redisClock) ? { date: second } : { date: null, settling: true };
}

interface Rendered {
  changes: string;
  at: number;
  reply: Reply;
  etag: string;
  lastModified: LastModified;
}

/**
 * How long a rendering may be served while nothing was published: bounded, because an embargo
 * can lift without any publish. One still waiting for its Last-Modified second to end is
 * rendered again soon, so partners get the date.
 */
const CACHE_MAX_AGE_MS = 5_000;
const SETTLING_MAX_AGE_MS = 1_000;
const CACHE_ENTRIES = 500;

function expired(rendered: Rendered, now: number): boolean {
  const maxAge = rendered.lastModified.date === null && rendered.lastModified.settling ? SETTLING_MAX_AGE_MS : CACHE_MAX_AGE_MS;
  return now - rendered.at > maxAge;
}

/** The feed routes, reading from `store`; `baseUrl()` gives the public base URL for self links. */
export function feedRoutes(store: ArticleStore, baseUrl: () => string, pageSize: number): Route {
  // Renderings per feed and format, reused until something is published: partners poll far
  // more often than stories arrive, and rendering 50 entries costs milliseconds.
  const cache = new Map<string, Rendered>();
  return async (req, url): Promise<Reply | null> => {
    const m = FEED_PATH.exec(url.pathname);
    if (!m) return null;
    const feed = parseFeedPath(m[1] as string, m[2]);
    if (!feed) return null;
    if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(req.method, url.pathname, 'GET, HEAD');
    const format = m[3] as Format;
    const cacheKey = `${feed}.${format}`;
    const changes = await store.changes();
    let rendered = cache.get(cacheKey);
    if (!rendered || rendered.changes !== changes || expired(rendered, Date.now())) {
      const fresh = await renderFeed(store, baseUrl(), feed, format, pageSize);
      if (!fresh) return null;
      rendered = { changes, at: Date.now(), ...fresh };
      if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
      cache.set(cacheKey, rendered);
    }
    if (notModified(req, rendered.etag, rendered.lastModified.date)) return { status: 304, headers: rendered.reply.headers ?? {} };
    return rendered.reply;
  };
}

/** Renders one feed document, or null for a section or language with no entries (a 404). */
async function renderFeed(
  store: ArticleStore,
  base: string,
  feed: FeedId,
  format: Format,
  pageSize: number,
): Promise<{ reply: Reply; etag: string; lastModified: LastModified } | null> {
  const now = new Date();
  // The change time is read before the entries: a save landing in between then makes the date
  // older than the rendering (one needless 200 later), never newer (a partner missing it for good).
  const { changedAt, clock } = await store.changeTime(feed);
  // Read a little more than a page so hidden (withheld, canceled) entries don't shorten it; the
  // store already leaves out what is still under embargo.
  const listed = await store.list(feed, pageSize * 2, now);
  const visible = visibleNow(listed, now).slice(0, pageSize);
  const lang = feed.startsWith('lang/') ? feed.slice('lang/'.length) : null;
  const articles = lang ? visible.map((a) => presentInLanguage(a, lang)) : visible;
  if (articles.length === 0 && feed !== 'all') return null;
  const body = FORMATS[format].render(feedDescriptor(base, feed, format, articles), articles);
  const etag = etagOf(body);
  const lastModified = lastModifiedOf(changedAt, listed, now.getTime(), clock);
  const headers: Record<string, string> = { 'content-type': FORMATS[format].type, etag, 'cache-control': 'public, max-age=30' };
  if (lastModified.date !== null) headers['last-modified'] = new Date(lastModified.date).toUTCString();
  return { reply: { status: 200, headers, body }, etag, lastModified };
}

/** GET / : the list of feeds that currently have entries, so a partner can discover them. */
export function feedIndexRoute(store: ArticleStore, baseUrl: () => string): Route {
  return async (req, url) => {
    if (url.pathname !== '/' || (req.method !== 'GET' && req.method !== 'HEAD')) return null;
    const feeds = await store.feeds();
    const list = feeds.map((f) => ({
      id: f,
      rss: `${baseUrl()}/feeds/${f}.rss`,
      atom: `${baseUrl()}/feeds/${f}.atom`,
      json: `${baseUrl()}/feeds/${f}.json`,
    }));
    return {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: `${JSON.stringify({ name: 'wirepipe', feeds: list }, null, 2)}\n`,
    };
  };
}
