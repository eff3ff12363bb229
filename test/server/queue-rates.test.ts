/** BullMQ's lagging per-minute metrics turned into an up-to-date series. */
import { describe, expect, it } from 'vitest';
import { queueRate } from '../../src/server/queue-rates.js';
import { mergeExpositions } from '../../src/server/prometheus.js';

const MIN = 60_000;
const T = 1_000 * MIN; // minute 1000

describe('queueRate', () => {
  it('counts jobs since the last push as this minute while that minute lasts', () => {
    const m = { meta: { count: 50, prevTS: T + 5_000, prevCount: 40 }, data: [7, 3], count: 2 };
    expect(queueRate(m, T + 30_000)).toEqual({ total: 50, thisMinute: 10, perMinute: [7, 3] });
  });

  it('puts the quiet minutes back as zeros once the queue has gone idle', () => {
    const m = { meta: { count: 50, prevTS: T + 5_000, prevCount: 40 }, data: [7, 3], count: 2 };
    // Three minutes later: minutes 1002 and 1001 had nothing, minute 1000 had the 10 not yet pushed.
    expect(queueRate(m, T + 3 * MIN + 1_000)).toEqual({ total: 50, thisMinute: 0, perMinute: [0, 0, 10, 7, 3] });
    expect(queueRate(m, T + 3 * MIN + 1_000, 2).perMinute).toEqual([0, 0]);
  });

  it('is empty before any job finished', () => {
    expect(queueRate({ meta: { count: 0, prevTS: 0, prevCount: 0 }, data: [], count: 0 }, T)).toEqual({ total: 0, thisMinute: 0, perMinute: [] });
  });
});

describe('mergeExpositions', () => {
  it('keeps one HELP and TYPE per family with every sample under it', () => {
    const a = '# HELP x_total X\n# TYPE x_total counter\nx_total{queue="a"} 1\n# HELP y Y\n# TYPE y gauge\ny{queue="a"} 2';
    const b = '# HELP x_total X\n# TYPE x_total counter\nx_total{queue="b"} 3\n';
    expect(mergeExpositions([a, b])).toBe('# HELP x_total X\n# TYPE x_total counter\nx_total{queue="a"} 1\nx_total{queue="b"} 3\n# HELP y Y\n# TYPE y gauge\ny{queue="a"} 2\n');
  });
});
