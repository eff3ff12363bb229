/**
 * The benchmark harness: its statistics, story variations, profile summary and argument parsing
 * as units, and one tiny real scenario (bare BullMQ on the test Redis) for the result's shape.
 * No timing assertions: the machines are shared and noisy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareOneQueue } from '../../bench/baseline-bullmq.js';
import { selfTimes, selfTimesByFile, type CpuProfile } from '../../bench/lib/cpu-profile.js';
import { openBenchRedis, type BenchRedis } from '../../bench/lib/bench-redis.js';
import { formatMarkdown, formatTable, type BenchReport } from '../../bench/lib/report.js';
import { measureSized } from '../../bench/lib/saturation.js';
import { percentile, ratio, round, summarize } from '../../bench/lib/stats.js';
import { StoryFactory, expectedStoryId, loadStoryTemplates } from '../../bench/lib/stories.js';
import { warmUpStages } from '../../bench/lib/warm-up.js';
import { growthPercent } from '../../bench/memory.js';
import { NOTES_MARKER } from '../../bench/method-notes.js';
import { SCENARIOS } from '../../bench/registry.js';
import { parseArgs } from '../../bench/run.js';
import { RawItemSchema } from '../../src/shared/raw-item.js';

describe('stats', () => {
  it.each([
    { values: [5, 1, 4, 2, 3], p: 50, expected: 3 },
    { values: [5, 1, 4, 2, 3], p: 100, expected: 5 },
    { values: [5, 1, 4, 2, 3], p: 0, expected: 1 },
    { values: Array.from({ length: 100 }, (_, i) => i + 1), p: 99, expected: 99 },
    { values: Array.from({ length: 1000 }, (_, i) => 1000 - i), p: 99, expected: 990 },
  ])('nearest-rank p$p of $values.length values is $expected', ({ values, p, expected }) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('summarizes without reordering the caller’s array, and NaN when empty', () => {
    const values = [3, 1, 2];
    expect(summarize(values)).toEqual({ count: 3, median: 2, p99: 3, mean: 2, max: 3 });
    expect(values).toEqual([3, 1, 2]);
    expect(summarize([]).median).toBeNaN();
  });

  it('never fakes a ratio from a missing or zero baseline, and rounds non-finite to null', () => {
    expect(ratio(10, 4)).toBe(2.5);
    expect(ratio(10, 0)).toBeNaN();
    expect(ratio(10, undefined)).toBeNaN();
    expect(ratio(Number.NaN, 3)).toBeNaN();
    expect(round(Number.NaN)).toBeNull();
    expect(round(1.23456)).toBe(1.235);
  });
});

describe('memory growth', () => {
  it('compares the last tenth with the tenth after warm-up', () => {
    // 20 samples: warm-up 100 (ignored), then 200 ×2 after warm-up, …, 220 ×2 at the end.
    const samples = [100, 100, 200, 200, ...Array<number>(14).fill(210), 220, 220];
    expect(growthPercent(samples)).toBeCloseTo(10, 5);
    expect(growthPercent([100, 100, 100, 100, 100, 100, 100, 100, 100, 100])).toBe(0);
  });

  it('is NaN with too few samples to tell warm-up from the end', () => {
    expect(growthPercent([100, 200])).toBeNaN();
  });
});

describe('story variations', () => {
  it('turns every usable fixture into distinct, valid stories with distinct ids, headlines and content', async () => {
    const { templates } = await loadStoryTemplates();
    expect(templates.length).toBeGreaterThan(2);
    const factory = new StoryFactory(templates, 'test');
    const items = factory.batch(templates.length * 3, new Date('2026-11-27T10:00:00Z'));
    const ids = new Set(items.map(expectedStoryId));
    expect(ids.size).toBe(items.length);
    for (const item of items) {
      expect(RawItemSchema.safeParse(item).success).toBe(true);
      expect(item.updated).toBe('2026-11-27T10:00:00.000Z');
      expect(item.identityDerived).toBe(false);
    }
    // Two copies of the same template differ in what they say, not only in their identity.
    const first = items[0];
    const again = items[templates.length];
    expect(first?.content === again?.content && first?.title === again?.title).toBe(false);
  });
});

describe('CPU profile summary', () => {
  // A root calling f (self 2 samples) and g (self 1 sample), 1 ms apart.
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
      { id: 2, callFrame: { functionName: 'f', url: 'file:///repo/dist/src/workers/a.js', lineNumber: 9 } },
      { id: 3, callFrame: { functionName: 'g', url: 'file:///repo/node_modules/ioredis/built/x.js', lineNumber: 0 } },
    ],
    samples: [2, 2, 3, 2],
    timeDeltas: [0, 1000, 1000, 1000],
    startTime: 0,
    endTime: 4000,
  };

  it('sums self time per function from the sample timeline, largest first', () => {
    const rows = selfTimes(profile);
    expect(rows[0]).toMatchObject({ name: 'f (src/workers/a.js:10)', selfMs: 2 });
    expect(rows[1]).toMatchObject({ name: 'g (node_modules/ioredis/built/x.js:1)', selfMs: 1 });
    expect(rows[0]?.percent).toBeCloseTo(66.67, 1);
  });

  it('groups node_modules time by package', () => {
    expect(selfTimesByFile(profile).map((r) => r.name)).toEqual(['src/workers/a.js', 'node_modules/ioredis', '(native)']);
  });
});

describe('arguments and report', () => {
  it('parses the documented flags and refuses unknown ones', () => {
    expect(parseArgs(['--quick', '--only=baseline,latency', '--profile', '--no-docs'])).toMatchObject({
      quick: true,
      only: ['baseline', 'latency'],
      profileDir: '/tmp/wirepipe-profiles',
      writeDocs: false,
    });
    expect(parseArgs(['--profile=/tmp/x']).profileDir).toBe('/tmp/x');
    expect(() => parseArgs(['--quik'])).toThrow(/unknown argument/);
  });

  it('has unique scenario names', () => {
    const names = SCENARIOS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('writes the JSON and the kept-notes marker into the page, and pass/fail into the table', () => {
    const report: BenchReport = {
      date: '2026-11-27T16:00:00.000Z',
      mode: 'quick',
      command: 'npm run bench -- --quick',
      seconds: 60,
      machine: { cores: 2, cpuModel: 'cpu', memoryGb: 4, os: 'Linux', node: 'v20', redis: '7.0', bullmq: '6' },
      concurrency: 100,
      sections: [{ title: 'S', rows: [{ metric: 'm', value: 1.5, unit: 'ratio' }], checks: [{ name: 'c', value: 0.4, target: '≥ 0.5', pass: false }] }],
      figures: { split_ratio: 0.4 },
    };
    const md = formatMarkdown(report, `notes\n\n${NOTES_MARKER}\n\nHAND-WRITTEN`);
    expect(md).toContain('{"split_ratio":0.4}');
    expect(md).toContain('| c | 0.4 | ≥ 0.5 | **fail** |');
    expect(md.indexOf(NOTES_MARKER)).toBeGreaterThan(md.indexOf('{"split_ratio":0.4}'));
    expect(md.indexOf(NOTES_MARKER)).toBeLessThan(md.indexOf('HAND-WRITTEN'));
    expect(formatTable(report)).toMatch(/FAIL\s+c/);
  });
});

describe('a real scenario on the test Redis', () => {
  let redis: BenchRedis;
  beforeAll(async () => {
    redis = await openBenchRedis();
  });
  afterAll(async () => {
    await redis?.close();
  });

  it('measures bare BullMQ no-op jobs and leaves no keys behind', async () => {
    const prefix = `t-bench-${process.pid}-${Date.now()}`;
    const t = await bareOneQueue({ redisUrl: redis.url, redis: redis.client, concurrency: 20, prefix, sizing: { probe: 200, targetMs: 300, max: 2_000 } });
    expect(t.completed).toBeGreaterThanOrEqual(200);
    expect(t.capped).toBe(false);
    expect(t.perSecond).toBeGreaterThan(0);
    expect(t.seconds).toBeGreaterThan(0);
    const [, left] = await redis.client.scan('0', 'MATCH', `${prefix}*`, 'COUNT', 100_000);
    expect(left).toEqual([]);
  });

  it('warms the stages up on real stories through a real pipeline and leaves no keys behind', async () => {
    const published = await warmUpStages({ redisUrl: redis.url, topology: 'fused', concurrency: 20 }, 30);
    expect(published).toBe(30);
    const [, left] = await redis.client.scan('0', 'MATCH', 'bench-warmup-*', 'COUNT', 100_000);
    expect(left).toEqual([]);
  });

  it('sizes the measured run from the probe', async () => {
    const sizes: number[] = [];
    const t = await measureSized({ probe: 10, targetMs: 1_000, max: 500 }, async (n) => {
      sizes.push(n);
      return { perSecond: 100, completed: n, seconds: n / 100, capped: false };
    });
    expect(sizes).toEqual([10, 100]);
    expect(t.completed).toBe(100);
  });
});
