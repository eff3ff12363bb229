import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/shared/config.js';
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
});

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
