/**
 * Keywords: syllable 2–3-grams scored by TF-IDF, with people, organisations and places kept whole
 * as single candidates (never cut into n-grams). The top 10, as first written in the story.
 */
import type { IdfReader } from './idf-store.js';
import type { Section, Span } from './spans.js';
import { hardBreakBefore, spanText } from './spans.js';
import { STOP_PHRASES, STOPWORDS } from './stopwords.js';

export const MAX_KEYWORDS = 10;
const MAX_JOINED = 4;
const NUMERIC = /^[\p{N}.,%]+$/u;
/** Weight of a term found in the headline or lead versus the body. */
const SECTION_WEIGHT = [3, 2, 1];
/** Entities are what a story is about; favour them over ordinary phrases. */
const ENTITY_BOOST = 1.5;

interface Candidate {
  surface: string;
  /** Weighted term frequency (headline and lead count more). */
  tf: number;
  /** Plain number of occurrences. */
  count: number;
  entity: boolean;
  tokens: number;
}

/** The n-gram and entity terms of sections (tone-insensitive keys), for IDF counting and scoring. */
export function candidateTerms(sections: readonly Section[], entitySpans: readonly Span[][]): Map<string, Candidate> {
  const out = new Map<string, Candidate>();
  sections.forEach((section, si) => {
    const T = section.tokens;
    const weight = SECTION_WEIGHT[Math.min(si, SECTION_WEIGHT.length - 1)] ?? 1;
    const inEntity = new Int32Array(T.length).fill(-1);
    const spans = entitySpans[si] ?? [];
    spans.forEach((s, k) => inEntity.fill(k, s.start, s.end));
    const add = (key: string, surface: string, entity: boolean, tokens: number): void => {
      const c = out.get(key);
      if (c) {
        c.tf += weight;
        c.count++;
      } else out.set(key, { surface, tf: weight, count: 1, entity, tokens });
    };
    for (const s of spans) {
      const key = T.slice(s.start, s.end).map((t) => t.key).join(' ');
      if (key) add(key, spanText(section, s.start, s.end), true, s.end - s.start);
    }
    for (let i = 0; i < T.length; i++) {
      if (inEntity[i] !== -1) continue;
      const first = T[i];
      if (!first || STOPWORDS.has(first.key) || NUMERIC.test(first.text)) continue;
      let key = first.key;
      for (let n = 2; n <= 3 && i + n - 1 < T.length; n++) {
        const j = i + n - 1;
        const t = T[j];
        if (!t || inEntity[j] !== -1 || hardBreakBefore(T, j) || NUMERIC.test(t.text)) break;
        // A function word inside or at the end of a phrase makes it a fragment of a sentence.
        if (STOPWORDS.has(t.key)) break;
        key += ` ${t.key}`;
        if (n === 2 && STOP_PHRASES.has(key)) break;
        add(key, section.text.slice(first.start, t.end), false, n);
      }
    }
  });
  return out;
}

/** Words shared by the end of `a` and the start of `b`. */
function overlap(a: string, b: string): number {
  const x = a.split(' ');
  const y = b.split(' ');
  for (let k = Math.min(x.length, y.length) - 1; k >= 1; k--) {
    if (x.slice(x.length - k).join(' ') === y.slice(0, k).join(' ')) return k;
  }
  return 0;
}

/** For each bigram, the highest count of a trigram that contains it. */
function trigramCounts(cands: ReadonlyMap<string, Candidate>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, c] of cands) {
    if (c.entity || c.tokens !== 3) continue;
    const [a, b, d] = k.split(' ');
    for (const bi of [`${a} ${b}`, `${b} ${d}`]) out.set(bi, Math.max(out.get(bi) ?? 0, c.count));
  }
  return out;
}

/**
 * Top keywords of the sections by TF-IDF against `idf`. `onTerms` receives the document's
 * distinct terms, so an archive-learned IDF can count them without extracting them twice.
 */
export function extractKeywords(
  sections: readonly Section[],
  entitySpans: readonly Span[][],
  idf: IdfReader,
  onTerms?: (terms: Iterable<string>) => void,
): string[] {
  const cands = candidateTerms(sections, entitySpans);
  onTerms?.(cands.keys());
  const n = idf.documentCount();
  const tri = trigramCounts(cands);
  const scored: { key: string; c: Candidate; score: number }[] = [];
  for (const [key, c] of cands) {
    // A plain phrase said once is noise; an entity named once still says what the story is about.
    if (!c.entity && c.count < 2) continue;
    // A bigram that only ever occurs inside one trigram is that trigram's fragment.
    if (!c.entity && c.tokens === 2 && tri.get(key) === c.count) continue;
    const w = Math.log((n + 1) / (idf.documentFrequency(key) + 1)) + 1;
    scored.push({ key, c, score: c.tf * w * (c.entity ? ENTITY_BOOST : 1) * (c.tokens >= 3 ? 1.1 : 1) });
  }
  scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  const chosen: { key: string; surface: string; entity: boolean }[] = [];
  for (const s of scored) {
    if (chosen.length >= MAX_KEYWORDS) break;
    // Skip a phrase that is part of, or contains, one already chosen ("thông tin đối" vs "thông tin đối ngoại").
    if (chosen.some((c) => ` ${c.key} `.includes(` ${s.key} `) || ` ${s.key} `.includes(` ${c.key} `))) continue;
    const surface = s.c.entity ? s.c.surface : s.c.surface.toLowerCase();
    // Overlapping phrases are one longer term cut two ways: "thông tin" + "tin đối ngoại".
    const joined = s.c.entity ? undefined : chosen.find((c) => !c.entity && overlap(c.key, s.key) > 0);
    if (joined) {
      const k = overlap(joined.key, s.key);
      const words = s.key.split(' ');
      if (joined.key.split(' ').length + words.length - k <= MAX_JOINED) {
        joined.key = `${joined.key} ${words.slice(k).join(' ')}`;
        joined.surface = `${joined.surface} ${surface.split(' ').slice(k).join(' ')}`;
      }
      continue;
    }
    chosen.push({ key: s.key, surface, entity: s.c.entity });
  }
  return chosen.map((c) => c.surface);
}
