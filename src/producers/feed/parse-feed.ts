/**
 * Feed documents → RawItems. Format detection and dispatch only; each format has its mapper.
 *
 * XML feeds are read with fast-xml-parser into our own small tree (xml-tree.ts) rather than with
 * rss-parser: rss-parser throws RangeError on a single bad Atom date, rejects <rss> without a
 * version, ignores xml:base, flattens Atom xhtml content and does not resolve namespace prefixes.
 * One tree gives all formats the same namespace, xml:base and xml:lang handling.
 */
import type { Logger } from 'pino';
import { PermanentError, WirepipeError } from '../../shared/errors.js';
import type { RawItem } from '../../shared/raw-item.js';
import type { FeedDraft } from './feed-draft.js';
import { dedupeItems, finishDraft, type ItemIdentity } from './item-draft.js';
import { isAtomRoot, mapAtom } from './map-atom.js';
import { isJsonFeed, isNinjs, mapJsonFeed, mapNinjsDocument } from './map-json.js';
import { mapRdf, mapRss } from './map-rss.js';
import { NS, parseXmlTree } from './xml-tree.js';

export interface ParseFeedContext {
  sourceId: string;
  feedUrl: string;
  receivedAt: Date;
  languageHint?: string | null;
  /** What identifies an item (the source's `identity` setting); default its id/guid. */
  identity?: ItemIdentity;
  /** Where duplicate ids are reported; optional so pure callers need none. */
  log?: Logger;
}

export interface ParsedFeed {
  title: string | null;
  language: string | null;
  ttlSeconds: number | null;
  items: RawItem[];
}

const LEADING_JUNK = /^[\s\uFEFF]+/;

function documentUrl(feedUrl: string): string | null {
  try {
    return new URL(feedUrl).href;
  } catch {
    return null;
  }
}

function mapXml(text: string, url: string | null): FeedDraft {
  const root = parseXmlTree(text, url);
  if (root.local === 'rss') return mapRss(root);
  if (root.local === 'RDF' && root.ns === NS.rdf) return mapRdf(root);
  if (isAtomRoot(root)) return mapAtom(root);
  throw new PermanentError('UNKNOWN_FORMAT', `XML document with root <${root.name}> is not a feed`, { root: root.name });
}

function mapJson(text: string, url: string | null): FeedDraft {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new PermanentError('FEED_PARSE', `invalid JSON: ${(err as Error).message}`, { invalidJson: true }, { cause: err });
  }
  if (isJsonFeed(doc)) return mapJsonFeed(doc, url);
  if (isNinjs(doc) || (Array.isArray(doc) && doc.length > 0 && doc.every(isNinjs))) return mapNinjsDocument(doc);
  throw new PermanentError('UNKNOWN_FORMAT', 'JSON document is neither JSON Feed nor ninjs');
}

/** Which family a document's text belongs to, from its first significant character. */
export function sniffFeedText(text: string): 'xml' | 'json' | null {
  const head = text.replace(LEADING_JUNK, '').charAt(0);
  if (head === '<') return 'xml';
  if (head === '{' || head === '[') return 'json';
  return null;
}

/**
 * Parses an RSS 2.0/0.9x, RSS 1.0/RDF, Atom 1.0/0.3, JSON Feed or ninjs document into RawItems.
 * Throws only WirepipeErrors: FEED_DTD_REFUSED, FEED_PARSE or UNKNOWN_FORMAT.
 */
export async function parseFeed(text: string, ctx: ParseFeedContext): Promise<ParsedFeed> {
  const url = documentUrl(ctx.feedUrl);
  let draft: FeedDraft;
  try {
    const kind = sniffFeedText(text);
    if (kind === 'xml') draft = mapXml(text.replace(LEADING_JUNK, ''), url);
    else if (kind === 'json') draft = mapJson(text, url);
    else throw new PermanentError('UNKNOWN_FORMAT', 'document is neither XML nor JSON');
  } catch (err) {
    if (err instanceof WirepipeError) throw err;
    // Parser internals (e.g. RangeError on absurd nesting) are still bad input, not our fault.
    throw new PermanentError('FEED_PARSE', `feed could not be parsed: ${(err as Error).message}`, {}, { cause: err });
  }
  const hint = ctx.languageHint ?? null;
  const all = draft.items.map((d) => {
    if (d.language === null) d.language = draft.language ?? hint;
    return finishDraft(d, { sourceId: ctx.sourceId, receivedAt: ctx.receivedAt, ...(ctx.identity ? { identity: ctx.identity } : {}) });
  });
  const { items, dropped, otherLinks } = dedupeItems(all);
  if (otherLinks.length > 0) {
    // Items with one id and different links are different stories: the feed reuses ids, and
    // everything but the first is lost until the source is told to go by links.
    ctx.log?.warn({ sourceId: ctx.sourceId, dropped, otherLinks }, 'items share an id but not a link; kept the first of each id (set `identity: link` on this source if its ids are not unique)');
  } else if (dropped.length > 0) {
    ctx.log?.debug({ sourceId: ctx.sourceId, dropped }, 'duplicate item ids in one document; kept the first');
  }
  return { title: draft.title, language: draft.language ?? hint, ttlSeconds: draft.ttlSeconds, items };
}
