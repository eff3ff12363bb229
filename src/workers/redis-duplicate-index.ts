/**
 * The near-duplicate index shared by all workers, in Redis. Candidates are found through MinHash
 * LSH bands (stories whose wording shares a band) and through the proper names a story mentions
 * (another outlet's rewrite keeps the names even where it rewords every sentence); only the most
 * frequent candidates are scored with the full similarity. Every key expires after a window:
 * near-duplicates are about the same news, days apart at most.
 */
import type { Redis } from 'ioredis';
import { CandidateIndex } from './candidate-lookup.js';
import { encodeFingerprint, storedSimilarityTo } from './fingerprint-codec.js';
import { DUPLICATE_THRESHOLD, type Fingerprint } from './normalize/fingerprint.js';
import { bandsOf, type DuplicateIndex, type DuplicateMatch } from './normalize/duplicate-index.js';

/** Names per story used as candidate keys: enough to catch rewrites, few enough to stay cheap. */
const MAX_NAME_KEYS = 8;
/**
 * Fingerprints scored per lookup, the most often co-occurring candidates first. Scoring means
 * fetching and parsing each one: on a busy day with many similar bulletins an uncapped list made
 * normalize's cost grow with the index (measured in docs/benchmarks.md), so it is kept small.
 */
const MAX_CANDIDATES = 8;

export interface RedisDuplicateIndexOptions {
  prefix: string;
  /** How long a story stays findable (seconds); default 7 days. */
  windowSeconds?: number;
  threshold?: number;
}

/** A DuplicateIndex in Redis under `{prefix}:dup:*`. */
export class RedisDuplicateIndex implements DuplicateIndex {
  readonly #window: number;
  readonly #threshold: number;
  readonly #index: CandidateIndex;

  constructor(
    redis: Redis,
    private readonly opts: RedisDuplicateIndexOptions,
  ) {
    this.#window = opts.windowSeconds ?? 7 * 86_400;
    this.#threshold = opts.threshold ?? DUPLICATE_THRESHOLD;
    this.#index = new CandidateIndex(redis, `${opts.prefix}:dup:fp:`, this.#window);
  }

  // `rb`/`rn` ("recent"): sorted sets by time. The plain sets of the first release (`b`/`n`) are
  // not read: after an upgrade, copies of stories indexed before it go unmarked for one window.
  #candidateKeys(fp: Fingerprint): string[] {
    const p = `${this.opts.prefix}:dup`;
    const keys: string[] = [];
    for (const band of bandsOf(fp)) keys.push(`${p}:rb:${band}`);
    for (const name of fp.names.slice(0, MAX_NAME_KEYS)) keys.push(`${p}:rn:${name}`);
    return keys;
  }

  #best(fp: Fingerprint, candidates: [id: string, stored: string][]): DuplicateMatch | null {
    let best: DuplicateMatch | null = null;
    const scoreStored = storedSimilarityTo(fp);
    for (const [id, stored] of candidates) {
      const score = scoreStored(stored);
      if (score >= this.#threshold && (best === null || score > best.score)) best = { id, score };
    }
    return best;
  }

  async findDuplicate(fp: Fingerprint, excludeId: string): Promise<DuplicateMatch | null> {
    return this.#best(fp, await this.#index.find(this.#candidateKeys(fp), excludeId, MAX_CANDIDATES));
  }

  async add(id: string, fp: Fingerprint): Promise<void> {
    await this.#index.add(id, encodeFingerprint(fp), this.#candidateKeys(fp));
  }

  async addAndFindDuplicate(id: string, fp: Fingerprint): Promise<DuplicateMatch | null> {
    return this.#best(fp, await this.#index.findThenAdd(id, encodeFingerprint(fp), this.#candidateKeys(fp), MAX_CANDIDATES));
  }
}
