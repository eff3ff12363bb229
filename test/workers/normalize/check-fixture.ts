/** Checks a fixture's article against the fields its expected.json states. */
import { expect } from 'vitest';
import { ArticleSchema, type Article } from '../../../src/shared/article.js';
import { normalizeFixture, type ExpectedFields, type Fixture } from './fixtures.js';

/** The article's values for exactly the fields the fixture states, in the fixture's shape. */
export function actualView(article: Article, e: ExpectedFields): ExpectedFields {
  const v: ExpectedFields = {};
  if ('category' in e) v.category = article.category;
  if (e.tags !== undefined) v.tags = article.tags;
  if (e.headline !== undefined) v.headline = article.headline;
  if ('lead' in e) v.lead = article.lead;
  if (e.dateline !== undefined) v.dateline = article.dateline;
  if (e.byline !== undefined) v.byline = article.byline;
  if (e.credits !== undefined) v.credits = article.credits;
  if (e.renditions !== undefined) {
    v.renditions = article.renditions.map((r, i) => {
      const want = e.renditions![i] ?? {};
      return Object.fromEntries(Object.keys({ href: 1, ...want }).map((k) => [k, r[k as keyof typeof r]])) as { href: string };
    });
  }
  if (e.bodyStart !== undefined) v.bodyStart = article.body.text.slice(0, e.bodyStart.length);
  if (e.bodyEnd !== undefined) v.bodyEnd = article.body.text.slice(-e.bodyEnd.length);
  if (e.paragraphs !== undefined) v.paragraphs = article.body.text.split('\n\n').length;
  if (e.absent !== undefined) v.absent = e.absent.filter((s) => !article.body.text.includes(s) && !article.body.html.includes(s));
  if (e.htmlContains !== undefined) v.htmlContains = e.htmlContains.filter((s) => article.body.html.includes(s));
  if (e.htmlAbsent !== undefined) v.htmlAbsent = e.htmlAbsent.filter((s) => !article.body.html.includes(s));
  return v;
}

/** Checks a fixture: schema-valid article whose stated fields all match. */
export async function checkFixture(f: Fixture): Promise<void> {
  const article = await normalizeFixture(f);
  expect(ArticleSchema.safeParse(article).error).toBeUndefined();
  expect(actualView(article, f.expected)).toEqual(f.expected);
  // body.html carries one <p> per paragraph of body.text (other blocks only in HTML input).
  expect((article.body.html.match(/<p>/g) ?? []).length).toBeLessThanOrEqual(article.body.text.split('\n\n').length);
}

