/**
 * Tags a story with IPTC Media Topics from two kinds of evidence: the source's section label
 * (through the category map) and keywords in the headline, lead and body (through the topic
 * rules). Every topic given can say why (explainSubjects). Pure; all tables are built once.
 */
import type { Article, Subject } from '../../shared/article.js';
import { PermanentError } from '../../shared/errors.js';
import { toneInsensitiveKey } from '../normalize/index.js';
import { DEFAULT_CATEGORY_MAP } from './category-map.js';
import type { CategoryTopic } from './category-map.js';
import { MEDIA_TOPICS, MEDIA_TOPIC_BY_CODE, broaderTopics } from './media-topics.js';
import { NEUTRAL_PHRASES, TOPIC_RULES } from './topic-rules.js';
import { sortSmall } from './sort-small.js';
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

type Hit = { readonly code: string; readonly keyword: string };
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
}
/** A keyword index and the same phrases as a tree of words (first word's id → PhraseNode). */
interface PhraseIndex {
  readonly phrases: KeywordIndex;
  readonly firstWords: readonly (PhraseNode | undefined)[];
  /** English plurals of one-word keywords, by id: "hospitals" → the node of "hospital". */
  readonly plurals: readonly (PhraseNode | undefined)[];
}
/** Every word of every keyword phrase and every plural in `plurals`, for every index. */
const VOCABULARY = new WordVocabulary();
const RULE_LANGUAGES = ['vi', 'en', 'fr'] as const;
// All-capital keywords (UN, WHO, AI, GDP, UBND) are matched as written: lowercased they are
// ordinary words ("un" in French, "ai" = who in Vietnamese).
const ACRONYM_KEYWORD = /^[\p{Lu}\d][\p{Lu}\d-]*$/u;
const RAW_TOKEN = /[\p{L}\d][\p{L}\p{M}\d-]*/gu;

function addHit(index: Map<string, Hit[]>, key: string, hit: Hit | null): void {
  const hits = index.get(key) ?? [];
  if (hit !== null && !hits.some((h) => h.code === hit.code)) hits.push(hit);
  index.set(key, hits);
}

/** A table by word id, every entry empty. */
function byWordId(): (PhraseNode | undefined)[] {
  return Array.from({ length: VOCABULARY.size }, () => undefined);
}

function withWordTree(phrases: KeywordIndex): PhraseIndex {
  const firstWords = new Map<number, PhraseNode>();
  for (const [key, hits] of phrases) {
    const words = key.split(' ');
    let level = firstWords;
    let node: PhraseNode | undefined;
    for (let n = 0; n < words.length; n++) {
      const id = VOCABULARY.add(words[n]!);
      node = level.get(id);
      if (node === undefined) level.set(id, (node = { key: words.slice(0, n + 1).join(' '), hits: undefined, next: undefined }));
      if (n < words.length - 1) level = node.next ??= new Map();
    }
    node!.hits = hits;
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

/** Keyword indexes per rule language ('all' = every language): phrase key → hits. */
const INDEXES: ReadonlyMap<string, PhraseIndex> = (() => {
  const byLang = new Map<string, Map<string, Hit[]>>(['all', ...RULE_LANGUAGES].map((l) => [l, new Map()]));
  for (const rule of TOPIC_RULES) {
    const code = `medtop:${rule.code}`;
    for (const lang of RULE_LANGUAGES) {
      for (const keyword of rule[lang]) {
        if (ACRONYM_KEYWORD.test(keyword) && /\p{Lu}/u.test(keyword)) continue;
        const key = toneInsensitiveKey(keyword);
        if (key === '') continue;
        addHit(byLang.get(lang)!, key, { code, keyword });
        addHit(byLang.get('all')!, key, { code, keyword });
      }
    }
  }
  // Neutral names are matched (so the topic words inside them do not count) but give no topic.
  for (const phrase of NEUTRAL_PHRASES) for (const index of byLang.values()) addHit(index, toneInsensitiveKey(phrase), null);
  // The vocabulary is complete before the trees are built, so each table by word id is one
  // packed array as long as the vocabulary.
  for (const index of byLang.values()) {
    for (const key of index.keys()) {
      for (const word of key.split(' ')) VOCABULARY.add(word);
      if (!key.includes(' ')) VOCABULARY.add(`${key}s`);
    }
  }
  return new Map([...byLang].map(([lang, index]) => [lang, withWordTree(index)]));
})();

/** Acronym keywords, case-sensitive, for every language. */
const ACRONYMS: KeywordIndex = (() => {
  const index = new Map<string, Hit[]>();
  for (const rule of TOPIC_RULES) {
    for (const keyword of [...rule.vi, ...rule.en, ...rule.fr]) {
      if (ACRONYM_KEYWORD.test(keyword) && /\p{Lu}/u.test(keyword)) addHit(index, keyword, { code: `medtop:${rule.code}`, keyword });
    }
  }
  return index;
})();

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
  for (let i = 0; i < count; i++) {
    const id = ids[i]!;
    if (id < 0) continue;
    // The longest keyword starting at word i: walk the tree while the words still lead somewhere.
    let bestKey: string | null = null;
    let bestHits: readonly Hit[] = [];
    let bestEnd = 0;
    let node = index.firstWords[id];
    for (let end = i + 1; node !== undefined; end++) {
      if (node.hits !== undefined) {
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
  // "vi-VN" uses the Vietnamese keywords; a language without keywords (lo, km, zh) uses them all.
  const primary = article.language?.toLowerCase().split(/[-_]/)[0] ?? 'all';
  const index = INDEXES.get(primary) ?? INDEXES.get('all')!;
  for (const [field, text] of fields) {
    if (text === '') continue;
    for (const hits of keywordsIn(text, index)) {
      for (const { code, keyword } of hits) {
        const e = entry(code);
        e.text += FIELD_WEIGHT[field];
        e.reasons.push(`keyword "${keyword}" in ${field}`);
      }
    }
  }
  return evidence;
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
