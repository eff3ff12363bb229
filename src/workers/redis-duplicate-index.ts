/**
 * The near-duplicate index shared by all workers, in Redis. Candidates are found through MinHash
 * LSH bands (stories whose wording shares a band) and through the proper names a story mentions
 * (another outlet's rewrite keeps the names even where it rewords every sentence); only the most
 * frequent candidates are scored with the full similarity. Every key expires after a window:
 * near-duplicates are about the same news, days apart at most.
 */
import type { Redis } from 'ioredis';
import { CandidateIndex } from './candidate-lookup.js';
import { DUPLICATE_THRESHOLD, SIGNATURE_SIZE, similarity, type Fingerprint } from './normalize/fingerprint.js';
import type { DuplicateIndex, DuplicateMatch } from './normalize/duplicate-index.js';

const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;
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
    for (let b = 0; b < BANDS; b++) keys.push(`${p}:rb:${b}:${fp.minhash.slice(b * ROWS, (b + 1) * ROWS).join('.')}`);
    for (const name of fp.names.slice(0, MAX_NAME_KEYS)) keys.push(`${p}:rn:${name}`);
    return keys;
  }

  async findDuplicate(fp: Fingerprint, excludeId: string): Promise<DuplicateMatch | null> {
    let best: DuplicateMatch | null = null;
    for (const [id, json] of await this.#index.find(this.#candidateKeys(fp), excludeId, MAX_CANDIDATES)) {
      const score = similarity(fp, JSON.parse(json) as Fingerprint);
      if (score >= this.#threshold && (best === null || score > best.score)) best = { id, score };
    }
    return best;
  }

  async add(id: string, fp: Fingerprint): Promise<void> {
    await this.#index.add(id, JSON.stringify(fp), this.#candidateKeys(fp));
  }
}
