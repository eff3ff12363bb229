/**
 * The partner-facing feed routes: /feeds/{all|category/<slug>|lang/<code>}.{rss,atom,json}.
 * Responses carry an ETag and honour If-None-Match, so polling partners pay nothing for an
 * unchanged feed.
 */
import type { IncomingMessage } from 'node:http';
import { createHash } from 'node:crypto';
import type { Article } from '../shared/article.js';
import type { Reply, Route } from '../server/http.js';
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

function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  return typeof header === 'string' && header.split(',').some((t) => t.trim() === etag || t.trim() === '*');
}

interface Rendered {
  changes: string;
  at: number;
  reply: Reply;
  etag: string;
}

/**
 * How long a rendering may be served while nothing was published: bounded, because an embargo
 * can lift without any publish.
 */
const CACHE_MAX_AGE_MS = 5_000;
const CACHE_ENTRIES = 500;

/** The feed routes, reading from `store`; `baseUrl()` gives the public base URL for self links. */
export function feedRoutes(store: ArticleStore, baseUrl: () => string, pageSize: number): Route {
  // Renderings per feed and format, reused until something is published: partners poll far
  // more often than stories arrive, and rendering 50 entries costs milliseconds.
  const cache = new Map<string, Rendered>();
  return async (req, url): Promise<Reply | null> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return null;
    const m = FEED_PATH.exec(url.pathname);
    if (!m) return null;
    const feed = parseFeedPath(m[1] as string, m[2]);
    if (!feed) return null;
    const format = m[3] as Format;
    const cacheKey = `${feed}.${format}`;
    const changes = await store.changes();
    let rendered = cache.get(cacheKey);
    if (!rendered || rendered.changes !== changes || Date.now() - rendered.at > CACHE_MAX_AGE_MS) {
      const fresh = await renderFeed(store, baseUrl(), feed, format, pageSize);
      if (!fresh) return null;
      rendered = { changes, at: Date.now(), ...fresh };
      if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
      cache.set(cacheKey, rendered);
    }
    if (notModified(req, rendered.etag)) return { status: 304, headers: rendered.reply.headers ?? {} };
    return rendered.reply;
  };
}

/** Renders one feed document, or null for a section or language with no entries (a 404). */
async function renderFeed(store: ArticleStore, base: string, feed: FeedId, format: Format, pageSize: number): Promise<{ reply: Reply; etag: string } | null> {
  // Read a little more than a page so hidden (embargoed, withheld) entries don't shorten it.
  const visible = visibleNow(await store.list(feed, pageSize * 2), new Date()).slice(0, pageSize);
  const lang = feed.startsWith('lang/') ? feed.slice('lang/'.length) : null;
  const articles = lang ? visible.map((a) => presentInLanguage(a, lang)) : visible;
  if (articles.length === 0 && feed !== 'all') return null;
  const body = FORMATS[format].render(feedDescriptor(base, feed, format, articles), articles);
  const etag = etagOf(body);
  const headers = { 'content-type': FORMATS[format].type, etag, 'cache-control': 'public, max-age=30' };
  return { reply: { status: 200, headers, body }, etag };
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
