/**
 * How a story appears in a language feed it was not written in: under its translated headline and
 * lead, marked as a (machine) translation so a partner desk never mistakes it for an original.
 * The body stays in the original language: only headline and lead are translated, so one entry
 * holds text in two languages and the renderers must say which is which (entryLanguages).
 */
import type { Article, Translation } from '../shared/article.js';
import { baseLanguage } from '../translation/provider.js';
import { escapeHtml } from './xml-text.js';

/**
 * An article as a feed shows it. `shownTranslation` is the translation whose headline (and lead,
 * when it has one) replaced the original's; it is not part of the article contract and lives only
 * between presentInLanguage and the renderers.
 */
export type FeedEntry = Article & { readonly shownTranslation?: Translation };

/** The language each piece of an entry's text is written in (null: unknown). */
export interface EntryLanguages {
  /** The title's language: the item language of RSS and JSON Feed, which describe one language per item. */
  title: string | null;
  summary: string | null;
  /** Body, captions and everything else taken over unchanged from the story. */
  original: string | null;
  /** The language the title was translated from, when it is a translation; else null. */
  translatedFrom: string | null;
}

/** The label a translated entry carries as a category, e.g. "machine translation vi→en (deepl)". */
export function translationLabel(from: string, to: string, provider: string, machine: boolean): string {
  return `${machine ? 'machine translation' : 'translation'} ${from}→${to} (${provider})`;
}

// A translation records the language it was made from; older ones predate that field.
function sourceLanguage(article: Article, t: Translation): string {
  return t.from ?? article.language;
}

/** `article` as shown in a feed of language `lang`: itself, or its translation into `lang` marked as such. */
export function presentInLanguage(article: Article, lang: string): FeedEntry {
  if (baseLanguage(article.language) === lang) return article;
  const t = article.translations.find((x) => baseLanguage(x.lang) === lang);
  if (!t) return article;
  return {
    ...article,
    headline: t.headline,
    lead: t.lead ?? article.lead,
    summary: t.lead ?? article.summary,
    tags: [...article.tags, translationLabel(sourceLanguage(article, t), t.lang, t.provider, t.machine)],
    shownTranslation: t,
  };
}

/** Which language the title, the summary and the untranslated rest of `entry` are written in. */
export function entryLanguages(entry: FeedEntry): EntryLanguages {
  const original = entry.language || null;
  const t = entry.shownTranslation;
  if (!t) return { title: original, summary: original, original, translatedFrom: null };
  // Without a translated lead the summary shown is still the story's own (see presentInLanguage).
  return {
    title: t.lang,
    summary: t.lead === null ? original : t.lang,
    original,
    translatedFrom: sourceLanguage(entry, t) || null,
  };
}

/**
 * HTML `html` written in `lang`, for an item that declares `itemLang`: wrapped in an element with
 * its own `lang` where the two differ, so a screen reader does not read Vietnamese as English.
 */
export function htmlInLanguage(html: string, lang: string | null, itemLang: string | null): string {
  if (lang === itemLang || html === '') return html;
  return `<div lang="${escapeHtml(lang ?? '')}">${html}</div>`;
}
