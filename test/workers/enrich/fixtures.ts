/** Loads the labeled enrich fixtures and builds Articles from their text (no normalize stage). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Credit } from '../../../src/shared/article.js';
import { makeArticle } from '../../support/articles.js';

export const FIXTURE_DIR = join(import.meta.dirname, '../../fixtures/enrich');

export interface GoldStory {
  id: string;
  language: string;
  headline: string;
  lead: string | null;
  body: string;
  dateline: string | null;
  byline: string[];
  credits: Credit[];
  gold: {
    people: { name: string; role: string | null }[];
    organisations: { name: string; abbreviation: string | null }[];
    places: { name: string; code: string | null }[];
  };
}

/** Every labeled story, sorted by id. */
export function loadGoldStories(): GoldStory[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(FIXTURE_DIR, f), 'utf8')) as GoldStory);
}

/** A complete, valid Article carrying the given text, as normalize would hand it on. */
export function articleFrom(text: {
  headline: string;
  lead?: string | null;
  body: string;
  language?: string;
  dateline?: string | null;
  byline?: string[];
  credits?: Credit[];
}): Article {
  return makeArticle({
    language: text.language ?? 'vi',
    headline: text.headline,
    lead: text.lead ?? null,
    body: { text: text.body, html: '' },
    dateline: { place: text.dateline ?? null, date: null, agency: null, raw: null },
    byline: text.byline ?? [],
    credits: text.credits ?? [],
    summary: '',
    slug: '',
    wordCount: 0,
    firstCreated: '2025-08-02T08:00:00+07:00',
    versionCreated: '2025-08-02T08:00:00+07:00',
  });
}

/** The Article for a labeled story. */
export function articleForStory(s: GoldStory): Article {
  return articleFrom({
    headline: s.headline,
    lead: s.lead,
    body: s.body,
    language: s.language,
    dateline: s.dateline,
    byline: s.byline,
    credits: s.credits,
  });
}
