/**
 * Document frequencies for keyword IDF. In production the published archive's frequencies would
 * live in Redis and grow as stories are published; the stage only needs this small interface.
 * The default store is read-only and seeded from data/keyword-df.json, learned from the labeled
 * fixtures (see test/workers/enrich/learn-df.ts).
 */
import defaults from '../../../data/keyword-df.json' with { type: 'json' };

/** Read side: what the keyword extractor consults. */
export interface IdfReader {
  /** Number of documents the frequencies were counted over. */
  documentCount(): number;
  /** In how many documents `term` (a tone-insensitive key, see fold.ts) occurs. */
  documentFrequency(term: string): number;
}

/** A store that also learns from newly published documents. */
export interface IdfStore extends IdfReader {
  /** Counts each distinct term of one document once. */
  addDocument(terms: Iterable<string>): void;
}

/** An in-memory IdfStore, optionally seeded with known frequencies. */
export class MemoryIdfStore implements IdfStore {
  private readonly df: Map<string, number>;
  private docs: number;

  constructor(seed: { documents: number; df: Record<string, number> } = { documents: 0, df: {} }) {
    this.df = new Map(Object.entries(seed.df));
    this.docs = seed.documents;
  }

  documentCount(): number {
    return this.docs;
  }

  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  addDocument(terms: Iterable<string>): void {
    this.docs++;
    for (const t of new Set(terms)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  /** The frequencies as a plain, JSON-ready object (sorted for stable diffs). */
  toJSON(): { documents: number; df: Record<string, number> } {
    const df: Record<string, number> = {};
    for (const [k, v] of [...this.df].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) df[k] = v;
    return { documents: this.docs, df };
  }
}

const DEFAULT_DF: ReadonlyMap<string, number> = new Map(Object.entries((defaults as { df: Record<string, number> }).df));
const DEFAULT_DOCS = (defaults as { documents: number }).documents;

/** The built-in, read-only frequencies shipped with wirepipe. */
export const DEFAULT_IDF: IdfReader = Object.freeze({
  documentCount: () => DEFAULT_DOCS,
  documentFrequency: (term: string) => DEFAULT_DF.get(term) ?? 0,
});
