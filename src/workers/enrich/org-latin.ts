/** English and French organisation names built on a head noun ("Ministry of Foreign Affairs", "ministère des Affaires étrangères"). */
import { phraseKey, syllableKey } from './fold.js';
import { EN_GENERIC, FR_CONNECTORS, FR_ORG_HEADS, FR_ORG_LOWER } from './org-lexicon.js';
import { isCalendarWord, listContinues, roleBreakAt, titleLengthAt } from './role-phrases.js';
import { STOPWORDS } from './stopwords.js';
import { hardBreakBefore } from './spans.js';
import { phraseMap, KNOWN, EN_HEADS, MAX_ORG_TOKENS, keyOf, longest, type Ctx, ARTICLES, FR_LOWER_HEADS, LEADING_ELISION, MAX_SHORT_NAME } from './org-tables.js';

const EN_GEN = new Set(EN_GENERIC.map(phraseKey));
const EN_CONNECT = new Set(['of', 'for', 'and', '&'].map(phraseKey));
const EN_MISSION = new Set(['embassy', 'consulate', 'office', 'mission', 'delegation'].map(phraseKey));
const EN_LOWER_INSIDE = new Set(['provincial', 'municipal', 'city', 'district', 'the'].map(phraseKey));
const FR_HEADS = phraseMap(FR_ORG_HEADS.map((h) => [h, true] as const));
const FR_CONNECT = new Set(FR_CONNECTORS.map(phraseKey));
const FR_LOWER = new Set(FR_ORG_LOWER.map(phraseKey));
/** French adjective endings: "hydrométéorologique", "révolutionnaire", "provincial". */
const FR_ADJECTIVE = /^\p{Ll}[\p{Ll}-]*(?:ique|iques|al|ale|aux|ales|aire|aires|ien|ienne|iens|iennes|ais|aise|el|elle|ien)$/u;
/** A lowercase noun after "de" that still names the body, not a date or quantity. */
const FR_NOUN_OK = /^\p{Ll}[\p{Ll}'’-]{3,}$/u;
const PLURAL_NOUN = /^\p{Ll}{3,}[sx]$/u;
const FR_COMPANY_HEADS = new Set(['groupe', 'compagnie', 'société'].map(phraseKey));
const POUR = syllableKey('pour');
const ON = syllableKey('on');

/** English: a capitalized stretch with a head noun ("Ministry of Foreign Affairs", "Vietnam Football Federation"). */
export function matchEnglish(ctx: Ctx, i: number): { end: number; name: null; abbreviation: null; id: null } | null {
  const T = ctx.section.tokens;
  let j = i;
  let hasHead = false;
  let lastGood = i;
  // "General Department of ...": a title word directly before an organisation head names the body.
  if (T[i]?.key === 'the' || (titleLengthAt(T, i) > 0 && !EN_HEADS.has(T[i + titleLengthAt(T, i)]?.key ?? ''))) return null;
  while (j < T.length && j - i < MAX_ORG_TOKENS) {
    const t = T[j];
    if (!t || ctx.isPerson(j) || (j > i && hardBreakBefore(T, j) && !(ctx.section.latin && hasHead && t.sep === ',' && t.cap && listContinues(T, j)))) break;
    // "Vietnam's Ministry of Finance": a place as owner is not part of the name ("Women's Union" is).
    if (t.possessive && ctx.isPlaceEnd(j)) return null;
    if (t.cap) {
      // A title opens a role ("... Committee Chairman X"), unless it is the object of "of"
      // ("Ministry of Justice", "Office of the President").
      const afterConnector = EN_CONNECT.has(T[j - 1]?.key ?? '') || T[j - 1]?.key === 'the';
      if (j > i && titleLengthAt(T, j) > 0 && !EN_HEADS.has(t.key) && !afterConnector) break;
      if (EN_HEADS.has(t.key)) hasHead = true;
      j++;
      lastGood = j;
      continue;
    }
    // "Ministry of Culture, Sports and Tourism": a comma inside a listed name.
    if (ctx.section.latin && hasHead && t.cap && j > i && T[j]?.sep === ',' && listContinues(T, j)) {
      j++;
      lastGood = j;
      continue;
    }
    // "People's Committee and the Department of ...": "and" after a head joins two bodies.
    if ((t.key === 'and' || t.key === '&') && EN_HEADS.has(T[j - 1]?.key ?? '')) break;
    // "HSBC Vietnam and Standard Chartered Bank", "Ministry of Finance and the State Bank": after
    // a place or an acronym, or before another headed name, "and" joins two bodies.
    if ((t.key === 'and' || t.key === '&') && (ctx.isPlaceEnd(j - 1) || T[j - 1]?.upper || (hasHead && headedNameAt(ctx, j + 1)))) break;
    // "ASEAN Committee on Culture and Information": "on" after a committee's head names its field.
    const fieldOn = t.key === ON && EN_HEADS.has(T[j - 1]?.key ?? '') && !isCalendarWord(T, j + 1);
    if ((EN_CONNECT.has(t.key) || EN_LOWER_INSIDE.has(t.key) || fieldOn) && T[j + 1]?.cap && !hardBreakBefore(T, j + 1)) {
      j++;
      continue;
    }
    // "Vietnamese Embassy in France": a mission names its host country.
    if (t.key === 'in' && hasHead && EN_MISSION.has(T[j - 1]?.key ?? '') && ctx.isPlaceStart(j + 1)) {
      j++;
      continue;
    }
    // "American Chamber of Commerce in Vietnam (AmCham)": a chapter named by its own short name.
    if (t.key === 'in' && hasHead && ctx.isPlaceStart(j + 1) && !hardBreakBefore(T, j + 1)) {
      const e = ctx.placeEndAt(j + 1) ?? j + 1;
      if (T[e]?.sep.endsWith('(') === true && T[e + 1]?.sep.startsWith(')') === true && T[e]?.cap === true) {
        lastGood = e;
        break;
      }
    }
    if (t.key === 'of' && T[j + 1]?.key === 'the' && T[j + 2]?.cap) {
      j += 2;
      continue;
    }
    break;
  }
  if (!hasHead) return null;
  // Trailing lowercase "province"/"city" qualifies a People's Committee: "... of Ha Giang province".
  let end = lastGood;
  if ((T[end]?.key === 'province' || T[end]?.key === 'city') && !hardBreakBefore(T, end)) end++;
  const generic = T.slice(i, lastGood).every((t) => EN_GEN.has(t.key) || EN_CONNECT.has(t.key) || EN_LOWER_INSIDE.has(t.key));
  if (generic) return null;
  return { end, name: null, abbreviation: null, id: null };
}

/** True when a capitalized name with its own English head starts at token k ("the State Bank", "Standard Chartered Bank"). */
function headedNameAt(ctx: Ctx, k: number): boolean {
  const T = ctx.section.tokens;
  let j = T[k]?.key === 'the' ? k + 1 : k;
  for (const start = j; j < T.length && j - start < MAX_SHORT_NAME + 2; j++) {
    const t = T[j];
    if (!t || !t.cap || (j > start && hardBreakBefore(T, j))) return false;
    if (EN_HEADS.has(t.key)) return true;
  }
  return false;
}

const MAX_RUN_TO_ABBR = 10;

/**
 * "l'Agence wallonne à l'exportation et aux investissements étrangers (AWEX)": lowercase words
 * between a French name and the abbreviation in brackets that closes it belong to the name.
 * Returns the new end, or `e` when no such abbreviation follows.
 */
function frenchRunToAbbreviation(ctx: Ctx, e: number): number {
  const T = ctx.section.tokens;
  for (let k = e; k < T.length && k - e <= MAX_RUN_TO_ABBR; k++) {
    const t = T[k];
    if (!t || ctx.isPerson(k)) return e;
    if (hardBreakBefore(T, k)) return k > e && t.sep.endsWith('(') && t.upper && T[k + 1]?.sep.startsWith(')') === true ? k : e;
    // "Organisation internationale pour les migrations (OIM)": "pour" may open the name's field.
    if (t.key === POUR) continue;
    if (t.cap || roleBreakAt(T, k)) return e;
    if (!FR_CONNECT.has(t.key) && !LEADING_ELISION.test(t.text) && STOPWORDS.has(t.key)) return e;
  }
  return e;
}

/** French: a head then connectors, capitalized words and known lowercase words ("ministère des Affaires étrangères"). */
export function matchFrench(ctx: Ctx, i: number): { end: number; name: null; abbreviation: null; id: null } | null {
  const T = ctx.section.tokens;
  const h = longest(T, i, FR_HEADS);
  if (h === 0) return null;
  if (!T[i]?.cap && !FR_LOWER_HEADS.has(keyOf(T, i, h) ?? '')) return null;
  let j = i + h;
  let lastGood = j;
  while (j < T.length && j - i < MAX_ORG_TOKENS) {
    const t = T[j];
    if (!t || ctx.isPerson(j) || hardBreakBefore(T, j) || roleBreakAt(T, j)) break;
    // "Parti révolutionnaire populaire lao": a capitalized head may take an adjective at once.
    if (t.cap || FR_LOWER.has(t.key) || ((j > i + h || T[i]?.cap) && FR_ADJECTIVE.test(t.text))) {
      j++;
      lastGood = j;
      continue;
    }
    if (FR_CONNECT.has(t.key)) {
      // "le ministère ... et l'Agence ...": "et" before another head joins two bodies.
      const afterArticle = ARTICLES.has(T[j + 1]?.key ?? '') || /^l['’]/iu.test(T[j + 1]?.text ?? '') ? j + 2 : j + 1;
      const otherBody = longest(T, afterArticle, FR_HEADS) > 0 || longest(T, afterArticle, KNOWN) > 0 || longest(T, j + 1, FR_HEADS) > 0 || longest(T, j + 1, KNOWN) > 0;
      // "des exportateurs et producteurs de ...": two plural nouns joined inside the name.
      const nouns = t.key === 'et' && PLURAL_NOUN.test(T[j - 1]?.text ?? '') && PLURAL_NOUN.test(T[j + 1]?.text ?? '') && FR_CONNECT.has(T[j + 2]?.key ?? '');
      if (t.key === 'et' && !nouns && (otherBody || !(FR_CONNECT.has(T[j + 1]?.key ?? '') || /^d['’]/u.test(T[j + 1]?.text ?? '')))) break;
      // "l'accord entre l'Union européenne et le Vietnam": "et" before a place lists a second party.
      if (t.key === 'et' && ctx.isPlaceStart(afterArticle)) break;
      j++;
      // One lowercase noun after a connector: "Centre national de prévision ...".
      const n = T[j];
      if (n && !n.cap && !FR_CONNECT.has(n.key) && !hardBreakBefore(T, j) && !roleBreakAt(T, j) && FR_NOUN_OK.test(n.text)) {
        j++;
        lastGood = j;
      }
      continue;
    }
    // "Programme des Nations unies pour le développement": "pour" goes on into a field of the name.
    if (t.key === POUR && lastGood === j) {
      const k = ARTICLES.has(T[j + 1]?.key ?? '') || /^l['’]/iu.test(T[j + 1]?.text ?? '') ? j + 2 : j + 1;
      if (k > j + 1 && FR_LOWER.has(T[k]?.key ?? '') && !hardBreakBefore(T, k)) {
        j = k + 1;
        lastGood = j;
        continue;
      }
    }
    break;
  }
  lastGood = frenchRunToAbbreviation(ctx, lastGood);
  if (lastGood === i + h) return null;
  // "Département des pêches ...": a head capitalized mid-sentence is a name even with only lowercase words after it.
  const namedHead = T[i]?.cap === true && !T[i]?.sentenceStart;
  // "le groupe FPT", not "la société vietnamienne": a company head written lowercase needs a proper name.
  const properName = T.slice(i + h, lastGood).some((t) => t.cap);
  if (FR_COMPANY_HEADS.has(keyOf(T, i, h) ?? '') && !T[i]?.cap && !properName) return null;
  if (!namedHead && !properName && !T.slice(i + h, lastGood).some((t) => FR_LOWER.has(t.key))) return null;
  return { end: lastGood, name: null, abbreviation: null, id: null };
}
