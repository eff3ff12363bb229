/**
 * Reads the parts of a story from its paragraphs the way a wire editor does: section label,
 * headline, location line and lead on top; the dateline that opens the body; captions in the
 * body; end mark, byline, sign-off and boilerplate at the end. Shared by wire text and HTML.
 */
import type { Credit, Dateline } from '../../shared/article.js';
import { parseCaptionLine } from './credits.js';
import { stripTextPrefix } from './html.js';
import { openingDate, parseDateline, type DatelineMatch } from './dateline.js';
import { isKnownPlace, isKnownSectionLabel } from './lexicon.js';
import {
  hasEndMark,
  isBoilerplateHeading,
  isBoilerplateLine,
  isSignOff,
  parseBylineLine,
  stripEndMark,
} from './tail.js';
import { countSpaceSeparatedWords as words } from './words.js';

/** One paragraph-level block: its text and, for HTML input, its sanitized markup. */
export interface Block {
  text: string;
  html: string | null;
  /** Set by the HTML reader for <figcaption>/<figure> text: always a caption. */
  caption?: boolean;
}

/** Every part of a story as an editor names them. */
export interface StoryParts {
  category: string | null;
  headline: string | null;
  location: string | null;
  lead: string | null;
  dateline: Dateline;
  byline: string[];
  credits: Credit[];
  /** Captions in reading order (their text is part of the content hash). */
  captions: string[];
  body: Block[];
}

/** How to read the blocks. */
export interface ReadOptions {
  publishedIso: string;
  /** Wire text carries label/headline/location/lead as lines; feeds carry them as fields. */
  hasHeaderLines: boolean;
}

// How far into the copy a dateline may sit: label, headline, location, lead, a photo caption.
const DATELINE_SEARCH_LIMIT = 7;
const SENTENCE_END_RE = /[.!?…:"”»)]$/u;
const DIGIT_RE = /\d/u;

function isShortLine(text: string, maxWords: number): boolean {
  return words(text) <= maxWords && text.length <= 40 && !SENTENCE_END_RE.test(text) && !DIGIT_RE.test(text);
}

/** Title Case words ("Hà Giang", "TP Hồ Chí Minh") look like a place; "Hội nhập" like a label. */
function isTitleCase(text: string): boolean {
  return text.split(/[\s-]+/u).every((w) => w === '' || /^[\p{Lu}\d]/u.test(w));
}

function labelScore(text: string): number {
  if (!isShortLine(text, 5)) return -1;
  if (isKnownSectionLabel(text)) return 3;
  if (isKnownPlace(text)) return 0;
  const n = words(text);
  if (n > 1 && !isTitleCase(text)) return 2;
  return 1;
}

function placeScore(text: string): number {
  if (!isShortLine(text, 6)) return -1;
  if (isKnownPlace(text)) return 3;
  if (isKnownSectionLabel(text)) return 0;
  if (isTitleCase(text)) return words(text) > 1 ? 2 : 1;
  return 0;
}

// Captions are one short sentence describing the picture. Most wire paragraphs are short too,
// so a paragraph above a credit is taken as its caption only when nothing says it is body copy:
// over 20 words (a long caption stays in the body rather than losing a paragraph), or someone
// speaking ("cho biết" = says, "theo ông" = according to him), which a picture never does.
const CAPTION_MAX_WORDS = 20;
const REPORTING_RE =
  /(?<!\p{L})(?:cho biết|nói(?! chuyện)|khẳng định|nhấn mạnh|cho rằng|nêu rõ|nhận định|bày tỏ|tuyên bố|thông báo|theo (?:ông|bà|anh|chị)|said|says|told|stated|added|according to|a déclaré|a indiqué|a affirmé|a souligné|a précisé|selon|a-t-il|a-t-elle)(?!\p{L})/iu;
// "Ảnh minh họa" (illustrative photo) and "Ảnh tư liệu" (archive photo) mark a picture that
// illustrates the story as a whole: the credit stands alone and never takes the paragraph above.
const STANDALONE_CREDIT_RE = /^\(?\s*(?:Ảnh (?:minh họa|minh hoạ|tư liệu)|Photos? (?:d'illustration|for illustration)|Illustrative photo|File photo)\s*:/iu;

function readsAsCaption(text: string): boolean {
  return words(text) <= CAPTION_MAX_WORDS && /[.!?…]$/u.test(text) && !REPORTING_RE.test(text);
}

function isLeadLike(text: string): boolean {
  const n = words(text);
  return (n >= 6 && SENTENCE_END_RE.test(text)) || n >= 20;
}

interface Header {
  category: string | null;
  headline: string | null;
  location: string | null;
  lead: string | null;
  extra: string[];
  byline: string[];
}

/** Splits the lines above the body into label / headline / location / lead. */
function classifyHeader(lines: string[], leadExpected: boolean): Header {
  const h: Header = { category: null, headline: null, location: null, lead: null, extra: [], byline: [] };
  const rest: string[] = [];
  for (const line of lines) {
    // English copy may carry "By Name" under the headline.
    if (/^(?:By|Par)\s+\p{Lu}/u.test(line)) {
      const names = parseBylineLine(line);
      if (names) {
        h.byline.push(...names);
        continue;
      }
    }
    rest.push(line);
  }
  if (leadExpected && rest.length >= 2 && isLeadLike(rest[rest.length - 1]!)) h.lead = rest.pop()!;
  if (rest.length === 0) return h;
  if (rest.length === 1) {
    h.headline = rest[0]!;
    return h;
  }
  const [a, b] = rest as [string, string];
  if (rest.length === 2) {
    const la = labelScore(a);
    const pb = placeScore(b);
    if (la > 0 && (la > pb || (la === pb && a.length <= b.length))) {
      h.category = a;
      h.headline = b;
    } else if (pb > 0) {
      h.headline = a;
      h.location = b;
    } else if (la >= 0 && labelScore(b) < 0 && words(a) < words(b)) {
      h.category = a;
      h.headline = b;
    } else {
      h.headline = a;
      if (h.lead === null) h.lead = b;
      else h.extra.push(b);
    }
    return h;
  }
  let i = 0;
  if (labelScore(a) > 0) {
    h.category = a;
    i = 1;
  }
  h.headline = rest[i]!;
  i += 1;
  const next = rest[i];
  if (next !== undefined && placeScore(next) > 0) {
    h.location = next;
    i += 1;
  }
  const remaining = rest.slice(i);
  if (h.lead === null && remaining.length > 0) h.lead = remaining.shift()!;
  h.extra.push(...remaining);
  return h;
}

/** A paragraph's dateline reading, as parseDateline gives it for one publication time. */
type DatelineReader = (paragraph: string) => DatelineMatch | null;

/**
 * parseDateline for one story, each paragraph read once: the same opening paragraphs are asked
 * about up to three times (opening check, agency pass, date pass). The matches are never changed.
 */
function datelineReader(publishedIso: string): DatelineReader {
  const read = new Map<string, DatelineMatch | null>();
  return (paragraph) => {
    let m = read.get(paragraph);
    if (m === undefined) {
      m = parseDateline(paragraph, publishedIso);
      read.set(paragraph, m);
    }
    return m;
  };
}

function findDateline(texts: string[], dateline: DatelineReader, from: number): { index: number; match: DatelineMatch } | null {
  const limit = Math.min(texts.length, from + DATELINE_SEARCH_LIMIT);
  for (let i = from; i < limit; i++) {
    const m = dateline(texts[i]!);
    if (m && m.strength === 'agency') return { index: i, match: m };
  }
  for (let i = from; i < limit; i++) {
    if (words(texts[i]!) < 8) continue;
    const m = dateline(texts[i]!);
    if (m) return { index: i, match: m };
  }
  return null;
}

// How many lines after "./." may still be tail, and how long such a line may be.
const TAIL_LINES = 6;
const TAIL_WORDS = 12;
const TRAILING_PAREN_RE = /\s*\([^()]*\)\s*$/u;

interface Tail {
  byline: string[];
  end: number;
}

// Under a related-news heading come headline links: no sentence end, or a question or an
// exclamation ("Vì sao giá gạo tăng?"). The story resumes at the first statement after them (a
// sentence of six words or more ending in a full stop); related headlines rarely are one.
const RELATED_LINK_MAX_WORDS = 30;
const STORY_SENTENCE_MIN_WORDS = 6;
const ENDS_STATEMENT_RE = /\.["”»)]?$/u;

function isRelatedLink(text: string): boolean {
  return isBoilerplateLine(text) || (words(text) <= RELATED_LINK_MAX_WORDS && !ENDS_STATEMENT_RE.test(text));
}

/**
 * Drops the related-news boxes that web copy puts in the middle of a story ("Tin liên quan" =
 * related news, and the headline links under it), so the story after them is kept. A box with
 * no story after it, or after the "./." end mark, is left in place: readTail cuts the copy there.
 */
function dropMidStoryBoxes(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let ended = false;
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i]!;
    if (ended || !isBoilerplateHeading(b.text)) {
      ended ||= hasEndMark(b.text);
      out.push(b);
      i += 1;
      continue;
    }
    let next = i + 1;
    while (next < blocks.length && isRelatedLink(blocks[next]!.text)) next += 1;
    const resumes = blocks[next];
    if (resumes === undefined || words(resumes.text) < STORY_SENTENCE_MIN_WORDS || !ENDS_STATEMENT_RE.test(resumes.text)) {
      return out.concat(blocks.slice(i));
    }
    i = next;
  }
  return out;
}

/** Strips boilerplate, sign-offs and byline lines from the end; returns where the story ends. */
function readTail(blocks: Block[], start: number): Tail {
  let end = blocks.length;
  for (let i = start; i < end; i++) {
    if (isBoilerplateHeading(blocks[i]!.text)) {
      end = i;
      break;
    }
  }
  const byline: string[] = [];
  // The "./." end mark closes the story: the short lines after it are sign-offs and names,
  // even in a form no rule knows ("Hữu Thắng (PV TTXVN tại Bắc Kinh)").
  for (let k = end - 1; k >= start && k >= end - TAIL_LINES; k--) {
    if (!hasEndMark(blocks[k]!.text)) continue;
    const after = blocks.slice(k + 1, end);
    if (after.some((b) => words(b.text) > TAIL_WORDS)) break;
    for (const b of after) {
      if (isBoilerplateLine(b.text) || isSignOff(b.text)) continue;
      byline.push(...(parseBylineLine(b.text) ?? parseBylineLine(b.text.replace(TRAILING_PAREN_RE, '')) ?? []));
    }
    return { byline, end: k + 1 };
  }
  while (end > start) {
    const text = blocks[end - 1]!.text;
    if (isBoilerplateLine(text) || isSignOff(text)) {
      end -= 1;
      continue;
    }
    const names = parseBylineLine(text);
    // The last body paragraph stays even when it looks like a name: a byline never stands alone.
    if (names && end - 1 > start) {
      byline.unshift(...names);
      end -= 1;
      continue;
    }
    break;
  }
  return { byline, end };
}

/** Reads every part of a story from its blocks. Never throws; missing parts are null/empty. */
export function readStoryParts(input: Block[], opts: ReadOptions): StoryParts {
  const credits: Credit[] = [];
  const captions: string[] = [];
  const kept: Block[] = [];
  const readDateline = datelineReader(opts.publishedIso);
  // Copy that opens with widget text or a sign-off has lost its top; skip to the first real line.
  let first = 0;
  while (first < input.length && (isBoilerplateLine(input[first]!.text) || isSignOff(input[first]!.text))) first++;
  for (let i = first; i < input.length; i++) {
    const b = input[i]!;
    // The first line of wire copy is never a caption: it is the label or the headline.
    const cap = i === first && opts.hasHeaderLines ? null : parseCaptionLine(b.text);
    if (cap) {
      let caption = cap.caption;
      // A credit alone on its line ("(Ảnh: Minh Tâm/TTXVN)") belongs to the short caption line
      // just above it, when that line is not the first paragraph, a dateline paragraph or prose.
      // Otherwise the credit is kept without a caption: losing a body paragraph costs more.
      const prev = kept.length >= 2 ? kept[kept.length - 1] : undefined;
      if (
        caption === null &&
        prev !== undefined &&
        !b.caption &&
        !STANDALONE_CREDIT_RE.test(b.text.trim()) &&
        readsAsCaption(prev.text) &&
        readDateline(prev.text) === null
      ) {
        caption = prev.text;
        kept.pop();
      }
      for (const c of cap.credits) credits.push(caption === cap.caption ? c : { ...c, caption });
      if (caption) captions.push(caption);
      continue;
    }
    if (b.caption) {
      captions.push(b.text);
      continue;
    }
    if (isBoilerplateLine(b.text) && !isBoilerplateHeading(b.text)) continue;
    kept.push(b);
  }
  const blocks = dropMidStoryBoxes(kept);

  const texts = blocks.map((b) => b.text);
  // The first line of wire copy is the label or headline, unless the copy lost its top and opens
  // straight with the dateline paragraph.
  const opensWithBody = texts.length > 0 && words(texts[0]!) >= 12 && readDateline(texts[0]!)?.strength === 'agency';
  let found = findDateline(texts, readDateline, opts.hasHeaderLines && !opensWithBody ? 1 : 0);
  // In a feed item's HTML body there are no header lines: a paragraph further down that merely
  // opens with a date ("Sáng 27/11, ...") is body, not a dateline; cutting there lost the
  // paragraphs above it. Only an agency dateline may stand below a sapo.
  if (!opts.hasHeaderLines && found && found.index > 0 && found.match.strength !== 'agency') found = null;
  let header: Header;
  let bodyStart: number;
  if (!opts.hasHeaderLines) {
    header = { category: null, headline: null, location: null, lead: null, extra: [], byline: [] };
    bodyStart = found ? found.index : 0;
    // Feed bodies sometimes repeat text before the dateline (a sapo); keep it as the lead.
    if (found && found.index > 0) header.lead = texts.slice(0, found.index).join(' ');
  } else if (found) {
    header = classifyHeader(texts.slice(0, found.index), true);
    bodyStart = found.index;
  } else {
    // No dateline: label?, headline, location? (lines without a sentence end), then the lead
    // when at least two more paragraphs follow it.
    const storyEnd = readTail(blocks, 0).end;
    let k = 0;
    while (k < Math.min(3, storyEnd) && (k === 0 || !isLeadLike(texts[k]!))) k++;
    header = classifyHeader(texts.slice(0, k), false);
    bodyStart = k;
    if (header.lead === null && storyEnd - bodyStart >= 3 && isLeadLike(texts[bodyStart]!)) {
      header.lead = texts[bodyStart]!;
      bodyStart += 1;
    }
  }

  const tail = readTail(blocks, bodyStart);
  const body = blocks.slice(bodyStart, tail.end).map((b) => ({ ...b }));
  body.unshift(...header.extra.map((text) => ({ text, html: null })));

  const dateline: Dateline = { place: null, date: null, agency: null, raw: null };
  if (found) {
    dateline.place = found.match.place;
    dateline.date = found.match.date;
    dateline.agency = found.match.agency;
    dateline.raw = found.match.raw;
    const opening = body[header.extra.length];
    if (opening) {
      if (found.match.rest === '') body.splice(header.extra.length, 1);
      else body[header.extra.length] = { text: found.match.rest, html: stripPrefixHtml(opening, found.match.raw) };
    }
    if (dateline.date === null && found.match.rest !== '') dateline.date = openingDate(found.match.rest, opts.publishedIso);
  }
  if (dateline.place === null && header.location !== null) dateline.place = header.location;

  // The end mark sits on the last paragraph with text (an embedded video may follow it).
  const lastText = body.findLastIndex((b) => b.text !== '');
  const last = body[lastText];
  if (last && hasEndMark(last.text)) {
    body[lastText] = { text: stripEndMark(last.text), html: last.html === null ? null : stripEndMarkHtml(last.html) };
  }

  return {
    category: header.category,
    headline: header.headline,
    location: header.location,
    lead: header.lead,
    dateline,
    byline: [...header.byline, ...tail.byline],
    credits,
    captions,
    body: body.filter((b) => b.text !== '' || b.html !== null),
  };
}

const CLOSING_TAGS_RE = /(?:(?:<\/[a-z0-9]+>|<br\s*\/?>)\s*)*$/iu;

/** Block HTML without the "./." end mark before its closing tags. */
function stripEndMarkHtml(html: string): string {
  const closing = CLOSING_TAGS_RE.exec(html);
  const at = closing ? closing.index : html.length;
  return stripEndMark(html.slice(0, at)) + html.slice(at);
}

/** The block's HTML without the dateline prefix; null (rebuild from text) when it cannot be cut. */
function stripPrefixHtml(block: Block, raw: string): string | null {
  if (block.html === null) return null;
  const open = /^<([a-z0-9]+)(?:\s[^>]*)?>/iu.exec(block.html);
  if (!open) return null;
  const rest = stripTextPrefix(block.html.slice(open[0].length), raw);
  return rest === null ? null : open[0] + rest;
}
