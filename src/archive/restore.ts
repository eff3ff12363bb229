/**
 * Rebuilding Redis from the archive after Redis lost its data. Every archived story gets its
 * version numbers and the content hash of its latest version back in the story registry, so an
 * unchanged re-send is recognised and the next edit is numbered after what the archive holds (an
 * empty registry would hand out version 1 again and overwrite the archived v1). The feeds get the
 * latest version of the stories first created in the last days. Run it before `wirepipe start`.
 */
import { paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { ArticleSchema, type Article } from '../shared/article.js';
import { PermanentError, describeError } from '../shared/errors.js';
import type { ArticleStore } from '../feeds/article-store.js';
import type { RedisStoryStore } from '../workers/story-store.js';
import { readSnapshot } from './snapshots.js';

export interface RestoreReport {
  /** Stories whose versions are back in the story registry. */
  stories: number;
  versions: number;
  /** Stories listed in the feeds again (first created within the window). */
  listed: number;
  /** Stories whose latest snapshot could not be read or is not a valid article. */
  failed: { key: string; code: string; message: string }[];
}

/** `articles/yyyy/mm/dd/{id}/v{n}.json`: the story folder with its day, and the version. */
const ARTICLE_KEY = /^(articles\/(\d{4})\/(\d{2})\/(\d{2})\/[^/]+\/)v(\d+)\.json$/;
const DAY_MS = 86_400_000;

interface StoryFolder {
  day: string;
  versions: number[];
}

/** Every story folder of the archive with its archived versions (ninjs renditions and other objects ignored). */
async function listStories(s3: S3Client, bucket: string): Promise<Map<string, StoryFolder>> {
  const stories = new Map<string, StoryFolder>();
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: 'articles/' })) {
    for (const object of page.Contents ?? []) {
      const m = object.Key === undefined ? null : ARTICLE_KEY.exec(object.Key);
      if (!m) continue;
      const folder = m[1] as string;
      const entry = stories.get(folder) ?? { day: `${m[2]}-${m[3]}-${m[4]}`, versions: [] };
      entry.versions.push(Number(m[5]));
      stories.set(folder, entry);
    }
  }
  return stories;
}

async function readArticle(s3: S3Client, bucket: string, key: string): Promise<Article> {
  const parsed = ArticleSchema.safeParse(await readSnapshot(s3, bucket, key));
  if (!parsed.success) throw new PermanentError('INVALID_ARTICLE', `${key} is not a valid article: ${parsed.error.issues[0]?.message ?? ''}`, { key });
  return parsed.data;
}

/**
 * Snapshots read at once: a restore reads the latest version of every archived story (a year at
 * 1,000 stories a day is 365,000 reads), so one at a time would keep the pipeline down for an hour.
 */
const READS_IN_FLIGHT = 16;

/** Restores the story registry from the whole archive and the feeds from the last `days` days (UTC). */
export async function restoreFromArchive(o: { s3: S3Client; bucket: string; store: ArticleStore; stories: RedisStoryStore; days: number; now?: Date }): Promise<RestoreReport> {
  const report: RestoreReport = { stories: 0, versions: 0, listed: 0, failed: [] };
  const firstListedDay = new Date((o.now ?? new Date()).getTime() - o.days * DAY_MS).toISOString().slice(0, 10);
  const restoreOne = async ([folder, { day, versions }]: [string, StoryFolder]): Promise<void> => {
    const key = `${folder}v${Math.max(...versions)}.json`;
    try {
      const article = await readArticle(o.s3, o.bucket, key);
      await o.stories.restore(article.id, article.firstCreated, versions, article.contentHash);
      report.stories += 1;
      report.versions += versions.length;
      if (day >= firstListedDay) {
        // ArticleStore.save keeps the newest versionCreated per feed whatever the order of arrival.
        await o.store.save(article);
        report.listed += 1;
      }
    } catch (err) {
      const e = describeError(err);
      report.failed.push({ key, code: e.code, message: e.message });
    }
  };
  const queue = [...(await listStories(o.s3, o.bucket))];
  await Promise.all(
    Array.from({ length: READS_IN_FLIGHT }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await restoreOne(next);
    }),
  );
  report.failed.sort((a, b) => a.key.localeCompare(b.key));
  return report;
}
