import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/shared/config.js';
import { feedDescriptor } from '../../src/feeds/feed-routes.js';
import { ConfigError } from '../../src/shared/errors.js';
import { parseTopology } from '../../src/shared/topology.js';

describe('configuration', () => {
  it('has working defaults for a newcomer', () => {
    const c = loadConfig({});
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(8080);
    expect(c.topology.name).toBe('fused');
    expect(c.redisUrl).toBeUndefined();
    expect(c.s3.endpoint).toBeUndefined();
    expect(c.idfGenerationTerms).toBe(250_000);
  });

  it('takes a blank HOST, S3_REGION or EMBEDDED_S3_DIR as unset: a blank HOST would listen on every interface', () => {
    const c = loadConfig({ HOST: '', S3_REGION: ' ', EMBEDDED_S3_DIR: '' });
    expect(c.host).toBe('127.0.0.1');
    expect(c.s3.region).toBe('us-east-1');
    expect(c.s3.embeddedDir).toBe('./data/s3');
  });

  it('takes a keyword-IDF generation size the IDF can use, and refuses one it cannot', () => {
    expect(loadConfig({ IDF_GENERATION_TERMS: '1000000000' }).idfGenerationTerms).toBe(1_000_000_000);
    for (const bad of ['0', '1000000000000000', 'many']) expect(() => loadConfig({ IDF_GENERATION_TERMS: bad }), bad).toThrow(/IDF_GENERATION_TERMS/);
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', TOPOLOGY: 'sideways', LOG_LEVEL: 'loud', REDIS_URL: 'not a url', DUPLICATE_THRESHOLD: '2' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'TOPOLOGY', 'LOG_LEVEL', 'REDIS_URL', 'DUPLICATE_THRESHOLD']) expect(problems).toContain(name);
  });

  it('lists S3_ENDPOINT without S3_BUCKET with the other problems, before any service starts', () => {
    const problems = configProblems({ S3_ENDPOINT: 'http://minio:9000', OPERATOR_TOKEN: 'short' });
    expect(problems).toContain('S3_BUCKET: required when S3_ENDPOINT is set');
    expect(problems.some((p) => p.startsWith('OPERATOR_TOKEN'))).toBe(true);
    expect(configProblems({ S3_ENDPOINT: 'http://minio:9000' })).toEqual(['S3_BUCKET: required when S3_ENDPOINT is set']);
    expect(loadConfig({ S3_ENDPOINT: 'http://minio:9000', S3_BUCKET: 'archive' }).s3).toMatchObject({ endpoint: 'http://minio:9000', bucket: 'archive' });
    expect(loadConfig({ S3_BUCKET: 'archive' }).s3).toMatchObject({ endpoint: undefined, bucket: 'archive' });
  });

  it('takes a blank numeric variable (PORT= in a .env file) as unset, not as 0', () => {
    const numeric = {
      PORT: 8080,
      WORKER_CONCURRENCY: 50,
      WORKER_LOCK_MS: 30_000,
      WORKER_PROCESSES: 1,
      JOB_ATTEMPTS: 5,
      JOB_BACKOFF_MS: 1000,
      FEED_LENGTH: 500,
      FEED_PAGE_SIZE: 50,
      DUPLICATE_THRESHOLD: 0.45,
      DUPLICATE_WINDOW_HOURS: 168,
      TRANSLATION_LINK_THRESHOLD: 0.2,
      SEEN_RETENTION_DAYS: 30,
      IDF_GENERATION_TERMS: 250_000,
    };
    for (const blank of ['', ' ', '\t']) {
      const c = loadConfig(Object.fromEntries(Object.keys(numeric).map((name) => [name, blank])));
      expect({
        PORT: c.port,
        WORKER_CONCURRENCY: c.concurrency,
        WORKER_LOCK_MS: c.workerLockMs,
        WORKER_PROCESSES: c.workerProcesses,
        JOB_ATTEMPTS: c.attempts,
        JOB_BACKOFF_MS: c.backoffMs,
        FEED_LENGTH: c.feedLength,
        FEED_PAGE_SIZE: c.feedPageSize,
        DUPLICATE_THRESHOLD: c.duplicates.threshold,
        DUPLICATE_WINDOW_HOURS: c.duplicates.windowSeconds / 3600,
        TRANSLATION_LINK_THRESHOLD: c.translationLinkThreshold,
        SEEN_RETENTION_DAYS: c.seenRetentionMs / 86_400_000,
        IDF_GENERATION_TERMS: c.idfGenerationTerms,
      }, JSON.stringify(blank)).toEqual(numeric);
    }
    // A value that is there is still read, and a wrong one still refused.
    expect(loadConfig({ PORT: '0', DUPLICATE_THRESHOLD: '0' })).toMatchObject({ port: 0, duplicates: { threshold: 0 } });
    expect(configProblems({ PORT: 'x', DUPLICATE_THRESHOLD: '-1' }).map((p) => p.split(':')[0])).toEqual(['PORT', 'DUPLICATE_THRESHOLD']);
  });

  it('builds self links on a PUBLIC_BASE_URL without its trailing slashes', () => {
    const base = loadConfig({ PUBLIC_BASE_URL: 'https://news.example.com/' }).publicBaseUrl;
    expect(base).toBe('https://news.example.com');
    expect(feedDescriptor(base ?? '', 'category/hoi-nhap', 'rss', []).selfUrl).toBe('https://news.example.com/feeds/category/hoi-nhap.rss');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://news.example.com/wire//' }).publicBaseUrl).toBe('https://news.example.com/wire');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://news.example.com/wire' }).publicBaseUrl).toBe('https://news.example.com/wire');
    expect(loadConfig({}).publicBaseUrl).toBeUndefined();
  });
});

function configProblems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('topology', () => {
  it('splits into a queue per stage or fuses into one', () => {
    expect(parseTopology('split').groups.map((g) => g.stages)).toEqual([['normalize'], ['translate-tag'], ['enrich'], ['publish']]);
    expect(parseTopology('fused').groups.map((g) => g.stages)).toEqual([['normalize', 'translate-tag', 'enrich', 'publish']]);
    expect(parseTopology('normalize+translate-tag,enrich+publish').groups.map((g) => g.queue)).toEqual([
      'normalize+translate-tag',
      'enrich+publish',
    ]);
  });

  it('refuses unknown stages, skipped stages and a wrong order', () => {
    expect(() => parseTopology('normalize,enrich,publish')).toThrow(/every stage once/);
    expect(() => parseTopology('enrich,normalize,translate-tag,publish')).toThrow(/in order/);
    expect(() => parseTopology('normalize,translate,enrich,publish')).toThrow(/unknown stage "translate"/);
  });
});
