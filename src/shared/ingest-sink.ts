/**
 * Where producers hand raw items over: validates them, drops exact re-sends of items already
 * queued (per source, identity → content hash, in Redis), and adds the rest to the ingest queue
 * in one call with deterministic job ids, so a crash between two polls never doubles a story.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { RawItemSchema, type RawItem, type RawItemInput } from './raw-item.js';
import { PermanentError } from './errors.js';
import { rawJobId, sha256Hex } from './ids.js';

export interface IngestResult {
  /** Job ids added (or already present) for the items that were new or changed. */
  jobIds: string[];
  /** Items dropped because exactly this content was queued before. */
  unchanged: number;
}

export type IngestSink = (items: RawItemInput[]) => Promise<IngestResult>;

/** What makes an item "changed" for the producer: what the source sent, not when we got it. */
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

/** A sink adding to `queue`, remembering what was queued under `{prefix}:seen:{sourceId}`. */
export function createIngestSink(deps: { queue: Queue; redis: Redis; prefix: string }): IngestSink {
  const { queue, redis, prefix } = deps;
  return async (input) => {
    const items = validateRawItems(input);
    if (items.length === 0) return { jobIds: [], unchanged: 0 };
    const fingerprints = items.map(itemFingerprint);
    const seen = await Promise.all(items.map((it) => redis.hget(`${prefix}:seen:${it.sourceId}`, it.identity)));
    const fresh = items.map((it, i) => ({ it, fp: fingerprints[i] as string })).filter((_, i) => seen[i] !== fingerprints[i]);
    // Duplicate identities inside one batch: the first wins (a feed repeating a guid).
    const unique = new Map<string, { it: RawItem; fp: string }>();
    for (const f of fresh) if (!unique.has(`${f.it.sourceId}\u0000${f.it.identity}`)) unique.set(`${f.it.sourceId}\u0000${f.it.identity}`, f);
    const batch = [...unique.values()];
    const jobs = batch.map(({ it, fp }) => ({
      name: it.sourceId,
      data: it,
      opts: { jobId: rawJobId(it.sourceId, it.identity, fp) },
    }));
    if (jobs.length > 0) await queue.addBulk(jobs);
    // Remembered only after the queue has them: a failed add is simply retried next poll.
    if (batch.length > 0) {
      const pipeline = redis.pipeline();
      for (const { it, fp } of batch) pipeline.hset(`${prefix}:seen:${it.sourceId}`, it.identity, fp);
      await pipeline.exec();
    }
    return { jobIds: jobs.map((j) => j.opts.jobId), unchanged: items.length - batch.length };
  };
}
