/**
 * What every format mapper produces before it becomes a RawItem: the one place identity rules,
 * date fallbacks and de-duplication live, so RSS, Atom, JSON Feed and ninjs agree on them.
 */
import type { Rendition } from '../../shared/article.js';
import type { RawCategory, RawItem } from '../../shared/raw-item.js';
import { sha256Hex } from '../../shared/ids.js';
import { readDate } from './dates.js';

export interface ItemDraft {
  format: 'feed-item' | 'ninjs';
  /** guid / id as the source gave it. */
  id: string | null;
  url: string | null;
  title: string | null;
  summary: string | null;
  content: string | null;
  contentType: 'text' | 'html';
  authors: string[];
  categories: RawCategory[];
  /** Date strings as written; the first non-blank one of each list is read. */
  publishedRaw: (string | null)[];
  updatedRaw: (string | null)[];
  language: string | null;
  renditions: Rendition[];
  baseUrl: string | null;
}

export interface DraftContext {
  sourceId: string;
  receivedAt: Date;
  /** What identifies an item: its id/guid (the default, as the formats define it) or its link. */
  identity?: ItemIdentity;
}

/**
 * 'link' serves feeds whose CMS writes one constant or recycled guid for every item: by the
 * guid they would all be one story and all but the first lost.
 */
export type ItemIdentity = 'id' | 'link';

/** An empty draft to fill in. */
export function emptyDraft(format: ItemDraft['format']): ItemDraft {
  return {
    format, id: null, url: null, title: null, summary: null, content: null, contentType: 'html',
    authors: [], categories: [], publishedRaw: [], updatedRaw: [], language: null, renditions: [], baseUrl: null,
  };
}

/** Trimmed string or null for blank / non-string values. */
export function clean(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** Resolves a possibly relative URL against a base; unresolvable relative URLs stay as written. */
export function absoluteUrl(ref: string | null, base: string | null): string | null {
  if (ref === null) return null;
  try {
    return new URL(ref, base ?? undefined).href;
  } catch {
    return ref;
  }
}

/**
 * C0 controls (bar tab, LF, CR) and U+FFFE/U+FFFF are not XML characters: one reaching an item
 * (via a character reference or a legacy code page) would make every RSS/Atom output invalid.
 */
const NON_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const WHITESPACE_RUN = /\s+/g;

function stripNonXml(s: string): string {
  return s.replace(NON_XML_CHARS, '');
}

/** A one-line field (title, author, category): no control characters, whitespace runs collapsed. */
function oneLine(s: string | null): string | null {
  if (s === null) return null;
  const t = stripNonXml(s).replace(WHITESPACE_RUN, ' ').trim();
  return t === '' ? null : t;
}

function uniqueStrings(values: string[]): string[] {
  return [...new Set(values.map(oneLine).filter((v): v is string => v !== null))];
}

function uniqueCategories(cats: RawCategory[]): RawCategory[] {
  const seen = new Set<string>();
  const out: RawCategory[] = [];
  for (const c of cats) {
    const term = oneLine(c.term);
    if (term === null) continue;
    const key = `${c.scheme ?? ''}\u0000${term}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ term, scheme: c.scheme });
  }
  return out;
}

function uniqueRenditions(rs: Rendition[]): Rendition[] {
  const seen = new Set<string>();
  return rs.filter((r) => (r.href !== '' && !seen.has(r.href) ? (seen.add(r.href), true) : false));
}

/**
 * Turns a draft into a RawItem: identity = id, else link, else a hash of title + date (with the
 * body when both are missing, so untitled undated items do not all collide). With
 * `ctx.identity === 'link'` the link comes first.
 */
export function finishDraft(d: ItemDraft, ctx: DraftContext): RawItem {
  const published = readDate(...d.publishedRaw);
  const updated = readDate(...d.updatedRaw);
  let identity = ctx.identity === 'link' ? (d.url ?? d.id) : d.id;
  let derived = false;
  if (identity === null) identity = d.url;
  if (identity === null) {
    derived = true;
    const date = d.publishedRaw.find((x) => x !== null && x.trim() !== '') ?? d.updatedRaw.find((x) => x !== null && x.trim() !== '') ?? '';
    const basis = d.title === null && date === '' ? `\n\n${d.summary ?? ''}\n${d.content ?? ''}` : '';
    identity = sha256Hex(`${d.title ?? ''}\n${date.trim()}${basis}`);
  }
  return {
    sourceId: ctx.sourceId,
    format: d.format,
    identity,
    identityDerived: derived,
    url: d.url,
    title: oneLine(d.title),
    summary: d.summary === null ? null : stripNonXml(d.summary),
    content: stripNonXml(d.content ?? d.summary ?? ''),
    contentType: d.contentType,
    authors: uniqueStrings(d.authors),
    categories: uniqueCategories(d.categories),
    published: published.iso ?? (updated.iso !== null && !published.invalid ? updated.iso : null),
    updated: updated.iso,
    dateInvalid: published.invalid || (published.iso === null && updated.invalid),
    language: d.language,
    renditions: uniqueRenditions(d.renditions),
    receivedAt: ctx.receivedAt.toISOString(),
    baseUrl: d.baseUrl,
  };
}

/**
 * Keeps the first item of each identity. Returns the dropped identities, and those of them whose
 * link differs from the kept item's: those are other stories lost to a reused id, not repeats.
 */
export function dedupeItems(items: RawItem[]): { items: RawItem[]; dropped: string[]; otherLinks: string[] } {
  const kept = new Map<string, RawItem>();
  const dropped: string[] = [];
  const otherLinks: string[] = [];
  for (const it of items) {
    const first = kept.get(it.identity);
    if (!first) kept.set(it.identity, it);
    else {
      dropped.push(it.identity);
      if (it.url !== null && it.url !== first.url) otherLinks.push(it.identity);
    }
  }
  return { items: [...kept.values()], dropped, otherLinks };
}
