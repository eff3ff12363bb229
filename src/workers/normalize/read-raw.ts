/**
 * Turns the content of a raw item into clean text blocks: legacy Vietnamese encodings fixed,
 * text normalized, HTML sanitized and split into paragraphs. One job: no story structure here.
 */
import type { Rendition } from '../../shared/article.js';
import type { RawItem } from '../../shared/raw-item.js';
import { htmlBlocks, htmlToRawText, imageRenditions, sanitizeBodyHtml } from './html.js';
import { decodeCharacterReferences } from './entities.js';
import { convertLegacyEncoding, detectLegacyEncoding, fixLegacyEncoding } from './legacy-encoding.js';
import type { Block } from './story-parts.js';
import { normalizeInline, normalizeText } from './text.js';

/** A raw item's content, cleaned and split. */
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
  const text = isHtml || /<\/?[a-z][^>]*>/iu.test(value) ? htmlToRawText(value) : decodeCharacterReferences(value);
  // The code page is read before cleaning, as for bodies: cleaning deletes U+00AD, which is "ư"
  // in TCVN3, and without it a title like "Bé Th\u00AD¬ng m¹i" is no longer recognised at all.
  const out = normalizeInline(fixLegacyEncoding(text.normalize('NFC')).text);
  return out === '' ? null : out;
}

const SENTENCE_END_RE = /[.!?…:;"”»)]$/u;
const STARTS_LOWER_RE = /^[\p{Ll}\d(“"]/u;

/**
 * True when the lines of one blank-line-separated block are a paragraph hard-wrapped at a fixed
 * width (old terminals, e-mail): long lines of similar length that end mid-sentence.
 */
function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const body = lines.slice(0, -1);
  if (body.some((l) => l.length < 45 || l.length > 110 || SENTENCE_END_RE.test(l))) return false;
  if (lines.length === 2) return STARTS_LOWER_RE.test(lines[1]!);
  const lengths = body.map((l) => l.length);
  return Math.max(...lengths) - Math.min(...lengths) <= 25;
}

/**
 * Plain text as blocks: one per non-empty line, except that a hard-wrapped paragraph (see
 * isHardWrapped) is joined back into one block.
 */
export function textBlocks(text: string): Block[] {
  return blocksOfFixedText(fixLegacyEncoding(text.normalize('NFC')).text);
}

/** textBlocks of text already in NFC with any legacy encoding converted. */
function blocksOfFixedText(converted: string): Block[] {
  const fixed = normalizeText(converted);
  const blocks: Block[] = [];
  for (const chunk of fixed.split('\n\n')) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    if (isHardWrapped(lines)) blocks.push({ text: lines.join(' '), html: null });
    else for (const line of lines) blocks.push({ text: line, html: null });
  }
  return blocks;
}

/** The item's content as blocks plus the images found in it. */
export function readContent(raw: RawItem): ReadContent {
  const isHtml = raw.format !== 'wire-text' && (raw.contentType === 'html' || /<(?:p|div|br|img|figure|h[1-6])\b/iu.test(raw.content));
  if (!isHtml) {
    // One NFC and one detection serve both the blocks and the encoding reported (textBlocks
    // would repeat them).
    const { text, encoding } = fixLegacyEncoding(raw.content.normalize('NFC'));
    return { blocks: blocksOfFixedText(text), renditions: [], legacyEncoding: encoding };
  }
  const base = raw.baseUrl ?? raw.url;
  let html = sanitizeBodyHtml(raw.content.normalize('NFC'), base);
  // Detection only counts telltale characters: tags out is enough, no full text cleaning.
  const encoding = detectLegacyEncoding(html.replace(TAG_RE, ' '));
  // Convert text nodes only: attribute values and URLs must keep their ASCII dots and quotes.
  if (encoding !== null) html = html.replace(TEXT_NODE_RE, (_m, t: string) => `>${convertLegacyEncoding(t, encoding)}<`);
  html = normalizeHtmlText(html);
  return { blocks: htmlBlocks(html), renditions: imageRenditions(html), legacyEncoding: encoding };
}

const HTML_TEXT_CONTROLS_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF\u00AD]/gu;
const HTML_TEXT_ODD_SPACES_RE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu;
const HTML_TEXT_SPACE_RUN_RE = /\s{2,}/gu;
// Anything one of the three above would change: a control, an odd space or two spaces in a row.
const HTML_TEXT_TO_CLEAN_RE = new RegExp(`${HTML_TEXT_CONTROLS_RE.source}|${HTML_TEXT_ODD_SPACES_RE.source}|\\s\\s`, 'u');

/** One text node cleaned: controls out, odd spaces folded, runs of whitespace one space. */
function cleanHtmlText(t: string): string {
  return t.replace(HTML_TEXT_CONTROLS_RE, '').replace(HTML_TEXT_ODD_SPACES_RE, ' ').replace(HTML_TEXT_SPACE_RUN_RE, ' ');
}

/**
 * Text nodes get the same cleaning as plain text (controls out, odd spaces folded). One test of
 * the whole HTML, then of each node, stands in for three replaces per node: HTML with nothing to
 * clean anywhere (tags included) has nothing to clean in its text nodes, and is returned as is.
 */
export function normalizeHtmlText(html: string): string {
  if (!HTML_TEXT_TO_CLEAN_RE.test(html)) return html;
  return html.replace(TEXT_NODE_RE, (m, t: string) => (HTML_TEXT_TO_CLEAN_RE.test(t) ? `>${cleanHtmlText(t)}<` : m));
}
