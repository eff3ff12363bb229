/**
 * Companies and brands that carry no organisation head word: a name introduced by a lowercase
 * descriptor ("hãng taxi Xanh SM", "automaker VinFast", "le constructeur VinFast"), a name shaped
 * like a bank or a Vingroup brand ("Techcombank", "HDBank", "Vinhomes"), and a well-known brand
 * running into more words ("Samsung Electronics Vietnam", "Jeonbuk Hyundai Motors").
 */
import { isVietSyllable, phraseKey } from './fold.js';
import { flagSet, tokenIn } from './word-flags.js';
import { longestAt, phraseIndex } from './phrase-index.js';
import { roleBreakAt, titleLengthAt } from './role-phrases.js';
import { hardBreakBefore } from './spans.js';
import type { Section } from './spans.js';
import type { Token } from './tokenize.js';

/** Lowercase words that introduce a company or brand name written after them. */
const DESCRIPTORS = phraseIndex(
  [
    // Vietnamese: the descriptor is not part of the name ("hãng taxi Xanh SM" → "Xanh SM").
    'hãng', 'thương hiệu', 'nhà mạng', 'nhà bán lẻ', 'chuỗi', 'công ty', 'tập đoàn', 'doanh nghiệp', 'ngân hàng',
    'nhà sản xuất', 'nhà đầu tư', 'nhà phát triển', 'nhà cung cấp', 'hãng tin', 'hãng xe', 'hãng bay', 'câu lạc bộ',
    'quỹ', 'quỹ đầu tư', 'quỹ đầu tư mạo hiểm', 'công ty khởi nghiệp',
    // English
    'brand', 'firm', 'company', 'carrier', 'airline', 'lender', 'operator', 'developer', 'automaker', 'carmaker',
    'conglomerate', 'giant', 'startup', 'start-up', 'retailer', 'manufacturer', 'insurer', 'provider', 'chain',
    'chipmaker', 'club', 'outlet', 'broadcaster', 'newspaper', 'agency', 'contractor', 'investor', 'producer',
    // French
    'constructeur', 'opérateur', 'entreprise', 'marque', 'firme', 'géant', 'enseigne', 'transporteur', 'banque',
    'fabricant', 'promoteur', 'assureur', 'quotidien', 'chaîne', 'club', 'laboratoire', 'groupe pharmaceutique',
    'drugmaker', 'pharmaceutical company', 'vaccine maker',
  ].map((w) => [phraseKey(w), true] as const),
);

/** Words of a company name after its brand in English or French copy ("Samsung Electronics Vietnam"). */
const CORPORATE_WORDS = new Set(
  [
    'Electronics', 'Motors', 'Motor', 'Holdings', 'Group', 'Bank', 'Airlines', 'Airways', 'Energy', 'Steel', 'Foods',
    'Pharma', 'Securities', 'Capital', 'Land', 'Tech', 'Technology', 'Technologies', 'Industries', 'Corporation',
    'Corp', 'Display', 'Engineering', 'Heavy', 'Chemical', 'Chemicals', 'Logistics', 'Finance', 'Insurance', 'Retail',
    'Solutions', 'Systems', 'Power', 'Semiconductor', 'Semiconductors', 'Automotive', 'Mobility', 'Global',
    'International', 'Asia', 'Pacific', 'JSC', 'Ltd', 'Inc', 'Co', 'FC', 'Software', 'Telecom', 'Digital', 'Media',
  ].map(phraseKey),
);

// "Techcombank", "HDBank", "Sacombank": one word ending in "bank". "Vinhomes", "VinFast", "Vinpearl":
// Vingroup's "Vin" brands, told from the city of Vinh and "Vĩnh" by what follows "Vin".
const BANK_WORD = /^\p{Lu}[\p{L}]{1,}[bB]ank$/u;
const VIN_BRAND = /^Vin(?:\p{Lu}\p{L}*|homes|pearl|mec|school|com|uni|wonders|ID|a(?:milk|comin|tex|chem|phone|lines|food|taba|cafe|consult|cem))$/u;
/** Words that cannot sit between a descriptor and its name ("hãng tại châu Âu"). */
const NOT_MODIFIERS = new Set(
  ['tại', 'ở', 'của', 'với', 'cho', 'từ', 'trong', 'trên', 'về', 'và', 'các', 'những', 'là', 'in', 'of', 'at', 'for', 'the', 'and', 'to', 'de', 'du', 'des', 'la', 'le', 'les', 'à', 'en', 'au', 'et'].map(phraseKey),
);
/** Short country words ("doanh nghiệp Việt", "nhà đầu tư Nhật") that say whose, not which. */
const DEMONYMS = new Set(['Việt', 'Nhật', 'Hàn', 'Thái', 'Ấn', 'Úc', 'Mỹ', 'Nga', 'Lào', 'Trung', 'Tây', 'Âu', 'Á', 'Phi', 'Pháp', 'Đức', 'Anh', 'Ý'].map(phraseKey));
/** A prize, cup or event named after a brand ("Giải thưởng VinFuture") is no company mention. */
const EVENT_BEFORE = new Set(['giải', 'giải thưởng', 'cúp', 'prize', 'award', 'prix', 'trophée', 'festival', 'lễ hội', 'cuộc thi'].map(phraseKey));
const EVENT_WORDS = flagSet(EVENT_BEFORE);
/** First words of the two-word event names: only these need the pair looked up. */
const EVENT_FIRST_WORDS = flagSet([...EVENT_BEFORE].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0] ?? ''));
const MAX_BRAND_TOKENS = 5;
const MAX_DESCRIPTOR_GAP = 3;

/** True when a token's shape alone says it is a company ("Techcombank", "VinFast"). */
export function brandShaped(t: Token): boolean {
  return (BANK_WORD.test(t.text) && t.key !== 'bank') || VIN_BRAND.test(t.text);
}

/** True when a lowercase descriptor ("hãng taxi", "automaker") ends within the few tokens before i. */
function descriptorBefore(T: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= MAX_DESCRIPTOR_GAP; k--) {
    const t = T[k];
    // A descriptor opening the sentence is capitalized ("Hãng taxi điện Xanh SM ...").
    if (!t || (t.cap && !t.sentenceStart) || hardBreakBefore(T, k + 1) || NOT_MODIFIERS.has(t.key) || roleBreakAt(T, k)) return false;
    const n = longestAt(DESCRIPTORS, T, k).n;
    if (n > 0 && k + n <= i) return true;
  }
  return false;
}

const YEAR = /^(?:19|20)\d\d$/u;

/** "Giải Đặc biệt VinFuture 2024", "Cúp Samsung": a prize or event carrying the brand's name. */
function eventNamed(T: readonly Token[], i: number, b: number): boolean {
  if (YEAR.test(T[b]?.text ?? '') && !hardBreakBefore(T, b)) return true;
  for (let k = i - 1; k >= 0 && i - k <= MAX_DESCRIPTOR_GAP; k--) {
    if (tokenIn(EVENT_WORDS, T[k]) || (tokenIn(EVENT_FIRST_WORDS, T[k]) && EVENT_BEFORE.has(`${T[k]?.key ?? ''} ${T[k + 1]?.key ?? ''}`))) return true;
    if (hardBreakBefore(T, k)) break;
  }
  return false;
}

export interface BrandContext {
  section: Section;
  isPerson: (i: number) => boolean;
  /** A well-known one-word company ("Samsung", "Hyundai") starts at token i. */
  isKnownBrand: (i: number) => boolean;
  /** End (exclusive) of the place starting at token i, if one does. */
  placeEndAt: (i: number) => number | undefined;
}

/**
 * End (exclusive) of a company or brand name starting at capitalized token i, or null. In
 * Vietnamese copy the name runs over capitalized words; in English and French, past the brand,
 * only over corporate words, places and acronyms, since headlines and titles are capitalized too.
 */
export function brandAt(ctx: BrandContext, i: number): number | null {
  const T = ctx.section.tokens;
  const t = T[i];
  if (!t || !t.cap || ctx.isPerson(i) || titleLengthAt(T, i) > 0) return null;
  // Only at the start of a capitalized run: "Jeonbuk Hyundai Motors" is read from "Jeonbuk".
  if (i > 0 && T[i - 1]?.cap && !hardBreakBefore(T, i) && !T[i]?.sentenceStart) return null;
  const latin = ctx.section.latin;
  let b = i;
  let brand = -1;
  while (b < T.length && b - i < MAX_BRAND_TOKENS) {
    const x = T[b];
    if (!x || !x.cap || ctx.isPerson(b) || (b > i && hardBreakBefore(T, b)) || (b > i && titleLengthAt(T, b) > 0)) break;
    if (brand < 0 && (ctx.isKnownBrand(b) || brandShaped(x))) brand = b;
    const place = ctx.placeEndAt(b);
    if (latin && brand >= 0 && b > brand && place === undefined && !x.upper && !CORPORATE_WORDS.has(x.key) && !brandShaped(x)) break;
    b = place !== undefined && b > i ? place : b + 1;
  }
  if (b === i) return null;
  if (eventNamed(T, i, b)) return null;
  // "Jeonbuk Hyundai Motors": at most one word before the brand, and never at a sentence start in Latin copy.
  if (brand > i + 1 || (brand > i && latin && t.sentenceStart)) return null;
  if (brand >= 0) return brand === i && b === i + 1 && ctx.isKnownBrand(i) ? null : b;
  // "doanh nghiệp Việt Nam", "nhà đầu tư Nhật": a place or a country word says whose, not which.
  if (ctx.placeEndAt(i) !== undefined || (b === i + 1 && DEMONYMS.has(t.key))) return null;
  // "doanh nghiệp Nhà nước": a Vietnamese word written with a capital that goes on in lowercase,
  // or a lone syllable, is no company name.
  const next = T[b];
  const compound = !latin && next !== undefined && !next.cap && !hardBreakBefore(T, b) && !roleBreakAt(T, b) && !NOT_MODIFIERS.has(next.key);
  if (compound || (b === i + 1 && isVietSyllable(t.key))) return null;
  if (descriptorBefore(T, i)) return b;
  return null;
}

/** Lowercase words inside a name that its acronym skips or keeps ("Ministry of Industry and Trade (MoIT)"). */
const ACRONYM_CONNECTORS = new Set(['of', 'and', 'for', 'the', '&', 'de', 'du', 'des', 'et', 'la', 'và'].map(phraseKey));
const MAX_ACRONYM_NAME = 8;

/**
 * End (exclusive) of a capitalized name starting at token i whose parenthesized acronym right
 * after it spells its initials ("Copenhagen Infrastructure Partners (CIP)"), or null. Such a name
 * needs no head word and may start with a place.
 */
export function acronymNamedAt(ctx: BrandContext, i: number): number | null {
  const T = ctx.section.tokens;
  if (!T[i]?.cap || ctx.isPerson(i)) return null;
  let initials = T[i]?.text[0] ?? '';
  let j = i + 1;
  while (j < T.length && j - i < MAX_ACRONYM_NAME) {
    const t = T[j];
    if (!t || hardBreakBefore(T, j) || ctx.isPerson(j)) break;
    if (t.cap) initials += t.text[0] ?? '';
    else if (!ACRONYM_CONNECTORS.has(t.key)) return null;
    j++;
  }
  const abbr = T[j];
  if (j - i < 2 || !abbr || !abbr.sep.endsWith('(') || !abbr.upper || !(T[j + 1]?.sep.startsWith(')') ?? true)) return null;
  const letters = abbr.text.replace(/[^\p{Lu}]/gu, '');
  return letters.length >= 2 && letters === initials.toUpperCase() && T[j - 1]?.cap ? j : null;
}
