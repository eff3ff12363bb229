/** Loads the realistic article fixtures (validated with ArticleSchema) and a feed descriptor for them. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ArticleSchema, type Article } from '../../src/shared/article.js';
import { newestUpdate, type FeedDescriptor } from '../../src/feeds/feed-descriptor.js';

const ARTICLES_DIR = fileURLToPath(new URL('../fixtures/articles/', import.meta.url));
const SCHEMAS_DIR = fileURLToPath(new URL('../fixtures/schemas/', import.meta.url));

export interface ArticleFixture {
  name: string;
  article: Article;
}

/** Every fixture in test/fixtures/articles, parsed with the canonical schema (throws if invalid). */
export function loadArticleFixtures(): ArticleFixture[] {
  return readdirSync(ARTICLES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.json$/, ''),
      article: ArticleSchema.parse(JSON.parse(readFileSync(ARTICLES_DIR + file, 'utf8'))),
    }));
}

/** One fixture by its file name (without .json). */
export function articleFixture(name: string): Article {
  const found = loadArticleFixtures().find((f) => f.name === name);
  if (!found) throw new Error(`no article fixture ${name}`);
  return found.article;
}

/** A copied JSON Schema from test/fixtures/schemas. */
export function loadSchema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(SCHEMAS_DIR + file, 'utf8')) as Record<string, unknown>;
}

/** Articles newest first, as the renderers receive them. */
export function newestFirst(articles: readonly Article[]): Article[] {
  return [...articles].sort((a, b) => Date.parse(b.versionCreated) - Date.parse(a.versionCreated));
}

/** A descriptor like the feed server builds, for the given rendering. */
export function feedFor(
  articles: readonly Article[],
  format: 'rss' | 'atom' | 'json',
  overrides: Partial<FeedDescriptor> = {},
): FeedDescriptor {
  const alternates = {
    rss: 'https://feeds.example.vn/category/hoi-nhap.rss',
    atom: 'https://feeds.example.vn/category/hoi-nhap.atom',
    json: 'https://feeds.example.vn/category/hoi-nhap.json',
  };
  return {
    id: 'category/hoi-nhap',
    title: 'Hội nhập & Thế giới <TTXVN>',
    description: 'Tin hội nhập quốc tế mới nhất',
    selfUrl: alternates[format],
    homeUrl: 'https://feeds.example.vn/category/hoi-nhap',
    alternates,
    language: 'vi',
    updated: newestUpdate(articles),
    ...overrides,
  };
}

// XML 1.0 forbids C0 controls except tab/LF/CR and discourages DEL/C1; an independent copy of
// the rule, so the tests do not check the renderer against its own helper.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** True when `text` holds a character XML 1.0 forbids or discourages (fast-xml-parser's validator lets them pass). */
export function hasControlChars(text: string): boolean {
  return new RegExp(CONTROL_CHARS.source).test(text);
}

/** `text` as a well-formed feed must carry it: without control characters. */
export function withoutControls(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}
