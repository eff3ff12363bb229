/**
 * Tags a story with IPTC Media Topics from two kinds of evidence: the source's section label
 * (through the category map) and keywords in the headline, lead and body (through the topic
 * rules). Every topic given can say why (explainSubjects). Pure; all tables are built once.
 */
import type { Article, Subject } from '../../shared/article.js';
import { PermanentError } from '../../shared/errors.js';
import { toneInsensitiveKey } from '../normalize/index.js';
// The units wordIds splits words on: wordCases must split the same way.
import { IS_NON_WORD } from '../normalize/text.js';
import { DEFAULT_CATEGORY_MAP } from './category-map.js';
import type { CategoryTopic } from './category-map.js';
import { MEDIA_TOPICS, MEDIA_TOPIC_BY_CODE, broaderTopics } from './media-topics.js';
import { INCIDENT_CODES, NEUTRAL_PHRASES, TOPIC_RULES } from './topic-rules.js';
import type { RuleLanguage, TopicRule } from './topic-rules.js';
import { sortSmall } from './sort-small.js';
import { foldDiacritics, hasVietnameseLetter, isVietnameseSyllable } from './vietnamese.js';
import { WordVocabulary, wordIds } from './word-ids.js';

/** Per-call options; a source's categoryMap from config overrides the built-in labels. */
export interface TopicOptions {
  /** Section label → Media Topic codes (with or without the `medtop:` prefix), as in a source's config. */
  categoryMap?: Readonly<Record<string, readonly string[]>>;
  /** Topics below this confidence are not given (default 0.5). */
  minConfidence?: number;
  /** At most this many of the most specific topics are given, plus their broader topics (default 5). */
  maxTopics?: number;
}

/** A topic given to a story, with its confidence and the reasons it was given. */
export interface ExplainedSubject {
  code: string;
  confidence: number;
  reasons: string[];
}

type Field = 'headline' | 'lead' | 'body';
/** The parts of an article topic tagging reads. */
export type TaggableArticle = Pick<Article, 'category' | 'tags' | 'headline' | 'lead' | 'body'> & {
  /** The story's language: keywords of that language are used (all languages when unknown). */
  language?: string;
  /**
   * The second language of mixed text and its share of the letters (detectLanguage's
   * `secondary`): from SECONDARY_SHARE on, its keywords are used too. A Vietnamese story with a
   * long English quote may be detected as English; its Vietnamese keywords still count.
   */
  secondaryLanguage?: { readonly lang: string; readonly share: number } | undefined;
};

// A keyword in the headline says more than one in the body.
const FIELD_WEIGHT: Readonly<Record<Field, number>> = { headline: 3, lead: 2, body: 1 };
// Text evidence E becomes confidence 1 − e^(−E/TEXT_SCALE): one headline keyword ≈ 0.53, one
// body keyword ≈ 0.22, three distinct body keywords ≈ 0.53.
const TEXT_SCALE = 4;
// A source's own categoryMap is an editor's explicit choice: strong, but text can still add.
const SOURCE_MAP_CONFIDENCE = 0.8;
// Source tags are looked up like the section label but say a little less.
const TAG_DISCOUNT = 0.8;
const DEFAULT_MIN_CONFIDENCE = 0.5;
const DEFAULT_MAX_TOPICS = 5;
// Bodies are read up to this many characters: topics are decided early in a news story.
const MAX_BODY_CHARS = 6000;
// A second language with at least this share of the letters has its keywords used too.
const SECONDARY_SHARE = 0.3;

/**
 * How a keyword counts (topic-rules.ts): always ('plain'), only in a story with a plain keyword
 * or a label of the same top-level topic ('supporting'), or only in a field that names no
 * incident ('setting').
 */
type KeywordKind = 'plain' | 'supporting' | 'setting';
type Hit = {
  readonly code: string;
  readonly keyword: string;
  readonly kind: KeywordKind;
  /** The top-level topic of code. */
  readonly family: string;
  /** code is one of INCIDENT_CODES. */
  readonly incident: boolean;
};
type KeywordIndex = ReadonlyMap<string, readonly Hit[]>;
/**
 * One word of a keyword phrase, reached from the words before it: the phrase so far, its hits
 * when it is a whole keyword, and the words that may follow (by word id, see word-ids.ts).
 * Walking word by word needs no phrase string built and looked up for every word of a story.
 */
interface PhraseNode {
  readonly key: string;
  hits: readonly Hit[] | undefined;
  next: Map<number, PhraseNode> | undefined;
  /**
   * The phrase is only the folded form of Vietnamese keywords and gives topics: it counts only
   * where its words are written in lowercase (keywordsIn), since "Nguyen Van Hoa" and "Gia Dinh"
   * are names, not "văn hóa" (culture) and "gia đình" (family).
   */
  foldedOnly: boolean;
}
/** A keyword index and the same phrases as a tree of words (first word's id → PhraseNode). */
interface PhraseIndex {
  readonly phrases: KeywordIndex;
  readonly firstWords: readonly (PhraseNode | undefined)[];
  /** English plurals of one-word keywords, by id: "hospitals" → the node of "hospital". */
  readonly plurals: readonly (PhraseNode | undefined)[];
}
/**
 * The keywords of some rule languages: `marked` for text as written, and `unmarked` (for the
 * sets a Vietnamese story is read with) for a field of a Vietnamese story with no letter only Vietnamese
 * writes, which is Vietnamese typed without diacritics, or English. `unmarked` holds what
 * `marked` does and the folded forms of the Vietnamese keywords of more than one syllable,
 * less the one-syllable Vietnamese keywords without diacritics (see phraseMaps).
 */
interface RuleIndex {
  readonly marked: PhraseIndex;
  readonly unmarked: PhraseIndex | null;
}
/** Every word of every keyword phrase and every plural in `plurals`, for every index. */
const VOCABULARY = new WordVocabulary();
const RULE_LANGUAGES: readonly RuleLanguage[] = ['vi', 'en', 'fr'];
// Every set of rule languages an index is built for: one language, a language and the second
// language of mixed text, and all of them (for a language without keywords).
const LANGUAGE_SETS: readonly (readonly RuleLanguage[])[] = [['vi'], ['en'], ['fr'], ['vi', 'en'], ['vi', 'fr'], ['en', 'fr'], RULE_LANGUAGES];
const ALL_LANGUAGES = indexName(RULE_LANGUAGES);
// All-capital keywords (UN, WHO, AI, GDP, UBND) are matched as written: lowercased they are
// ordinary words ("un" in French, "ai" = who in Vietnamese).
const ACRONYM_KEYWORD = /^[\p{Lu}\d][\p{Lu}\d-]*$/u;
const RAW_TOKEN = /[\p{L}\d][\p{L}\p{M}\d-]*/gu;

function addHit(index: Map<string, Hit[]>, key: string, hit: Hit | null): void {
  const hits = index.get(key) ?? [];
  const same = hit === null ? -1 : hits.findIndex((h) => h.code === hit.code);
  if (hit !== null && same < 0) hits.push(hit);
  // A word plain in one language and supporting in another (in the index of both) is plain.
  else if (hit !== null && hit.kind === 'plain') hits[same] = hit;
  index.set(key, hits);
}

/** A rule's keywords in one language, each with how it counts. */
function ruleKeywords(rule: TopicRule, lang: RuleLanguage): [keyword: string, hit: Hit][] {
  const code = `medtop:${rule.code}`;
  const family = broaderTopics(code).at(-1) ?? code;
  const incident = INCIDENT_CODES.includes(rule.code);
  const kinds: [readonly string[] | undefined, KeywordKind][] = [[rule[lang], 'plain'], [rule.supporting?.[lang], 'supporting'], [rule.setting?.[lang], 'setting']];
  return kinds.flatMap(([keywords, kind]) => (keywords ?? []).map((keyword): [string, Hit] => [keyword, { code, keyword, kind, family, incident }]));
}

function isAcronym(keyword: string): boolean {
  return ACRONYM_KEYWORD.test(keyword) && /\p{Lu}/u.test(keyword);
}

/**
 * The keyword maps (phrase key → hits) of a set of rule languages: as written, and unmarked. Only
 * a Vietnamese story reads unmarked keywords (gather), so only the sets its index can be (its own,
 * or with a second language) get them; the all-languages set serves stories in other languages.
 */
function phraseMaps(langs: readonly RuleLanguage[]): { marked: Map<string, Hit[]>; unmarked: Map<string, Hit[]> | null } {
  const marked = new Map<string, Hit[]>();
  const unmarked = langs.includes('vi') && langs !== RULE_LANGUAGES ? new Map<string, Hit[]>() : null;
  const add = (keyword: string, lang: RuleLanguage, hit: Hit | null): void => {
    const key = toneInsensitiveKey(keyword);
    if (key === '') return;
    addHit(marked, key, hit);
    if (unmarked === null) return;
    if (lang !== 'vi') return addHit(unmarked, key, hit);
    // Text without diacritics makes one Vietnamese syllable too many words: "den" is đền
    // (temple) and đến (to), "voi" is voi (elephant) and với (with). Only phrases are folded,
    // and a one-syllable keyword that has no diacritics to lose is left out.
    const folded = foldDiacritics(key);
    if (folded !== key || !isVietnameseSyllable(folded)) addHit(unmarked, key, hit);
    if (folded !== key && folded.includes(' ')) addHit(unmarked, folded, hit);
  };
  for (const rule of TOPIC_RULES) {
    for (const lang of langs) for (const [keyword, hit] of ruleKeywords(rule, lang)) if (!isAcronym(keyword)) add(keyword, lang, hit);
  }
  // Neutral names are matched (so the topic words inside them do not count) but give no topic.
  for (const phrase of NEUTRAL_PHRASES) add(phrase, 'vi', null);
  return { marked, unmarked };
}

/** A table by word id, every entry empty. */
function byWordId(): (PhraseNode | undefined)[] {
  return Array.from({ length: VOCABULARY.size }, () => undefined);
}

/** The tree of `phrases`; a phrase not in `marked` (a folded Vietnamese one) is foldedOnly. */
function withWordTree(phrases: KeywordIndex, marked: KeywordIndex = phrases): PhraseIndex {
  const firstWords = new Map<number, PhraseNode>();
  for (const [key, hits] of phrases) {
    const words = key.split(' ');
    let level = firstWords;
    let node: PhraseNode | undefined;
    for (let n = 0; n < words.length; n++) {
      const id = VOCABULARY.add(words[n]!);
      node = level.get(id);
      if (node === undefined) level.set(id, (node = { key: words.slice(0, n + 1).join(' '), hits: undefined, next: undefined, foldedOnly: false }));
      if (n < words.length - 1) level = node.next ??= new Map();
    }
    node!.hits = hits;
    // A folded neutral name (no hits) covers its words however it is written.
    node!.foldedOnly = hits.length > 0 && !marked.has(key);
  }
  const byId = byWordId();
  for (const [id, node] of firstWords) byId[id] = node;
  return { phrases, firstWords: byId, plurals: pluralsOf(firstWords) };
}

/**
 * Every word w + 's' longer than 3 characters, for the one-word keywords w: what keywordsIn
 * looked up as phrases.get(word.slice(0, -1)) for every word ending in s, without cutting out a
 * string per word. (A keyword phrase of several words never equals one word less its 's'.)
 */
function pluralsOf(firstWords: ReadonlyMap<number, PhraseNode>): (PhraseNode | undefined)[] {
  const plurals = byWordId();
  for (const node of firstWords.values()) {
    const plural = `${node.key}s`;
    if (node.hits !== undefined && plural.length > 3) plurals[VOCABULARY.add(plural)] = node;
  }
  return plurals;
}

/** Keyword indexes by the names of their rule languages (indexName). */
const INDEXES: ReadonlyMap<string, RuleIndex> = (() => {
  const maps = LANGUAGE_SETS.map((langs) => [indexName(langs), phraseMaps(langs)] as const);
  // The vocabulary is complete before the trees are built, so each table by word id is one
  // packed array as long as the vocabulary.
  for (const [, { marked, unmarked }] of maps) {
    for (const index of [marked, unmarked ?? marked]) {
      for (const key of index.keys()) {
        for (const word of key.split(' ')) VOCABULARY.add(word);
        if (!key.includes(' ')) VOCABULARY.add(`${key}s`);
      }
    }
  }
  return new Map(
    maps.map(([name, { marked, unmarked }]) => [name, { marked: withWordTree(marked), unmarked: unmarked === null ? null : withWordTree(unmarked, marked) }]),
  );
})();

/** Acronym keywords, case-sensitive, for every language. */
const ACRONYMS: KeywordIndex = (() => {
  const index = new Map<string, Hit[]>();
  for (const rule of TOPIC_RULES) {
    for (const lang of RULE_LANGUAGES) {
      for (const [keyword, hit] of ruleKeywords(rule, lang)) if (isAcronym(keyword)) addHit(index, keyword, hit);
    }
  }
  return index;
})();

/** The keywords to read a story with: its language's, and its second language's when that is large. */
function ruleIndexFor(article: TaggableArticle): RuleIndex {
  // "vi-VN" uses the Vietnamese keywords; a language without keywords (lo, km, zh) uses them all.
  const primary = baseLanguage(article.language);
  if (primary === null) return INDEXES.get(ALL_LANGUAGES)!;
  const second = article.secondaryLanguage;
  const other = second != null && second.share >= SECONDARY_SHARE ? baseLanguage(second.lang) : null;
  if (other === null || other === primary) return INDEXES.get(primary)!;
  return INDEXES.get(primary < other ? `${primary}+${other}` : `${other}+${primary}`)!;
}

/** The name of the index of some rule languages: sorted, joined with '+' ("en+vi"). */
function indexName(langs: readonly RuleLanguage[]): string {
  return [...langs].sort().join('+');
}

/** The rule language of a language tag ("vi-VN" → "vi"), or null when it has no keywords. */
function baseLanguage(tag: string | undefined): RuleLanguage | null {
  const base = tag?.toLowerCase().split(/[-_]/)[0];
  return RULE_LANGUAGES.find((lang) => lang === base) ?? null;
}

// Acronym keywords are ASCII capitals, digits and hyphens (UN, COVID-19, COP28). A token equal to
// one is then a run of those characters that starts a token (no letter or digit before it, only
// marks and hyphens between) and that no letter, mark, digit or hyphen continues. Finding such
// runs is a plain ASCII scan, where RAW_TOKEN puts every letter of the text through Unicode
// classes: about ten times slower on Vietnamese text.
const ASCII_ACRONYMS = [...ACRONYMS.keys()].every((keyword) => /^[A-Z0-9][A-Z0-9-]*$/u.test(keyword));
// Runs shorter than the shortest acronym keyword (the capital starting every sentence and name)
// are never one: the regex does not match them, so no match object is made for them. Runs are
// still found whole, since a run too short to match ends where none can start.
const SHORTEST_ACRONYM = ACRONYMS.size === 0 ? 1 : Math.min(...[...ACRONYMS.keys()].map((keyword) => keyword.length));
const CAPITALS_RUN = new RegExp(`[A-Z0-9][A-Z0-9-]{${Math.max(0, SHORTEST_ACRONYM - 1)},}`, 'g');
const INSIDE_TOKEN = /(?<=[\p{L}\d][\p{M}-]*)/uy;
const CONTINUES_TOKEN = /[\p{L}\p{M}\d-]/uy;

/** The tokens of `text` (as RAW_TOKEN splits it) that may be acronym keywords, in order. */
function acronymCandidates(text: string): string[] {
  if (!ASCII_ACRONYMS) return text.match(RAW_TOKEN) ?? [];
  const out: string[] = [];
  for (const m of text.matchAll(CAPITALS_RUN)) {
    if (!ACRONYMS.has(m[0])) continue;
    INSIDE_TOKEN.lastIndex = m.index;
    CONTINUES_TOKEN.lastIndex = m.index + m[0].length;
    if (!INSIDE_TOKEN.test(text) && !CONTINUES_TOKEN.test(text)) out.push(m[0]);
  }
  return out;
}

// The chain of broader topics of every known topic, walked once: explainSubjects asks for the
// chains of every scored topic of every story.
const BROADER: ReadonlyMap<string, readonly string[]> = new Map(MEDIA_TOPICS.map((t) => [t.code, broaderTopics(t.code)]));

/** broaderTopics(code), shared (not to be changed) for the known topics. */
function broaderOf(code: string): readonly string[] {
  return BROADER.get(code) ?? broaderTopics(code);
}

const DEFAULT_MAP_BY_KEY: ReadonlyMap<string, readonly CategoryTopic[]> = new Map(
  [...DEFAULT_CATEGORY_MAP].map(([label, topics]) => [toneInsensitiveKey(label), topics]),
);

interface Evidence {
  text: number;
  category: number;
  reasons: string[];
}

/**
 * Distinct keywords found in one field, each once (as its hits, in the order first found). Only
 * the longest phrase at a place counts: "policy rates" hides "policy", "bệnh viện" (hospital)
 * hides "bệnh" (disease). A keyword's hits are one array, its own: distinct arrays are distinct
 * keywords, so a short list stands in for a Map by keyword.
 */
function keywordsIn(text: string, index: PhraseIndex): (readonly Hit[])[] {
  // Words of the text as ids (-1: in no keyword); ids is shared, read before the next wordIds.
  const { ids, count } = wordIds(text, VOCABULARY);
  const found: (readonly Hit[])[] = [];
  let coveredUntil = 0;
  // How each word is written, read only when a folded phrase is found (rare: unmarked fields).
  let cases: Uint8Array | null = null;
  for (let i = 0; i < count; i++) {
    const id = ids[i]!;
    if (id < 0) continue;
    // The longest keyword starting at word i: walk the tree while the words still lead somewhere.
    let bestKey: string | null = null;
    let bestHits: readonly Hit[] = [];
    let bestEnd = 0;
    let node = index.firstWords[id];
    for (let end = i + 1; node !== undefined; end++) {
      if (node.hits !== undefined && (!node.foldedOnly || writtenLowercase((cases ??= wordCases(text, count)), i, end))) {
        bestKey = node.key;
        bestHits = node.hits;
        bestEnd = end;
      }
      // A word in no keyword (id -1) continues no phrase: no lookup needed.
      if (end >= count || node.next === undefined || ids[end]! < 0) break;
      node = node.next.get(ids[end]!);
    }
    if (bestKey === null) {
      // English plural of a singular keyword ("hospitals" → "hospital").
      const singular = index.plurals[id];
      if (singular !== undefined) {
        bestKey = singular.key;
        bestHits = singular.hits!;
        bestEnd = i + 1;
      }
    }
    if (bestKey === null || bestEnd <= coveredUntil) continue;
    coveredUntil = bestEnd;
    if (bestHits.length > 0 && !found.includes(bestHits)) found.push(bestHits);
  }
  for (const token of acronymCandidates(text)) {
    const hits = ACRONYMS.get(token);
    if (hits !== undefined && !found.includes(hits)) found.push(hits);
  }
  return found;
}

// How a word is written (wordCases): all lowercase, capitalised as a sentence's first word, or
// with a capital elsewhere (a name, an acronym).
const LOWERCASE = 0;
const SENTENCE_START = 1;
const CAPITALISED = 2;
// Units after which a capital starts a sentence, not a name: . ! ? : … and line breaks.
const SENTENCE_END = new Set([0x2e, 0x21, 0x3f, 0x3a, 0x2026, 0x0a, 0x0d]);

/**
 * How each of the `count` words of text (split as wordIds splits it) is written, in one scan.
 * Lowercasing and NFC never turn a word unit into a non-word one, so word n here is word n of
 * wordIds(text).
 */
function wordCases(text: string, count: number): Uint8Array {
  const cases = new Uint8Array(count);
  let n = -1;
  let inWord = false;
  let afterSentenceEnd = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (IS_NON_WORD[c] === 1) {
      if (SENTENCE_END.has(c)) afterSentenceEnd = true;
      inWord = false;
      continue;
    }
    const upper = c < 0x80 ? c >= 0x41 && c <= 0x5a : text[i]!.toLowerCase() !== text[i];
    if (!inWord) {
      inWord = true;
      if (++n >= count) break;
      cases[n] = upper ? (afterSentenceEnd ? SENTENCE_START : CAPITALISED) : LOWERCASE;
      afterSentenceEnd = false;
    } else if (upper) {
      cases[n] = CAPITALISED;
    }
  }
  return cases;
}

/** Words [start, end) are lowercase, but for a capital that starts a sentence. */
function writtenLowercase(cases: Uint8Array, start: number, end: number): boolean {
  if (cases[start]! > SENTENCE_START) return false;
  for (let n = start + 1; n < end; n++) if (cases[n] !== LOWERCASE) return false;
  return true;
}

function normalizeCode(code: string): string {
  return code.startsWith('medtop:') ? code : `medtop:${code}`;
}

/** Topics a section label (or source tag) argues for: the source's own map first, then ours. */
function categoryTopics(label: string, sourceMap: ReadonlyMap<string, readonly string[]> | null): readonly CategoryTopic[] {
  const key = toneInsensitiveKey(label);
  const own = sourceMap?.get(key);
  if (own !== undefined) return own.map((code) => ({ code: normalizeCode(code), confidence: SOURCE_MAP_CONFIDENCE }));
  return DEFAULT_MAP_BY_KEY.get(key) ?? [];
}

function gather(article: TaggableArticle, options: TopicOptions): Map<string, Evidence> {
  if (typeof article?.headline !== 'string' || typeof article.body?.text !== 'string' || !Array.isArray(article.tags)) {
    throw new PermanentError('INVALID_ARTICLE', 'topic tagging needs headline, body.text and tags', {});
  }
  const evidence = new Map<string, Evidence>();
  const entry = (code: string): Evidence => {
    let e = evidence.get(code);
    if (e === undefined) {
      e = { text: 0, category: 0, reasons: [] };
      evidence.set(code, e);
    }
    return e;
  };

  const sourceMap =
    options.categoryMap === undefined
      ? null
      : new Map(Object.entries(options.categoryMap).map(([label, codes]) => [toneInsensitiveKey(label), codes]));
  const labels: [string, number, string][] = [];
  if (article.category !== null && article.category.trim() !== '') labels.push([article.category, 1, 'section']);
  for (const tag of article.tags) if (tag !== article.category) labels.push([tag, TAG_DISCOUNT, 'source tag']);
  for (const [label, discount, kind] of labels) {
    for (const { code, confidence } of categoryTopics(label, sourceMap)) {
      if (!MEDIA_TOPIC_BY_CODE.has(code)) continue;
      const e = entry(code);
      const c = confidence * discount;
      // Two labels pointing at one topic reinforce each other (noisy-OR).
      e.category = 1 - (1 - e.category) * (1 - c);
      e.reasons.push(`${kind} "${label}" maps to it (${c.toFixed(2)})`);
    }
  }

  const fields: [Field, string][] = [
    ['headline', article.headline],
    ['lead', article.lead ?? ''],
    ['body', article.body.text.length > MAX_BODY_CHARS ? article.body.text.slice(0, MAX_BODY_CHARS) : article.body.text],
  ];
  const rules = ruleIndexFor(article);
  // Only a Vietnamese story's fields may be Vietnamese typed without diacritics: in a story in
  // another language (or in none known), unaccented Vietnamese is names ("Nguyen Van Hoa").
  const unmarked = baseLanguage(article.language) === 'vi' ? rules.unmarked : null;
  const found = fields.map(([, text]) => {
    if (text === '') return [];
    return keywordsIn(text, unmarked !== null && !hasVietnameseLetter(text) ? unmarked : rules.marked);
  });
  const backed = supportedFamilies(found, evidence);
  fields.forEach(([field], f) => {
    const keywords = found[f]!;
    // "Tai nạn giao thông trên cao tốc": the expressway is where the crash was.
    const incident = keywords.some((hits) => hits.some((h) => h.incident));
    for (const hits of keywords) {
      for (const { code, keyword, kind, family } of hits) {
        if (kind === 'setting' && incident) continue;
        if (kind === 'supporting' && !backed.has(family)) continue;
        const e = entry(code);
        e.text += FIELD_WEIGHT[field];
        e.reasons.push(`keyword "${keyword}" in ${field}`);
      }
    }
  });
  return evidence;
}

const NO_FAMILIES: ReadonlySet<string> = new Set();

/**
 * The top-level topics whose supporting keywords count in this story: those with a plain
 * keyword in some field, or with a section label or source tag (the evidence so far).
 */
function supportedFamilies(found: readonly (readonly Hit[])[][], labelled: ReadonlyMap<string, Evidence>): ReadonlySet<string> {
  if (!found.some((keywords) => keywords.some((hits) => hits.some((h) => h.kind === 'supporting')))) return NO_FAMILIES;
  const families = new Set<string>();
  for (const code of labelled.keys()) families.add(broaderOf(code).at(-1) ?? code);
  for (const keywords of found) for (const hits of keywords) for (const h of hits) if (h.kind === 'plain') families.add(h.family);
  return families;
}

/**
 * The Media Topics for a story, most confident first, each with its reasons: the most specific
 * topics that reach minConfidence (at most maxTopics), then every broader topic above them.
 * Throws only PermanentError (INVALID_ARTICLE), for an article without headline/body/tags.
 */
export function explainSubjects(article: TaggableArticle, options: TopicOptions = {}): ExplainedSubject[] {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const maxTopics = options.maxTopics ?? DEFAULT_MAX_TOPICS;
  const scored: Scored[] = [];
  gather(article, options).forEach((e, code) => {
    const fromText = 1 - Math.exp(-e.text / TEXT_SCALE);
    scored.push({ code, confidence: 1 - (1 - fromText) * (1 - e.category), reasons: e.reasons });
  });
  const picked = sortSmall(
    scored.filter((s) => s.confidence >= minConfidence),
    byConfidenceThenCode,
  );

  // Keep the most specific topics; a broader topic is implied by a narrower one below it.
  const chosen = new Map<string, ExplainedSubject>();
  const implied = new Set<string>();
  for (const s of picked) for (const broader of broaderOf(s.code)) implied.add(broader);
  const specifics: ExplainedSubject[] = [];
  for (const s of picked) {
    if (implied.has(s.code)) continue;
    if (specifics.length >= maxTopics) break;
    const subject = { code: s.code, confidence: round2(s.confidence), reasons: s.reasons };
    specifics.push(subject);
    chosen.set(s.code, subject);
  }
  for (const s of specifics) {
    for (const broader of broaderOf(s.code)) {
      const own = scored.find((x) => x.code === broader);
      const existing = chosen.get(broader);
      const confidence = round2(Math.max(s.confidence, own?.confidence ?? 0, existing?.confidence ?? 0));
      const reasons = existing?.reasons ?? [...(own?.reasons ?? [])];
      reasons.push(`broader topic of ${s.code}`);
      chosen.set(broader, { code: broader, confidence, reasons });
    }
  }
  return sortSmall([...chosen.values()], byConfidenceThenCode);
}

interface Scored {
  code: string;
  confidence: number;
  reasons: string[];
}

// The sign of b.confidence - a.confidence (all a sort reads), then the codes' order.
function byConfidenceThenCode(a: Scored, b: Scored): number {
  if (b.confidence !== a.confidence) return b.confidence > a.confidence ? 1 : -1;
  return a.code.localeCompare(b.code);
}

/** The Article `subjects` for a story: IPTC code, English name, en/vi labels and confidence. */
export function tagSubjects(article: TaggableArticle, options: TopicOptions = {}): Subject[] {
  return explainSubjects(article, options).map(({ code, confidence, reasons }) => {
    const topic = MEDIA_TOPIC_BY_CODE.get(code)!;
    return { code, name: topic.name, labels: { ...topic.labels }, confidence, reasons: [...reasons] };
  });
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
