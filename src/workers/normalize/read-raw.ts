/**
 * Turns the content of a raw item into clean text blocks: legacy Vietnamese encodings fixed,
 * text normalized, HTML sanitized and split into paragraphs. One job: no story structure here.
 */
import type { Rendition } from '../../shared/article.js';
import type { RawItem } from '../../shared/raw-item.js';
import { htmlBlocks, htmlToText, imageRenditions, sanitizeBodyHtml } from './html.js';
import { detectLegacyEncoding, fixLegacyEncoding } from './legacy-encoding.js';
import type { Block } from './story-parts.js';
import { normalizeInline, normalizeText } from './text.js';

export interface ReadContent {
  blocks: Block[];
  renditions: Rendition[];
  /** The legacy encoding converted, if any (logged by the stage). */
  legacyEncoding: 'tcvn3' | 'viqr' | 'vni' | null;
}

const TEXT_NODE_RE = />([^<]+)</gu;
const TAG_RE = /<[^>]*>/g;

/** A short field (title, summary, author) as clean single-line text; HTML tags dropped. */
export function cleanField(value: string | null, isHtml: boolean): string | null {
  if (value === null) return null;
  const text = isHtml || /<\/?[a-z][^>]*>/iu.test(value) ? htmlToText(value) : normalizeInline(value);
  const fixed = fixLegacyEncoding(text).text;
  const out = normalizeInline(fixed);
  return out === '' ? null : out;
}

/** Plain text split into one block per non-empty line. */
export function textBlocks(text: string): Block[] {
  const fixed = fixLegacyEncoding(text.normalize('NFC')).text;
  return normalizeText(fixed)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ text: line, html: null }));
}

/** The item's content as blocks plus the images found in it. */
export function readContent(raw: RawItem): ReadContent {
  const isHtml = raw.format !== 'wire-text' && (raw.contentType === 'html' || /<(?:p|div|br|img|figure|h[1-6])\b/iu.test(raw.content));
  if (!isHtml) {
    const encoding = detectLegacyEncoding(raw.content.normalize('NFC'));
    return { blocks: textBlocks(raw.content), renditions: [], legacyEncoding: encoding };
  }
  const base = raw.baseUrl ?? raw.url;
  let html = sanitizeBodyHtml(raw.content.normalize('NFC'), base);
  // Detection only counts telltale characters: tags out is enough, no full text cleaning.
  const encoding = detectLegacyEncoding(html.replace(TAG_RE, ' '));
  // Convert text nodes only: attribute values and URLs must keep their ASCII dots and quotes.
  if (encoding !== null) html = html.replace(TEXT_NODE_RE, (_m, t: string) => `>${fixLegacyEncoding(t).text}<`);
  html = normalizeHtmlText(html);
  return { blocks: htmlBlocks(html), renditions: imageRenditions(html), legacyEncoding: encoding };
}

// Text nodes get the same cleaning as plain text (controls out, odd spaces folded).
function normalizeHtmlText(html: string): string {
  return html.replace(TEXT_NODE_RE, (_m, t: string) => `>${t.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF\u00AD]/gu, '').replace(/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu, ' ').replace(/\s{2,}/gu, ' ')}<`);
}
