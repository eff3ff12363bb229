/**
 * Where near-duplicates are looked up: an interface the stage uses, and an in-memory
 * implementation (MinHash LSH banding) for tests and single-process runs.
 */
import { DUPLICATE_THRESHOLD, EMPTY_BIN, SIGNATURE_SIZE, similarity, type Fingerprint } from './fingerprint.js';

/** A stored story that the new one repeats. */
export interface DuplicateMatch {
  id: string;
  score: number;
}

/** Remembers fingerprints of recent stories and finds the one a new story repeats. */
export interface DuplicateIndex {
  /** The best-scoring stored story at or above the threshold, other than `excludeId`. */
  findDuplicate(fp: Fingerprint, excludeId: string): Promise<DuplicateMatch | null>;
  /** Stores (or replaces) the fingerprint of story `id`. */
  add(id: string, fp: Fingerprint): Promise<void>;
  /** `findDuplicate(fp, id)` then `add(id, fp)`, in one round trip where the index is shared. */
  addAndFindDuplicate(id: string, fp: Fingerprint): Promise<DuplicateMatch | null>;
}

const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;

/**
 * The LSH bands of a fingerprint that say something: a band whose bins are all empty (a short
 * story leaves bins empty) is shared by every short story and is no evidence of shared wording.
 */
export function bandsOf(fp: Fingerprint): string[] {
  const bands: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    const rows = fp.minhash.slice(b * ROWS, (b + 1) * ROWS);
    if (rows.some((bin) => bin !== EMPTY_BIN)) bands.push(`${b}:${rows.join('.')}`);
  }
  return bands;
}

/** In-memory DuplicateIndex holding at most `capacity` stories (oldest dropped first). */
export class InMemoryDuplicateIndex implements DuplicateIndex {
  private readonly stories = new Map<string, Fingerprint>();
  private readonly buckets = new Map<string, Set<string>>();

  constructor(
    private readonly capacity = 50_000,
    private readonly threshold = DUPLICATE_THRESHOLD,
  ) {}

  async findDuplicate(fp: Fingerprint, excludeId: string): Promise<DuplicateMatch | null> {
    const candidates = new Set<string>();
    for (const key of bandsOf(fp)) for (const id of this.buckets.get(key) ?? []) candidates.add(id);
    // Numbers and names can carry a rewrite whose wording shares no full band: scan them too
    // while the index is small enough for that to stay cheap.
    if (this.stories.size <= 2000) for (const id of this.stories.keys()) candidates.add(id);
    let best: DuplicateMatch | null = null;
    for (const id of candidates) {
      if (id === excludeId) continue;
      const other = this.stories.get(id);
      if (other === undefined) continue;
      const score = similarity(fp, other);
      if (score >= this.threshold && (best === null || score > best.score)) best = { id, score };
    }
    return best;
  }

  async addAndFindDuplicate(id: string, fp: Fingerprint): Promise<DuplicateMatch | null> {
    const match = await this.findDuplicate(fp, id);
    await this.add(id, fp);
    return match;
  }

  async add(id: string, fp: Fingerprint): Promise<void> {
    this.remove(id);
    this.stories.set(id, fp);
    for (const key of bandsOf(fp)) {
      let set = this.buckets.get(key);
      if (set === undefined) this.buckets.set(key, (set = new Set()));
      set.add(id);
    }
    while (this.stories.size > this.capacity) {
      const oldest = this.stories.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }

  private remove(id: string): void {
    const fp = this.stories.get(id);
    if (fp === undefined) return;
    this.stories.delete(id);
    for (const key of bandsOf(fp)) this.buckets.get(key)?.delete(id);
  }
}
