/** `wirepipe ingest FILE`: the file's items land on the running pipeline's ingest queue, once. */
import { afterAll, describe, expect, it } from 'vitest';
import { runWirepipe } from '../support/cli.js';
import { loadConfig } from '../../src/shared/config.js';
import { openPipelineQueues } from '../../src/shared/queues.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';

const SAMPLE = new URL('../fixtures/wire-samples/wire-vi-hagiang.txt', import.meta.url).pathname;
const prefix = uniquePrefix('ingest-cli');
const redis = testRedis();
process.env['WIREPIPE_PREFIX'] = prefix;
process.env['TOPOLOGY'] = 'split';

afterAll(async () => {
  await cleanupPrefix(redis, prefix);
  await redis.quit();
});


describe('wirepipe ingest', () => {
  it('queues a wire file on the first queue of the topology, and nothing the second time', async () => {
    const first = await runWirepipe(['ingest', SAMPLE, '--source', 'vna']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.out[0]!);
    expect(report.queued).toHaveLength(1);
    const config = loadConfig();
    const queues = openPipelineQueues({ redisUrl: process.env['REDIS_URL']!, prefix, topology: config.topology, attempts: 1, backoffMs: 1 });
    try {
      expect(queues.ingest.name).toBe('normalize');
      const job = await queues.ingest.getJob(report.queued[0]);
      expect(job?.data.sourceId).toBe('vna');
      expect(job?.data.format).toBe('wire-text');
      const again = JSON.parse((await runWirepipe(['ingest', SAMPLE, '--source', 'vna'])).out[0]!);
      expect(again).toMatchObject({ queued: [], unchanged: 1 });
      expect(await queues.ingest.getJobCountByTypes('waiting')).toBe(1);
    } finally {
      await queues.close();
    }
  });

  it('reports a missing file as an error and exits 1', async () => {
    const { code, err } = await runWirepipe(['ingest', '/no/such/file.txt']);
    expect(code).toBe(1);
    expect(JSON.parse(err[0]!).file).toBe('/no/such/file.txt');
  });
});
