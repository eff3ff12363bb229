/**
 * Where producers hand raw items over: validates them, drops exact re-sends of items already
 * queued (per source, identity → content hash, in Redis: see seen-items.ts), and adds the rest to
 * the ingest queue in one call with deterministic job ids, so a crash between two polls never
 * doubles a story.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { RawItemSchema, type RawItem, type RawItemInput } from './raw-item.js';
import { PermanentError } from './errors.js';
import { rawJobId, sha256Hex } from './ids.js';
import { SeenItems, type SeenEntry } from './seen-items.js';

export interface IngestResult {
  /** Job ids added (or already present) for the items that were new or changed. */
  jobIds: string[];
  /** Items dropped because exactly this content was queued before. */
  unchanged: number;
}

export type IngestSink = (items: RawItemInput[]) => Promise<IngestResult>;

/**
 * What makes an item "changed" for the producer: what the source sent, not when we got it. (Its
 * photos, link and language are not in it: normalize's content hash, which decides whether a story
 * has a new version, covers the text only, so queueing such a change would change nothing.)
 */
function itemFingerprint(item: RawItem): string {
  return sha256Hex(JSON.stringify([item.title, item.summary, item.content, item.authors, item.categories, item.published, item.updated]));
}

/** Validates every item first: one bad item refuses the batch, so nothing is half-queued. */
export function validateRawItems(items: RawItemInput[]): RawItem[] {
  const valid: RawItem[] = [];
  const problems: string[] = [];
  items.forEach((item, i) => {
    const parsed = RawItemSchema.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
    else problems.push(`item ${i}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
  });
  if (problems.length > 0) {
    throw new PermanentError('INVALID_RAW_ITEM', `raw items failed validation: ${problems.join(' | ')}`, { problems });
  }
  return valid;
}

export interface IngestSinkDeps {
  queue: Queue;
  redis: Redis;
  prefix: string;
  /** How long an item's last queued content is remembered without a change (default 30 days). */
  seenRetentionMs?: number;
  /** Told when forgetting old entries fails (the items were queued; it is tried again later). */
  onTrimError?: (err: unknown) => void;
}

const DEFAULT_SEEN_RETENTION_MS = 30 * 86_400_000;

/**
 * A sink adding to `queue`, remembering what was queued (see SeenItems). Job ids are
 * deterministic per send: a content seen before for the same identity (an editor reverting a
 * correction) gets a new id from the send count, because BullMQ keeps the first job's id for an
 * hour and would silently skip the add; a retried call after a failure computes the same id.
 */
export function createIngestSink(deps: IngestSinkDeps): IngestSink {
  const { queue, redis, prefix } = deps;
  const seen = new SeenItems(redis, { prefix, retentionMs: deps.seenRetentionMs ?? DEFAULT_SEEN_RETENTION_MS });
  return async (input) => {
    const items = validateRawItems(input);
    if (items.length === 0) return { jobIds: [], unchanged: 0 };
    const fingerprints = items.map(itemFingerprint);
    const previous = await seen.lookup(items);
    // Duplicate identities inside one batch: the first wins (a feed repeating a guid).
    const batch = new Map<string, { it: RawItem; entry: SeenEntry }>();
    items.forEach((it, i) => {
      const fp = fingerprints[i] as string;
      const last = previous[i] ?? null;
      const key = `${it.sourceId}\u0000${it.identity}`;
      if (last?.fingerprint === fp || batch.has(key)) return;
      batch.set(key, { it, entry: { fingerprint: fp, sends: (last?.sends ?? 0) + 1 } });
    });
    const fresh = [...batch.values()];
    const jobs = fresh.map(({ it, entry }) => ({
      name: it.sourceId,
      data: it,
      opts: { jobId: sendJobId(it, entry) },
    }));
    if (jobs.length > 0) await queue.addBulk(jobs);
    // Remembered only after the queue has them: a failed add is simply retried next poll.
    await seen.remember(fresh.map(({ it, entry }) => ({ sourceId: it.sourceId, identity: it.identity, entry })));
    // Every source that sent something, changed or not: a quiet feed's old entries go too.
    await seen.trim(items.map((it) => it.sourceId)).catch((err: unknown) => deps.onTrimError?.(err));
    return { jobIds: jobs.map((j) => j.opts.jobId), unchanged: items.length - fresh.length };
  };
}

/** The job id of one send: the first keeps the plain form, later ones add their count. */
function sendJobId(it: RawItem, entry: SeenEntry): string {
  const id = rawJobId(it.sourceId, it.identity, entry.fingerprint);
  return entry.sends === 1 ? id : `${id}.${entry.sends}`;
}
