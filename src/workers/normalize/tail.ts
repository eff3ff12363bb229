/**
 * The end of a story as an editor reads it: the "./." end mark, the writers' names, the agency
 * sign-off ("TTXVN", "Theo TTXVN" = "according to TTXVN": a source, not a person) and the web
 * boilerplate ("Tin liên quan" = related news, "Xem thêm" = see more) that follows.
 */
import { AGENCY_CHAIN_SOURCE, isAgencyMark } from './lexicon.js';
import { isSpaceUnit } from './words.js';

// A line that is only a boilerplate heading; everything after it is a list of links.
const BOILERPLATE_HEADING_RE =
  /^(?:Tin liên quan|Tin cùng chuyên mục|Tin khác|Tin mới|Xem thêm|Đọc thêm|Bài liên quan|Có thể bạn quan tâm|Related news|Related stories|Related articles|Related|Read more|See also|More news|Voir aussi|Lire aussi|Articles connexes|Sur le même sujet|Dans la même rubrique)\s*[:.]?$/iu;
// A single inline boilerplate line anywhere: "Xem thêm: ...", "Read more: ...", widgets' labels.
// A widget label counts only with a colon, alone, or with at most three words after it: body
// sentences open with the same words ("Chia sẻ với phóng viên TTXVN, ông...", "Share prices fell...").
const BOILERPLATE_LINE_RE =
  /^(?:(?:Xem thêm|Đọc thêm|Tin liên quan|Read more|Related|See also|Lire aussi|Voir aussi)\s*[:>»]|(?:Chia sẻ|In bài|Gửi bài|Bình luận|Share|Print|Email|Tweet|Partager|Imprimer|Từ khóa|Từ khoá|Tags?|Mots-clés)(?:\s*:.*|\s*|(?:\s+\S+){1,3}\s*)$|(?:Facebook|Twitter|Zalo|LinkedIn|Email|Print)(?:\s*[|·]\s*(?:Facebook|Twitter|Zalo|LinkedIn|Email|Print))+$)/iu;
const SIGN_OFF_RE = new RegExp(
  `^(?:[-–—]\\s*)?(?:(?:Theo|Nguồn|Source|Sources|Selon|D'après|Nguồn tin)\\s*:?\\s*)?\\(?${AGENCY_CHAIN_SOURCE}\\)?\\s*[.]?$`,
  'iu',
);
const BYLINE_PREFIX_RE =
  /^(?:(?:Bài và ảnh|Tin và ảnh|Tin, ảnh|Bài, ảnh|Bài|Tin|Nhóm phóng viên|Phóng viên|PV|Story and photos by|Text and photos|Reported by|By|Par)\s*:?\s+)/iu;
const NAME_WORD = "[\\p{Lu}][\\p{L}\\p{M}'’.-]*";
const NAME_RE = new RegExp(`^${NAME_WORD}(?:\\s+(?:(?:de|du|da|van|von|le|la|bin|binti)\\s+)?${NAME_WORD}){0,4}$`, 'u');
const NAME_SEPARATORS = /\s*(?:\s[-–—]\s|,|;|\/|\s&\s|\svà\s|\sand\s|\set\s)\s*/u;
// "PV" (phóng viên = reporter), "BTV" (editor), "CTV" (contributor): roles, not names.
const GENERIC_ROLE_RE = /^(?:PV|BTV|CTV|Nhóm PV|Nhóm phóng viên|Phóng viên|Staff|Staff writer)$/u;
const TRAILING_PAREN_GROUP_RE = /\s*\((?:[^()]*)\)\s*$/u;
const SLASH = 0x2f;
const PERIOD = 0x2e;
const CLOSING_PAREN = 0x29;

/** Index of the last unit of `text` before `end` that is not \s (-1 when there is none). */
function lastNonSpaceBefore(text: string, end: number): number {
  let i = end - 1;
  while (i >= 0 && isSpaceUnit(text.charCodeAt(i))) i--;
  return i;
}

/** True for a line that is web boilerplate (related-news headings, share widgets, tag lists). */
export function isBoilerplateLine(line: string): boolean {
  return BOILERPLATE_HEADING_RE.test(line) || BOILERPLATE_LINE_RE.test(line);
}

/** True for a related-news heading after which the rest of the copy is links, not story. */
export function isBoilerplateHeading(line: string): boolean {
  return BOILERPLATE_HEADING_RE.test(line);
}

/** True for an agency sign-off line ("TTXVN", "Theo TTXVN", "CVN/VNA", "(VNA)"). */
export function isSignOff(line: string): boolean {
  return SIGN_OFF_RE.test(line.trim());
}

/**
 * True when a paragraph carries the wire end mark "./." (or "/."): it ends, spaces aside, with
 * "/" then "." (what /\s*(?:\.\s*\/\s*\.|\/\s*\.)\s*$/u finds, read from the end instead
 * of tried at every position of the paragraph).
 */
export function hasEndMark(paragraph: string): boolean {
  const dot = lastNonSpaceBefore(paragraph, paragraph.length);
  if (dot < 0 || paragraph.charCodeAt(dot) !== PERIOD) return false;
  const slash = lastNonSpaceBefore(paragraph, dot);
  return slash >= 0 && paragraph.charCodeAt(slash) === SLASH;
}

const SLASH_DOT_RE = /\s*\/\s*\.\s*$/u;
const ENDS_SENTENCE_RE = /[.!?…](?:["”’»)]*)$|["”’»)]\.$/u;

/** The paragraph without the "./." end mark; the sentence keeps (or gets) one final period. */
export function stripEndMark(paragraph: string): string {
  if (!hasEndMark(paragraph)) return paragraph;
  const text = paragraph.replace(SLASH_DOT_RE, '').trimEnd();
  return ENDS_SENTENCE_RE.test(text) ? text : `${text}.`;
}

/**
 * The writers named on a byline line ("Minh Tâm", "Xuân Khu - Thu Hương", "Minh Tâm/TTXVN"),
 * agency marks dropped; null when the line is not a byline.
 */
export function parseBylineLine(line: string): string[] | null {
  if (isSignOff(line)) return [];
  const unprefixed = line.trim().replace(BYLINE_PREFIX_RE, '');
  // Only a line ending in ")" can end in a parenthesized group: most lines skip that scan.
  const close = lastNonSpaceBefore(unprefixed, unprefixed.length);
  const text =
    close >= 0 && unprefixed.charCodeAt(close) === CLOSING_PAREN
      ? unprefixed.replace(TRAILING_PAREN_GROUP_RE, (m) => (isAgencyMark(m.replace(/[()]/g, '')) ? '' : m))
      : unprefixed;
  if (text.length === 0 || text.length > 90) return null;
  const names: string[] = [];
  for (const part of text.split(NAME_SEPARATORS)) {
    const p = part.trim();
    if (p === '' || isAgencyMark(p) || GENERIC_ROLE_RE.test(p)) continue;
    if (!NAME_RE.test(p)) return null;
    names.push(p);
  }
  return names;
}
