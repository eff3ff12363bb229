/**
 * Rebuilding Redis from the archive after Redis lost its data: the feeds get the latest archived
 * version of every story first created in the last days, and the story registry gets every archived
 * version number, so the next edit of a story is numbered after them and never overwrites an
 * archived object.
 */
import { paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { ArticleSchema } from '../shared/article.js';
import { PermanentError, describeError } from '../shared/errors.js';
import type { ArticleStore } from '../feeds/article-store.js';
import type { RedisStoryStore } from '../workers/story-store.js';
import { readSnapshot } from './snapshots.js';

export interface RestoreReport {
  stories: number;
  versions: number;
  /** Stories whose latest snapshot could not be read or is not a valid article. */
  failed: { key: string; code: string; message: string }[];
}

const ARTICLE_KEY = /^(articles\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/)v(\d+)\.json$/;
const DAY_MS = 86_400_000;

/** The day folders `articles/yyyy/mm/dd/` from `days` days before `now` up to `now`, in UTC. */
export function dayPrefixes(now: Date, days: number): string[] {
  const out: string[] = [];
  for (let d = days; d >= 0; d--) {
    const day = new Date(now.getTime() - d * DAY_MS).toISOString().slice(0, 10);
    out.push(`articles/${day.replaceAll('-', '/')}/`);
  }
  return out;
}

/** Restores the stories first created in the last `days` days (UTC) into the feeds and the story registry. */
export async function restoreFromArchive(o: { s3: S3Client; bucket: string; store: ArticleStore; stories: RedisStoryStore; days: number; now?: Date }): Promise<RestoreReport> {
  const report: RestoreReport = { stories: 0, versions: 0, failed: [] };
  for (const prefix of dayPrefixes(o.now ?? new Date(), o.days)) {
    const versions = new Map<string, number[]>();
    for await (const page of paginateListObjectsV2({ client: o.s3 }, { Bucket: o.bucket, Prefix: prefix })) {
      for (const object of page.Contents ?? []) {
        const m = object.Key === undefined ? null : ARTICLE_KEY.exec(object.Key);
        if (!m) continue; // ninjs renditions and foreign objects
        const story = m[1] as string;
        versions.set(story, [...(versions.get(story) ?? []), Number(m[2])]);
      }
    }
    for (const [story, list] of versions) {
      const latest = Math.max(...list);
      const key = `${story}v${latest}.json`;
      try {
        const parsed = ArticleSchema.safeParse(await readSnapshot(o.s3, o.bucket, key));
        if (!parsed.success) throw new PermanentError('INVALID_ARTICLE', `${key} is not a valid article: ${parsed.error.issues[0]?.message ?? ''}`, { key });
        const article = parsed.data;
        await o.store.save(article);
        await o.stories.restore(article.id, article.firstCreated, list);
        report.stories += 1;
        report.versions += list.length;
      } catch (err) {
        const e = describeError(err);
        report.failed.push({ key, code: e.code, message: e.message });
      }
    }
  }
  return report;
}
