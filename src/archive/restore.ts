/**
 * Rebuilding Redis from the archive after Redis lost its data. Every archived story gets all its
 * version numbers back in the story registry, readable or not, so the next edit is numbered after
 * what the archive holds (an empty registry would hand out version 1 again and overwrite the
 * archived v1). The content hash of its newest readable version comes back too, so an unchanged
 * re-send is recognised. The feeds get the newest readable version of the stories first created in
 * the last days. Run it before `wirepipe start`.
 */
import { paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { ArticleSchema, type Article } from '../shared/article.js';
import { PermanentError, describeError } from '../shared/errors.js';
import type { ArticleStore } from '../feeds/article-store.js';
import type { RedisStoryStore } from '../workers/story-store.js';
import { parseSnapshotKey, readSnapshot } from './snapshots.js';

export interface RestoreReport {
  /** Stories whose versions are back in the story registry. */
  stories: number;
  versions: number;
  /** Stories listed in the feeds again (first created within the window). */
  listed: number;
  /**
   * Snapshots that could not be read or are not valid articles (their story's versions are
   * restored all the same), and story folders whose registry or feed entry could not be written.
   */
  failed: { key: string; code: string; message: string }[];
}

const DAY_MS = 86_400_000;

interface StoryFolder {
  id: string;
  day: string;
  /** Every archived version number, from either twin: the next edit must be numbered after all of them. */
  versions: Set<number>;
  /** Versions whose article JSON is stored, the only ones that can be read back as an article. */
  articles: Set<number>;
}

/** Every story folder of the archive with its archived versions (other objects ignored). */
async function listStories(s3: S3Client, bucket: string): Promise<Map<string, StoryFolder>> {
  const stories = new Map<string, StoryFolder>();
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: 'articles/' })) {
    for (const object of page.Contents ?? []) {
      const key = object.Key === undefined ? null : parseSnapshotKey(object.Key);
      if (!key) continue;
      const entry = stories.get(key.folder) ?? { id: key.id, day: key.day, versions: new Set(), articles: new Set() };
      entry.versions.add(key.version);
      if (!key.ninjs) entry.articles.add(key.version);
      stories.set(key.folder, entry);
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
  const fail = (key: string, err: unknown) => {
    const e = describeError(err);
    report.failed.push({ key, code: e.code, message: e.message });
  };

  /** The newest version of a story that reads cleanly, or null; every unreadable one is reported. */
  const newestReadable = async (folder: string, story: StoryFolder): Promise<{ version: number; article: Article } | null> => {
    for (const version of [...story.articles].sort((a, b) => b - a)) {
      const key = `${folder}v${version}.json`;
      try {
        return { version, article: await readArticle(o.s3, o.bucket, key) };
      } catch (err) {
        fail(key, err);
      }
    }
    return null;
  };

  const restoreOne = async ([folder, story]: [string, StoryFolder]): Promise<void> => {
    const readable = await newestReadable(folder, story);
    // The folder is dated by firstCreated, so its day keeps the story's next edits in this folder
    // when no version can be read to give the exact time.
    const firstCreated = readable?.article.firstCreated ?? `${story.day}T00:00:00.000Z`;
    try {
      const known = readable && { version: readable.version, contentHash: readable.article.contentHash };
      await o.stories.restore(story.id, firstCreated, [...story.versions], known);
      report.stories += 1;
      report.versions += story.versions.size;
      if (readable && story.day >= firstListedDay) {
        // ArticleStore.save keeps the newest versionCreated per feed whatever the order of arrival.
        await o.store.save(readable.article);
        report.listed += 1;
      }
    } catch (err) {
      fail(folder, err);
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
