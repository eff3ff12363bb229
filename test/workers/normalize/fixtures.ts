/**
 * Loads the wire-copy fixtures (test/fixtures/wire/{text,html}): each input file with the
 * expected article fields beside it, and runs them through the normalize stage.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import type { Article, Credit, Dateline } from '../../../src/shared/article.js';
import { RawItemSchema, type RawItem, type RawItemInput } from '../../../src/shared/raw-item.js';
import type { StageContext } from '../../../src/workers/stage.js';
import { normalize } from '../../../src/workers/normalize/index.js';
import { memoryStoryStore } from './memory-story-store.js';

/** test/fixtures/wire */
export const FIXTURE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/wire');

/** Fields a fixture states; absent keys are not checked. */
export interface ExpectedFields {
  category?: string | null;
  tags?: string[];
  headline?: string;
  lead?: string | null;
  dateline?: Dateline;
  byline?: string[];
  credits?: Credit[];
  renditions?: Array<{ href: string; caption?: string | null; width?: number | null; height?: number | null }>;
  bodyStart?: string;
  bodyEnd?: string;
  paragraphs?: number;
  /** Strings that must not appear in body.text nor body.html. */
  absent?: string[];
  /** Strings that must appear in body.html (sanitization cases). */
  htmlContains?: string[];
  /** Strings that must not appear in body.html. */
  htmlAbsent?: string[];
}

/** One input file with its expected fields. */
export interface Fixture {
  name: string;
  kind: 'text' | 'html';
  content: string;
  raw: Partial<RawItemInput>;
  expected: ExpectedFields;
}

/** Every fixture in a folder under test/fixtures/wire ('text', 'html', 'blind'), sorted by name. */
export function loadFixtures(folder: string): Fixture[] {
  const dir = join(FIXTURE_ROOT, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') || f.endsWith('.html'))
    .sort()
    .map((file) => {
      const kind = file.endsWith('.txt') ? 'text' : 'html';
      const ext = kind === 'text' ? '.txt' : '.html';
      const name = file.slice(0, -ext.length);
      const spec = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as { raw?: Partial<RawItemInput>; expected: ExpectedFields };
      return { name, kind, content: readFileSync(join(dir, file), 'utf8'), raw: spec.raw ?? {}, expected: spec.expected } satisfies Fixture;
    });
}

/** The raw item a fixture stands for (content may be swapped, e.g. for its NFD copy). */
export function rawItemOf(f: Fixture, content = f.content): RawItem {
  return RawItemSchema.parse({
    sourceId: 'ttxvn',
    format: f.kind === 'text' ? 'wire-text' : 'feed-item',
    contentType: f.kind === 'text' ? 'text' : 'html',
    identity: `fixture:${f.name}`,
    receivedAt: f.raw.published ?? '2024-06-01T00:00:00Z',
    ...f.raw,
    content,
  });
}

/** A fresh stage context with an empty in-memory story store and a silent logger. */
export function testContext(): StageContext {
  return { log: pino({ level: 'silent' }), now: () => new Date('2024-06-01T00:00:00Z'), stories: memoryStoryStore() };
}

/** Runs a fixture through normalize with a fresh store; the article must come back. */
export async function normalizeFixture(f: Fixture, content = f.content): Promise<Article> {
  const article = await normalize(rawItemOf(f, content), testContext());
  if (article === null) throw new Error(`fixture ${f.name}: normalize returned null on first sight`);
  return article;
}

/** Per-field agreement of an article with a fixture's expectations (true = field right). */
export function fieldResults(a: Article, e: ExpectedFields): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);
  if ('category' in e) out.category = a.category === e.category;
  if (e.tags !== undefined) out.tags = same(a.tags, e.tags);
  if (e.headline !== undefined) out.headline = a.headline === e.headline;
  if ('lead' in e) out.lead = a.lead === e.lead;
  if (e.dateline !== undefined) {
    out['dateline.place'] = a.dateline.place === e.dateline.place;
    out['dateline.date'] = a.dateline.date === e.dateline.date;
    out['dateline.agency'] = a.dateline.agency === e.dateline.agency;
    out['dateline.raw'] = a.dateline.raw === e.dateline.raw;
  }
  if (e.byline !== undefined) out.byline = same(a.byline, e.byline);
  if (e.credits !== undefined) out.credits = same(a.credits, e.credits);
  if (e.bodyStart !== undefined) out.bodyStart = a.body.text.startsWith(e.bodyStart);
  if (e.bodyEnd !== undefined) out.bodyEnd = a.body.text.endsWith(e.bodyEnd);
  if (e.paragraphs !== undefined) out.paragraphs = a.body.text.split('\n\n').length === e.paragraphs;
  if (e.absent !== undefined) out.boilerplateAbsent = e.absent.every((s) => !a.body.text.includes(s) && !a.body.html.includes(s));
  return out;
}
