/**
 * What a stage is: a plain async function with no knowledge of BullMQ. The adapter in
 * `src/workers/bullmq-adapter.ts` and the in-process runner in `src/workers/pipeline.ts` are the
 * only places that know how stages are chained.
 */
import type { Logger } from 'pino';
import type { Article } from '../shared/article.js';
import type { RawItem } from '../shared/raw-item.js';
import type { DuplicateIndex } from './normalize/duplicate-index.js';
import type { Source } from '../shared/sources.js';
import type { StageTranslation } from '../translation/stage-translation.js';
import type { TranslationIndex } from './translation-links.js';

/** The outcome of recording a version of a story. */
export interface VersionDecision {
  /** The version number this content has (new or already known). */
  version: number;
  /**
   * False when exactly this content was already published: nothing new to do. Content that was
   * recorded but never published (a job that failed after normalize and is now retried) is still
   * new, so a retry never loses the story.
   */
  isNew: boolean;
  /** When version 1 was first recorded (ISO 8601). */
  firstCreated: string;
  /**
   * For a version after the first, the time its source dated the version before it (ISO 8601):
   * an edit the source dates no later than that is an edit it did not date. Absent when not known
   * (the first version, or a story recorded before versions were dated).
   */
  previousDated?: string;
}

/** What the source says of a version, for telling edits and reverts apart. */
export interface VersionDating {
  /** The time the source gives this content (its `updated`, else `published`, else when received). */
  dated: string;
  /** True when that time is the source's own `updated`: then a known older content dated after the newest version is a revert. */
  sourceUpdated: boolean;
}

/** Remembers story versions so a re-send with the same content is not a new version. */
export interface StoryStore {
  /**
   * Atomically records `contentHash` for story `id`: unchanged content returns its known version
   * with isNew false, changed content gets the next version number. `at` is the story's first
   * creation time if it is new. With `dating`, content of an older version that the source dates
   * (by its `updated`) after the newest version is a revert and gets a new version too; a late
   * or repeated send of it (dated no later) is still its old version.
   */
  recordVersion(id: string, contentHash: string, at: string, dating?: VersionDating): Promise<VersionDecision>;
  /** Marks a version as published (the last stage succeeded), so a re-send of it is dropped. */
  markPublished(id: string, version: number): Promise<void>;
  /**
   * Where markPublished writes, for a store in the same Redis as the feed store: the feed store's
   * save then marks the version in its own script (one round trip fewer per story, and never
   * marked unless saved). Absent for stores that are not in Redis.
   */
  publishedMark?(id: string, version: number): PublishedMark;
}

/** A hash field set to "1" once a version is published. */
export interface PublishedMark {
  key: string;
  field: string;
}

/** Everything a stage may use; clients are passed in, never imported as globals. */
export interface StageContext {
  log: Logger;
  /** Injected so tests and replays control time. */
  now: () => Date;
  stories: StoryStore;
  /** Near-duplicates across sources; when present, normalize sets `duplicateOf`. */
  duplicates?: DuplicateIndex;
  /** The configured source of an item (its category map, language hint), when known. */
  sourceConfig?: (sourceId: string) => Source | undefined;
  /** Stories in other languages this one may translate; when present, translate-tag sets `translationOf`. */
  translationLinks?: TranslationIndex;
  /** Machine translation for partner desks; absent when no provider is configured. */
  translation?: StageTranslation;
}

/** A stage: returns the next form of the item, or null when there is nothing more to do. */
export type Stage<In, Out> = (input: In, ctx: StageContext) => Promise<Out | null>;

export type NormalizeStage = Stage<RawItem, Article>;
export type ArticleStage = Stage<Article, Article>;

export const STAGE_NAMES = ['normalize', 'translate-tag', 'enrich', 'publish'] as const;
export type StageName = (typeof STAGE_NAMES)[number];
