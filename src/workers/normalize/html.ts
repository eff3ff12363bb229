/**
 * HTML bodies of feed items and ninjs: sanitized with an allowlist, split into paragraph blocks,
 * images collected as renditions. Only the markup a syndication partner can render safely stays.
 */
import sanitizeHtml from 'sanitize-html';
import type { Rendition } from '../../shared/article.js';
import { decodeCharacterReferences, referenceAt } from './entities.js';
import type { Block } from './story-parts.js';
import { normalizeInline } from './text.js';

const DROP_MARK = 'data-wirepipe-drop';
// Class or id of page furniture an editor cuts: share/print widgets, related links, ads, comments.
const WIDGET_RE =
  /(?:^|[\s_-])(?:share|sharing|social|print|related|relate|tin-lien-quan|tinlienquan|comment|comments|advert|ads|banner|newsletter|subscribe|breadcrumb|tags?|toolbar|sidebar|recommend|readmore|read-more|xem-them)(?:$|[\s_-])/iu;
const TRACKING_SRC_RE = /(?:pixel|beacon|tracking|tracker|\/1x1|spacer|blank)\.(?:gif|png)|[?&](?:utm_|pixel)/iu;
// Hidden elements carry trackers or page furniture; a 0/1-pixel image is a tracking pixel.
const HIDDEN_STYLE_RE = /display\s*:\s*none|visibility\s*:\s*hidden/iu;
const PIXEL_STYLE_RE = /(?:^|;)\s*(?:width|height)\s*:\s*[01](?:px)?\s*(?:;|$)/iu;
const YOUTUBE_HOSTS = ['www.youtube.com', 'youtube.com', 'www.youtube-nocookie.com', 'youtube-nocookie.com'];

function absolute(href: string, base: string | null): string | null {
  try {
    return base ? new URL(href, base).href : new URL(href).href;
  } catch {
    return null;
  }
}

function isTiny(value: string | undefined): boolean {
  return value !== undefined && /^\s*[01](?:px)?\s*$/u.test(value);
}

// The parts of the sanitizer's options that do not depend on the item, built once (sanitize-html
// copies the options it is given and changes none of them).
const ALLOWED_TAGS = [
  'p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i',
  'u', 'sub', 'sup', 'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'caption', 'iframe', 'pre', 'code', 'div', 'section', 'article', 'aside', 'header', 'footer', 'main',
];
const ALLOWED_ATTRIBUTES: sanitizeHtml.IOptions['allowedAttributes'] = {
  a: ['href', 'rel', 'title'],
  img: ['src', 'alt', 'width', 'height', 'title'],
  iframe: ['src', 'width', 'height', 'allowfullscreen', 'title'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  '*': [DROP_MARK],
};
const ALLOWED_SCHEMES = ['http', 'https', 'mailto'];
const ALLOWED_SCHEMES_BY_TAG = { img: ['http', 'https'], iframe: ['https'] };
const NON_TEXT_TAGS = ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'svg', 'button', 'form', 'nav'];

const exclusiveFilter: NonNullable<sanitizeHtml.IOptions['exclusiveFilter']> = (frame) => {
  if (frame.attribs[DROP_MARK] !== undefined) return true;
  if (frame.tag === 'img') {
    const src = frame.attribs.src;
    return src === undefined || (isTiny(frame.attribs.width) && isTiny(frame.attribs.height)) || TRACKING_SRC_RE.test(src);
  }
  if (frame.tag === 'iframe') return frame.attribs.src === undefined;
  if (frame.tag === 'a' && frame.attribs.href === undefined) return 'excludeTag';
  return false;
};

// A plain object literal, not a spread of shared options: V8 copies a spread object here in
// microseconds, a literal of references in a fraction of one.
function optionsFor(base: string | null): sanitizeHtml.IOptions {
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ALLOWED_SCHEMES,
    allowedSchemesByTag: ALLOWED_SCHEMES_BY_TAG,
    allowProtocolRelative: false,
    allowedIframeHostnames: YOUTUBE_HOSTS,
    allowIframeRelativeUrls: false,
    disallowedTagsMode: 'discard',
    // Real articles nest a dozen levels at most; deeper markup is noise (and costs time).
    nestingLimit: 64,
    nonTextTags: NON_TEXT_TAGS,
    transformTags: {
      '*': (tagName, attribs) => {
        const cls = `${attribs.class ?? ''} ${attribs.id ?? ''}`;
        const out: Record<string, string> = { ...attribs };
        if (WIDGET_RE.test(cls) || HIDDEN_STYLE_RE.test(attribs.style ?? '')) out[DROP_MARK] = '1';
        if (tagName === 'img' && PIXEL_STYLE_RE.test(attribs.style ?? '')) out[DROP_MARK] = '1';
        if (tagName === 'a' && attribs.href !== undefined) {
          const href = absolute(attribs.href.trim(), base);
          if (href === null) delete out.href;
          else out.href = href;
          out.rel = 'noopener';
        }
        if ((tagName === 'img' || tagName === 'iframe') && attribs.src !== undefined) {
          const src = absolute(attribs.src.trim(), base);
          if (src === null) delete out.src;
          else out.src = src;
        }
        return { tagName: tagName === 'h1' ? 'h2' : tagName, attribs: out };
      },
    },
    exclusiveFilter,
  };
}

const DROP_MARK_ATTR_RE = new RegExp(` ${DROP_MARK}="[^"]*"`, 'gu');

/** Sanitized HTML: allowlisted tags, absolute links with rel="noopener", no scripts or pixels. */
export function sanitizeBodyHtml(html: string, base: string | null): string {
  return sanitizeHtml(html, optionsFor(base)).replace(DROP_MARK_ATTR_RE, '');
}

const BLOCK_TAGS: ReadonlySet<string> = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'figure', 'table', 'pre', 'iframe']);
const CONTAINER_TAGS: ReadonlySet<string> = new Set(['div', 'section', 'article', 'aside', 'header', 'footer', 'main']);
// <br> runs at the edges of loose text that was split on a double <br>.
const EDGE_BREAKS_RE = /^(?:\s*<br\s*\/?>)+|(?:<br\s*\/?>\s*)+$/giu;
const TOKEN_RE = /<(\/?)([a-z0-9]+)([^>]*)>|[^<]+/giu;
const BR_TAG_RE = /<br\s*\/?>/giu;
const ITEM_END_TAG_RE = /<\/(?:li|tr|td|th|figcaption|caption)>/giu;
const ANY_TAG_RE = /<[^>]*>/gu;

/** Text of an HTML fragment with the entities sanitize-html leaves decoded. */
export function htmlToText(html: string): string {
  return normalizeInline(htmlToRawText(html));
}

/**
 * htmlToText without the cleaning of the text: tags dropped, entities decoded, control characters
 * and spacing as they were (a legacy code page is read before they go: TCVN3 writes "ư" as U+00AD).
 */
export function htmlToRawText(html: string): string {
  // Every tag pattern starts with "<" and every entity with "&": text without them (a loose run
  // of text between blocks, a plain summary) skips those scans.
  let text = html;
  if (text.includes('<')) {
    text = text
      .replace(BR_TAG_RE, ' ')
      .replace(ITEM_END_TAG_RE, ' ')
      .replace(ANY_TAG_RE, '');
  }
  return decodeCharacterReferences(text);
}

const NEEDS_ESCAPE_RE = /[&<>"]/;

/** Escapes text for HTML element content. */
export function escapeHtml(text: string): string {
  // Most paragraphs hold none of the four: one test instead of four replaces that find nothing.
  if (!NEEDS_ESCAPE_RE.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const IMG_RE = /<img\s([^>]*)>/giu;
const FIGCAPTION_AFTER_RE = /^\s*(?:<\/a>\s*)?<figcaption>([\s\S]*?)<\/figcaption>/iu;
const TABLE_CAPTION_AFTER_RE = /^\s*(?:<\/a>\s*)?<\/td>\s*<\/tr>\s*<tr>\s*<td>([\s\S]*?)<\/td>/iu;
const ATTR_RE = /([a-z-]+)="([^"]*)"/giu;

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTR_RE)) out[m[1]!.toLowerCase()] = m[2]!;
  return out;
}

/** Images of sanitized HTML as renditions (caption from the figure's figcaption, else alt). */
export function imageRenditions(html: string): Rendition[] {
  const out: Rendition[] = [];
  for (const m of html.matchAll(IMG_RE)) {
    const a = attrs(m[1]!);
    if (!a.src) continue;
    const after = html.slice(m.index + m[0].length, m.index + m[0].length + 2000);
    // Caption in a <figcaption>, or in the next table row (the "picture table" of Vietnamese CMSs).
    const fig = FIGCAPTION_AFTER_RE.exec(after) ?? TABLE_CAPTION_AFTER_RE.exec(after);
    const caption = fig ? htmlToText(fig[1]!) : a.alt ? htmlToText(a.alt) : '';
    const width = a.width && /^\d+$/u.test(a.width) ? Number(a.width) : null;
    const height = a.height && /^\d+$/u.test(a.height) ? Number(a.height) : null;
    out.push({ href: htmlToText(a.src), type: null, width, height, caption: caption === '' ? null : caption });
  }
  return out;
}

/**
 * Splits sanitized HTML into paragraph blocks: block elements as they are, loose text in
 * containers wrapped as <p>, figure captions marked as captions, bare images dropped from text.
 */
export function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let loose = '';
  // Whether `loose` ends in a <br> (whitespace after it aside): a second one ends the paragraph.
  // Tracked, not re-tested with a regex on `loose`, which made <br>-heavy HTML quadratic.
  let trailingBr = false;
  const flushLoose = (): void => {
    const text = htmlToText(loose);
    if (text !== '') blocks.push({ text, html: `<p>${loose.replace(EDGE_BREAKS_RE, '').trim()}</p>` });
    loose = '';
    trailingBr = false;
  };
  let depth = 0;
  let blockTag = '';
  let blockStart = 0;
  for (const m of html.matchAll(TOKEN_RE)) {
    const [token, closing, rawName] = m;
    const name = rawName?.toLowerCase();
    if (depth > 0) {
      if (name === blockTag) depth += closing ? -1 : 1;
      if (depth === 0) {
        const blockHtml = html.slice(blockStart, m.index + token.length);
        pushBlock(blocks, blockTag, blockHtml);
      }
      continue;
    }
    if (name !== undefined && BLOCK_TAGS.has(name) && !closing) {
      flushLoose();
      if (name === 'iframe' && token.endsWith('/>')) {
        blocks.push({ text: '', html: token });
        continue;
      }
      blockTag = name;
      blockStart = m.index;
      depth = 1;
      continue;
    }
    if (name !== undefined && CONTAINER_TAGS.has(name)) {
      flushLoose();
      continue;
    }
    if (name === 'br' && trailingBr) {
      flushLoose();
      continue;
    }
    if (name === 'img') continue;
    loose += token;
    if (name === 'br') trailingBr = true;
    else if (name !== undefined || token.trim() !== '') trailingBr = false;
  }
  flushLoose();
  return blocks;
}

function pushBlock(blocks: Block[], tag: string, blockHtml: string): void {
  if (tag === 'figure') {
    const cap = /<figcaption>([\s\S]*?)<\/figcaption>/iu.exec(blockHtml);
    const text = cap ? htmlToText(cap[1]!) : '';
    if (text !== '') blocks.push({ text, html: null, caption: true });
    return;
  }
  if (tag === 'iframe') {
    blocks.push({ text: '', html: blockHtml });
    return;
  }
  const withoutImages = blockHtml.replace(IMG_RE, '');
  // A table that holds a picture is the CMS's picture frame (image row, caption row): its text
  // stays one line so the caption with its credit is read as it was. A data table reads row by row.
  const isDataTable = tag === 'table' && withoutImages.length === blockHtml.length;
  const text = isDataTable ? tableText(withoutImages) : htmlToText(withoutImages);
  if (text === '') return;
  blocks.push({ text, html: withoutImages.replace(/<(p|h[2-6])>\s+/u, '<$1>').replace(/\s+<\/(p|h[2-6])>$/u, '</$1>') });
}

// The tags that frame rows and cells, the only ones the row reader looks at (sanitized HTML:
// lowercase names, no ">" inside attributes).
const TABLE_FRAME_TAG_RE = /<\/?(table|thead|tbody|tfoot|tr|td|th|caption)(?:\s[^>]*)?>/gu;

/**
 * The text of a data table: a paragraph per row (a nested table's rows and a caption included),
 * its cells joined by " | ", so that no sentence reads across cells or rows ("Tỉnh Số ca TP Hồ
 * Chí Minh 5.200" would be a place "Số" and a sentence that never was). One pass over the table.
 */
export function tableText(html: string): string {
  let out = '';
  let row = '';
  let from = 0;
  for (const m of html.matchAll(TABLE_FRAME_TAG_RE)) {
    const cell = htmlToText(html.slice(from, m.index));
    if (cell !== '') row = row === '' ? cell : `${row} | ${cell}`;
    from = m.index + m[0].length;
    const name = m[1]!;
    // Every frame tag but a cell's ends the row: <tr>, </tr>, a nested <table>, a <caption>.
    if (name === 'td' || name === 'th' || row === '') continue;
    out = out === '' ? row : `${out}\n\n${row}`;
    row = '';
  }
  const rest = htmlToText(html.slice(from));
  if (rest !== '') row = row === '' ? rest : `${row} | ${rest}`;
  if (row !== '') out = out === '' ? row : `${out}\n\n${row}`;
  return out;
}

const EMPTY_INLINE_RE = /<(strong|b|em|i|u|span|a)(?:\s[^>]*)?>\s*<\/\1>/giu;
const VOID_TAGS: ReadonlySet<string> = new Set(['br', 'img', 'hr', 'wbr']);

/**
 * The HTML of one block with the text `prefix` (as htmlToText reads it) cut from its start,
 * whatever inline markup it crosses: elements left open at the cut are re-opened, elements left
 * empty are dropped. Null when the block's text does not start with the prefix.
 */
export function stripTextPrefix(html: string, prefix: string): string | null {
  const open: Array<{ name: string; tag: string }> = [];
  let i = 0;
  let j = 0;
  const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/u.test(c);
  while (j < prefix.length) {
    if (i >= html.length) return null;
    const c = html[i]!;
    if (c === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) return null;
      const tag = html.slice(i, end + 1);
      const m = /^<(\/?)([a-z0-9]+)/iu.exec(tag);
      if (m) {
        const name = m[2]!.toLowerCase();
        if (m[1] === '/') {
          const at = open.map((o) => o.name).lastIndexOf(name);
          if (at >= 0) open.splice(at, 1);
        } else if (!VOID_TAGS.has(name) && !tag.endsWith('/>')) {
          open.push({ name, tag });
        }
      }
      i = end + 1;
      continue;
    }
    if (isSpace(prefix[j])) {
      if (!isSpace(c)) return null;
      while (isSpace(prefix[j])) j++;
      while (isSpace(html[i])) i++;
      continue;
    }
    let ch = c;
    let width = 1;
    if (c === '&') {
      const ref = referenceAt(html, i);
      if (ref !== null) {
        ch = ref.text;
        width = ref.length;
      }
    }
    // A reference can stand for two UTF-16 units (an astral character, "&#128512;") or more.
    if (!prefix.startsWith(ch, j)) return null;
    i += width;
    j += ch.length;
  }
  // Close what the prefix left open right at the cut ("<strong>Hà Nội (TTXVN) -</strong> …").
  for (;;) {
    while (i < html.length && isSpace(html[i])) i++;
    const last = open[open.length - 1];
    if (last === undefined || !html.startsWith(`</${last.name}>`, i)) break;
    i += last.name.length + 3;
    open.pop();
  }
  return (open.map((o) => o.tag).join('') + html.slice(i)).replace(EMPTY_INLINE_RE, '');
}
