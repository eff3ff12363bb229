/**
 * A running pipeline: queues for the configured topology, the workers, the stores they write,
 * and the HTTP server partners and operators read. Producers are attached separately (see
 * producers.ts) so tests and benchmarks can feed the ingest sink directly.
 */
import type { Config } from '../shared/config.js';
import { DeadLetters } from '../shared/dead-letters.js';
import { createIngestSink, type IngestSink } from '../shared/ingest-sink.js';
import type { Logger } from '../shared/logger.js';
import { openPipelineQueues, type PipelineQueues } from '../shared/queues.js';
import { ArticleStore } from '../feeds/article-store.js';
import { feedIndexRoute, feedRoutes } from '../feeds/feed-routes.js';
import { startHttpServer, type HttpServer, type Route } from '../server/http.js';
import { operatorRoutes } from '../server/operator-routes.js';
import { PUSH_PATH, pushRoute } from '../server/push-route.js';
import { RedisSourceStateStore } from '../producers/feed/source-state.js';
import type { Source } from '../shared/sources.js';
import { sourceStatePrefix, startProducers, type RunningProducers } from './producers.js';
import type { StageTimer } from '../workers/run-stages.js';
import { startWorkers, type RunningWorkers } from '../workers/start-workers.js';
import { createStages } from '../workers/stages.js';
import { RedisStoryStore } from '../workers/story-store.js';
import { RedisDuplicateIndex } from '../workers/redis-duplicate-index.js';
import { RedisTranslationIndex } from '../workers/translation-links.js';
import { ArchiveIdf } from '../workers/enrich/archive-idf.js';
import type { Services } from './services.js';
import { RedisTranslationCache } from '../translation/cache.js';
import { feedShowsTranslations, targetLanguages, type ResolvedTranslationConfig } from '../translation/config.js';
import { createTranslationProvider } from '../translation/create-provider.js';
import { startTranslationFollowUps, type FollowUps } from '../workers/translation-follow-up.js';
import type { StageTranslation } from '../translation/stage-translation.js';
import { baseLanguage } from '../translation/provider.js';

export interface Pipeline {
  queues: PipelineQueues;
  workers: RunningWorkers | null;
  store: ArticleStore;
  deadLetters: DeadLetters;
  sink: IngestSink;
  http: HttpServer | null;
  producers: RunningProducers | null;
  /** Public base URL of the feed server. */
  baseUrl: string;
  close(): Promise<void>;
}

export interface PipelineOptions {
  /** Run workers in this process (default true). */
  workers?: boolean;
  /** Run the sources' producers in this process (default true when `sources` is given). */
  producers?: boolean;
  /** Serve HTTP (default true). */
  http?: boolean;
  /** Extra routes placed before the built-in ones. */
  extraRoutes?: Route[];
  /**
   * The configured sources: feed and wire-folder sources are run by producers in this process,
   * push sources are accepted on POST /ingest, and all are listed on GET /sources.
   */
  sources?: () => Source[];
  /** Machine translation for partner desks (TRANSLATION_* settings); none when absent. */
  translation?: ResolvedTranslationConfig;
  /** Least wait before retrying failed translations (default 60 s; tests shorten it). */
  translationFollowUpDelayMs?: number;
  /** Write S3 snapshots (default true). */
  archive?: boolean;
  timer?: StageTimer;
}

/** The feed store as the pipeline configures it (also used to restore it from the archive). */
export function createArticleStore(config: Config, services: Pick<Services, 'redis'>, translationConfig?: ResolvedTranslationConfig['config']): ArticleStore {
  return new ArticleStore(services.redis, {
    prefix: config.prefix,
    feedLength: config.feedLength,
    // A language feed may list other-language stories under their machine-translated headline.
    extraFeeds: (a) =>
      translationConfig
        ? a.translations
            .map((t) => baseLanguage(t.lang))
            .filter((lang) => lang !== baseLanguage(a.language) && feedShowsTranslations(translationConfig, `lang/${lang}`, lang))
            .map((lang) => `lang/${lang}`)
        : [],
  });
}

/** Starts queues, workers and the feed server on `services`. */
export async function startPipeline(config: Config, services: Services, log: Logger, opts: PipelineOptions = {}): Promise<Pipeline> {
  const queues = openPipelineQueues({
    redisUrl: services.redisUrl,
    prefix: config.prefix,
    topology: config.topology,
    attempts: config.attempts,
    backoffMs: config.backoffMs,
  });
  const translationConfig = opts.translation?.config;
  const store = createArticleStore(config, services, translationConfig);
  const deadLetters = new DeadLetters(services.redis, config.prefix);
  const archive = opts.archive === false ? null : { s3: services.s3, bucket: services.bucket };
  const provider = opts.translation ? createTranslationProvider(opts.translation) : null;
  let followUps: FollowUps | null = null;
  let translation: StageTranslation | undefined;
  if (provider && translationConfig) {
    const base = {
      provider,
      cache: new RedisTranslationCache(services.redis, `${config.prefix}:tr`),
      targets: targetLanguages(translationConfig),
      maxAttempts: translationConfig.maxAttempts,
      budgetMs: translationConfig.budgetMs,
      ...(opts.translationFollowUpDelayMs !== undefined ? { followUpDelayMs: opts.translationFollowUpDelayMs } : {}),
    };
    followUps = startTranslationFollowUps({ redisUrl: services.redisUrl, prefix: config.prefix, store, archive, translation: base, deadLetters, log, work: opts.workers !== false });
    translation = { ...base, scheduleFollowUp: (a, plan) => followUps!.schedule(a, plan) };
  }
  const stories = new RedisStoryStore(services.redis, config.prefix);
  const sources = opts.sources ?? (() => []);
  // Keyword IDF learned from what this pipeline publishes, shared by its workers through Redis.
  const idf = new ArchiveIdf(services.redis, {
    prefix: config.prefix,
    generationTerms: config.idfGenerationTerms,
    // Counts lost without a failed sync: terms Redis refuses (a field an operator set to a
    // non-number), documents dropped while too many counts wait for Redis.
    onError: (err) => log.warn({ err }, 'keyword IDF lost counts'),
  });
  await idf.start((err) => log.warn({ err }, 'keyword IDF sync failed; will retry'));
  const stages = createStages({ store, archive }, { idf, learn: idf.learn });
  const workers =
    opts.workers === false
      ? null
      : startWorkers(
          { redisUrl: services.redisUrl, prefix: config.prefix, concurrency: config.concurrency, lockMs: config.workerLockMs },
          queues,
          stages,
          { log, now: () => new Date(), stories, duplicates: new RedisDuplicateIndex(services.redis, { prefix: config.prefix, threshold: config.duplicates.threshold, windowSeconds: config.duplicates.windowSeconds }),
            sourceConfig: (id) => sources().find((s) => s.id === id),
            translationLinks: new RedisTranslationIndex(services.redis, config.prefix, { threshold: config.translationLinkThreshold }),
            ...(translation ? { translation } : {}),
          },
          deadLetters,
          opts.timer,
        );
  /** Stops taking and finishing jobs: workers, follow-ups, queues, then the IDF's last flush. */
  const stopProcessing = async (): Promise<void> => {
    await workers?.close();
    await followUps?.close();
    await queues.close();
    // Counts of the last seconds may be lost (stop() gives up on a Redis that does not answer):
    // shutting down goes on, but says so.
    await idf.stop().catch((err: unknown) => log.warn({ err }, 'keyword IDF final flush failed'));
  };
  const sink = createIngestSink({
    queue: queues.ingest,
    redis: services.redis,
    prefix: config.prefix,
    seenRetentionMs: config.seenRetentionMs,
    onTrimError: (err) => log.warn({ err }, 'could not forget old seen items; will retry'),
  });
  const sourceState = new RedisSourceStateStore(services.redis, sourceStatePrefix(config.prefix));
  let baseUrl = config.publicBaseUrl ?? '';
  let http: HttpServer | null = null;
  if (opts.http !== false) {
    const base = () => baseUrl;
    http = await startHttpServer({
      host: config.host,
      port: config.port,
      log,
      untimed: (method, pathname) => method === 'POST' && pathname === PUSH_PATH,
      routes: [
        ...(opts.extraRoutes ?? []),
        pushRoute({ sources, sink, deadLetters, redis: services.redis, prefix: config.prefix, log }),
        operatorRoutes({ queues, deadLetters, operatorToken: config.operatorToken, sources: { list: sources, state: sourceState } }),
        feedIndexRoute(store, base),
        feedRoutes(store, base, config.feedPageSize),
      ],
    }).catch(async (err: unknown) => {
      // A port in use must not leave workers taking jobs in a process that is about to fail.
      await stopProcessing();
      throw err;
    });
    if (!config.publicBaseUrl) baseUrl = http.url;
  }
  // Producers run whenever sources were given: a reload may add feeds to a push-only list.
  const producers = opts.sources && opts.producers !== false ? startProducers({ sources, sink, state: sourceState, deadLetters, log }) : null;
  return {
    queues,
    workers,
    store,
    deadLetters,
    sink,
    http,
    producers,
    get baseUrl() {
      return baseUrl;
    },
    async close() {
      await producers?.stop();
      await http?.close();
      await stopProcessing();
    },
  };
}
