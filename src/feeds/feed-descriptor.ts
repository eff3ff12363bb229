/** What a feed is, independent of how it is rendered (RSS, Atom or JSON Feed). */
import type { Article } from '../shared/article.js';

export interface FeedDescriptor {
  /** Stable feed id, e.g. 'all', 'category/hoi-nhap', 'lang/vi'. */
  id: string;
  title: string;
  description: string;
  /** Absolute URL of this rendering (the .rss/.atom/.json one). */
  selfUrl: string;
  /** Absolute URL of the feed's home page. */
  homeUrl: string;
  /** Absolute URLs of the three renderings. */
  alternates: { rss: string; atom: string; json: string };
  language: string | null;
  /** Newest versionCreated, or now when the feed is empty. */
  updated: Date;
}

/** The newest valid `versionCreated` among `articles`, or `now` when there is none. */
export function newestUpdate(articles: readonly Article[], now: Date = new Date()): Date {
  let newest = Number.NEGATIVE_INFINITY;
  for (const article of articles) {
    const t = Date.parse(article.versionCreated);
    if (t > newest) newest = t;
  }
  return Number.isFinite(newest) ? new Date(newest) : now;
}
