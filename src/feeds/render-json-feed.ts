/**
 * JSON Feed 1.1 rendering (https://www.jsonfeed.org/version/1.1/). Written here because the
 * `feed` package only writes version 1 (singular `author`, no `language`).
 */
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
import { entryLanguages, htmlInLanguage, type FeedEntry } from './translated-entry.js';
import { cleanText } from './xml-text.js';

const VERSION = 'https://jsonfeed.org/version/1.1';

type JsonObject = Record<string, unknown>;

function put(target: JsonObject, key: string, value: string | null | undefined): void {
  if (value) target[key] = cleanText(value);
}

/**
 * What a translated item adds to `_wirepipe`: the language its title and summary were translated
 * from (the body's, which `language` no longer states) and who translated them.
 */
function shownTranslation(article: FeedEntry, translatedFrom: string | null): JsonObject {
  const t = article.shownTranslation;
  if (!t) return {};
  return { translatedFrom, machineTranslated: t.machine, provider: t.provider };
}

function renderItem(article: FeedEntry, feedUpdated: Date): JsonObject {
  const { published, updated } = entryDates(article, feedUpdated);
  // JSON Feed 1.1 gives an item one `language`: that of its title (a translation, when shown in
  // another language's feed). HTML can mark its own language; a plain-text summary cannot.
  const languages = entryLanguages(article);
  const item: JsonObject = { id: entryId(article) };
  put(item, 'url', article.url ? toAbsoluteUri(article.url) : null);
  put(item, 'title', article.headline);
  // content_html is required when content_text is absent; an empty body still yields "".
  item.content_html = cleanText(htmlInLanguage(article.body.html, languages.original, languages.title));
  put(item, 'content_text', article.body.text);
  // An untranslated summary under a translated title would be read as the item's language: left out.
  if (languages.summary === languages.title) put(item, 'summary', article.summary);
  const media = entryMedia(article);
  put(item, 'image', firstImage(media)?.href);
  item.date_published = published.toISOString();
  item.date_modified = updated.toISOString();
  item.authors = entryAuthors(article).map((name) => ({ name: cleanText(name) }));
  const tags = [...new Set(entryCategories(article).map((c) => cleanText(c.label)))];
  if (tags.length > 0) item.tags = tags;
  put(item, 'language', languages.title);
  if (media.length > 0) {
    item.attachments = media.map((m) => {
      const attachment: JsonObject = { url: m.href, mime_type: m.type };
      put(attachment, 'title', m.caption);
      return attachment;
    });
  }
  if (article.translations.length > 0) {
    item._wirepipe = {
      ...shownTranslation(article, languages.translatedFrom),
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
export function renderJsonFeed(feed: FeedDescriptor, articles: FeedEntry[]): string {
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
