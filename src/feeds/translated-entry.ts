/**
 * How a story appears in a language feed it was not written in: under its translated headline and
 * lead, marked as a (machine) translation so a partner desk never mistakes it for an original.
 * The body stays in the original language: only headline and lead are translated.
 */
import type { Article } from '../shared/article.js';
import { baseLanguage } from '../translation/provider.js';

/** The label a translated entry carries as a category, e.g. "machine translation vi→en (deepl)". */
export function translationLabel(from: string, to: string, provider: string, machine: boolean): string {
  return `${machine ? 'machine translation' : 'translation'} ${from}→${to} (${provider})`;
}

/** `article` as shown in a feed of language `lang`: itself, or its translation into `lang` marked as such. */
export function presentInLanguage(article: Article, lang: string): Article {
  if (baseLanguage(article.language) === lang) return article;
  const t = article.translations.find((x) => baseLanguage(x.lang) === lang);
  if (!t) return article;
  return {
    ...article,
    headline: t.headline,
    lead: t.lead ?? article.lead,
    summary: t.lead ?? article.summary,
    tags: [...article.tags, translationLabel(article.language, t.lang, t.provider, t.machine)],
  };
}
