/**
 * JSON Feed 1.1 rendering (https://www.jsonfeed.org/version/1.1/). Written here because the
 * `feed` package only writes version 1 (singular `author`, no `language`).
 */
import type { Article } from '../shared/article.js';
import type { FeedDescriptor } from './feed-descriptor.js';
import {
  entryAuthors,
  entryCategories,
  entryDates,
  entryId,
  entryMedia,
  firstImage,
  toAbsoluteUri,
  uniqueEntries,
} from './render-parts.js';
import { cleanText } from './xml-text.js';

const VERSION = 'https://jsonfeed.org/version/1.1';

type JsonObject = Record<string, unknown>;

function put(target: JsonObject, key: string, value: string | null | undefined): void {
  if (value) target[key] = cleanText(value);
}

function renderItem(article: Article, feedUpdated: Date): JsonObject {
  const { published, updated } = entryDates(article, feedUpdated);
  const item: JsonObject = { id: entryId(article) };
  put(item, 'url', article.url ? toAbsoluteUri(article.url) : null);
  put(item, 'title', article.headline);
  // content_html is required when content_text is absent; an empty body still yields "".
  item.content_html = cleanText(article.body.html);
  put(item, 'content_text', article.body.text);
  put(item, 'summary', article.summary);
  const media = entryMedia(article);
  put(item, 'image', firstImage(media)?.href);
  item.date_published = published.toISOString();
  item.date_modified = updated.toISOString();
  item.authors = entryAuthors(article).map((name) => ({ name: cleanText(name) }));
  const tags = [...new Set(entryCategories(article).map((c) => cleanText(c.label)))];
  if (tags.length > 0) item.tags = tags;
  put(item, 'language', article.language);
  if (media.length > 0) {
    item.attachments = media.map((m) => {
      const attachment: JsonObject = { url: m.href, mime_type: m.type };
      put(attachment, 'title', m.caption);
      return attachment;
    });
  }
  if (article.translations.length > 0) {
    item._wirepipe = {
      translations: article.translations.map((t) => ({
        lang: t.lang,
        headline: cleanText(t.headline),
        lead: t.lead === null ? null : cleanText(t.lead),
        provider: t.provider,
        machine: t.machine,
      })),
    };
  }
  return item;
}

/** JSON Feed 1.1 text for `feed` with `articles` (newest first); URLs absolute and percent-encoded. */
export function renderJsonFeed(feed: FeedDescriptor, articles: Article[]): string {
  const updated = Number.isNaN(feed.updated.getTime()) ? new Date() : feed.updated;
  const out: JsonObject = { version: VERSION };
  put(out, 'title', feed.title);
  out.title ??= '';
  put(out, 'home_page_url', toAbsoluteUri(feed.homeUrl));
  put(out, 'feed_url', toAbsoluteUri(feed.selfUrl));
  put(out, 'description', feed.description);
  put(out, 'language', feed.language);
  out.items = uniqueEntries(articles).map((article) => renderItem(article, updated));
  return JSON.stringify(out, null, 2);
}
