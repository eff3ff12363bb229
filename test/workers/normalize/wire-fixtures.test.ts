import { describe, expect, it } from 'vitest';
import { ArticleSchema } from '../../../src/shared/article.js';
import { loadFixtures, normalizeFixture, type Fixture } from './fixtures.js';

const fixtures = loadFixtures('text');

function checkExpected(article: Awaited<ReturnType<typeof normalizeFixture>>, f: Fixture): void {
  const e = f.expected;
  if ('category' in e) expect(article.category, 'category').toBe(e.category);
  if (e.tags !== undefined) expect(article.tags, 'tags').toEqual(e.tags);
  if (e.headline !== undefined) expect(article.headline, 'headline').toBe(e.headline);
  if ('lead' in e) expect(article.lead, 'lead').toBe(e.lead);
  if (e.dateline !== undefined) expect(article.dateline, 'dateline').toEqual(e.dateline);
  if (e.byline !== undefined) expect(article.byline, 'byline').toEqual(e.byline);
  if (e.credits !== undefined) expect(article.credits, 'credits').toEqual(e.credits);
  if (e.bodyStart !== undefined) expect(article.body.text.slice(0, e.bodyStart.length), 'body start').toBe(e.bodyStart);
  if (e.bodyEnd !== undefined) expect(article.body.text.slice(-e.bodyEnd.length), 'body end').toBe(e.bodyEnd);
  if (e.paragraphs !== undefined) {
    expect(article.body.text.split('\n\n'), 'paragraphs').toHaveLength(e.paragraphs);
    expect(article.body.html.match(/<p>/g) ?? [], 'html paragraphs').toHaveLength(e.paragraphs);
  }
  for (const s of e.absent ?? []) {
    expect(article.body.text, `body.text must not contain ${s}`).not.toContain(s);
    expect(article.body.html, `body.html must not contain ${s}`).not.toContain(s);
  }
}

describe('normalize: plain-text wire copy fixtures', () => {
  it('has at least 25 fixtures in vi, en and fr', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
    const langs = new Set(fixtures.map((f) => f.name.split('-')[0]));
    expect([...langs].sort()).toEqual(expect.arrayContaining(['en', 'fr', 'vi']));
  });

  describe.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    it('reads every expected field', async () => {
      const article = await normalizeFixture(f);
      expect(() => ArticleSchema.parse(article)).not.toThrow();
      checkExpected(article, f);
    });

    it('gives the same article for its NFD copy', async () => {
      const nfc = await normalizeFixture(f);
      const nfd = await normalizeFixture(f, f.content.normalize('NFD'));
      expect(nfd).toEqual(nfc);
    });
  });
});
