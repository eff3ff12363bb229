/** Which feeds an article belongs to, and the Redis keys behind them. */
import slugify from '@sindresorhus/slugify';
import type { Article } from '../shared/article.js';

/** Feed ids look like 'all', 'category/hoi-nhap', 'lang/vi'; they are also URL paths under /feeds/. */
export type FeedId = string;

/** The URL-safe slug of a section label: "Hội nhập" → "hoi-nhap" (đ → d). */
export function categorySlug(category: string): string {
  return slugify(category);
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
  if ((kind === 'category' || kind === 'lang') && name && /^[a-z0-9-]{1,80}$/.test(name)) return `${kind}/${name}`;
  return null;
}
