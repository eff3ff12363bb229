/**
 * The publish stage: archive the version on S3 (canonical article + ninjs), then list it in the
 * feeds, then mark it published. The order matters: a story is visible to partners only once the
 * archive holds it, and every step is idempotent, so a retry after a crash repeats harmlessly.
 * The version is marked published only once it is listed (or a newer one is): a retry of a story
 * marked but not listed would be dropped as a re-send.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { Article } from '../../shared/article.js';
import type { ArticleStore } from '../../feeds/article-store.js';
import { toNinjs } from '../../archive/ninjs.js';
import { writeSnapshot } from '../../archive/snapshots.js';
import type { ArticleStage } from '../stage.js';

export interface PublishTargets {
  store: ArticleStore;
  /** Null only where no archive is wanted (benchmarks of the feed path alone). */
  archive: { s3: S3Client; bucket: string } | null;
}

/** Builds the publish stage for the given feed store and archive. */
export function createPublishStage(targets: PublishTargets): ArticleStage {
  return async function publish(article: Article, ctx) {
    if (targets.archive) {
      await writeSnapshot(targets.archive.s3, targets.archive.bucket, article, toNinjs(article));
    }
    const mark = ctx.stories.publishedMark?.(article.id, article.version);
    const listed = await targets.store.save(article, mark);
    if (!listed) ctx.log.debug({ version: article.version }, 'a newer version is already published');
    if (mark === undefined) await ctx.stories.markPublished(article.id, article.version);
    return article;
  };
}
