/** Which feeds an article belongs to, and the Redis keys behind them. */
import slugify from '@sindresorhus/slugify';
import type { Article } from '../shared/article.js';
import { sha256Hex } from '../shared/ids.js';

/** Feed ids look like 'all', 'category/hoi-nhap', 'lang/vi'; they are also URL paths under /feeds/. */
export type FeedId = string;

const MAX_FEED_NAME = 80;
/** The names we serve under /feeds/category/ and /feeds/lang/: the one pattern that stored feeds and URLs both obey. */
const FEED_NAME_PATTERN = new RegExp(`^[a-z0-9-]{1,${MAX_FEED_NAME}}$`);

/**
 * The URL-safe slug of a section label: "Hội nhập" → "hoi-nhap" (đ → d), at most 80 characters,
 * always a name parseFeedPath accepts; '' only for a blank label.
 */
export function categorySlug(category: string): string {
  // Spacing and encoding of the same label must not make two feeds.
  const label = category.normalize('NFC').trim().replace(/\s+/g, ' ');
  const slug = slugify(category);
  if (slug.length > MAX_FEED_NAME) return `${capAtWordBoundary(slug, MAX_FEED_NAME - LABEL_HASH.length - 1)}-${labelHash(label)}`;
  if (FEED_NAME_PATTERN.test(slug)) return slug;
  // slugify transliterates Latin, Greek, Cyrillic and Arabic but drops CJK (and symbols) entirely,
  // so "日本" would get no feed. A hash of the label keeps such sections apart and their URL stable.
  return label ? `section-${labelHash(label)}` : '';
}

/** The hash that keeps apart labels a slug cannot (cut alike, or with no Latin letters). */
const LABEL_HASH = 'xxxxxxxxxxxx';
function labelHash(label: string): string {
  return sha256Hex(label).slice(0, LABEL_HASH.length);
}

/**
 * Cuts a slug to `max` at the last word break, so a long section's feed URL stays servable and
 * readable; the caller appends the label's hash, so two labels cut alike keep their own feeds.
 */
function capAtWordBoundary(slug: string, max: number): string {
  // slugify leaves no leading, trailing or doubled '-', so the cut never leaves a dangling one.
  const lastBreak = slug.lastIndexOf('-', max);
  return lastBreak > 0 ? slug.slice(0, lastBreak) : slug.slice(0, max);
}

/** Every feed an article is listed in: all, its section's, its language's. */
export function feedsOf(article: Article): FeedId[] {
  const feeds: FeedId[] = ['all'];
  if (article.category) {
    const slug = categorySlug(article.category);
    if (slug) feeds.push(`category/${slug}`);
  }
  if (article.language && article.language !== 'und') feeds.push(`lang/${article.language.toLowerCase()}`);
  return feeds;
}

/** A feed id from URL path segments, or null when the path names no feed kind we serve. */
export function parseFeedPath(kind: string, name?: string): FeedId | null {
  if (kind === 'all' && name === undefined) return 'all';
  if ((kind === 'category' || kind === 'lang') && name && FEED_NAME_PATTERN.test(name)) return `${kind}/${name}`;
  return null;
}
