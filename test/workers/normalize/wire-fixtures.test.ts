import { describe, expect, it } from 'vitest';
import { checkFixture } from './check-fixture.js';
import { loadFixtures, normalizeFixture } from './fixtures.js';

// 'blind' fixtures were written after the code and scored before any fix (docs/quality/normalize.md).
const fixtures = [...loadFixtures('text'), ...loadFixtures('blind')];

describe('normalize: plain-text wire copy fixtures', () => {
  it('has at least 25 fixtures in vi, en and fr', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
    const langs = new Set(fixtures.map((f) => f.name.split('-')[0]));
    expect([...langs].sort()).toEqual(expect.arrayContaining(['en', 'fr', 'vi']));
  });

  describe.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    it('reads every expected field', async () => {
      expect.hasAssertions();
      await checkFixture(f);
    });

    it('gives the same article for its NFD copy', async () => {
      const nfc = await normalizeFixture(f);
      const nfd = await normalizeFixture(f, f.content.normalize('NFD'));
      expect(nfd).toEqual(nfc);
    });
  });
});
