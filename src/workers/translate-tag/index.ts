/**
 * The translate-tag stage: detects the story's language (body first; lead, then headline when
 * the body is empty) and tags it with IPTC Media Topics from its section label and text. Pure:
 * no I/O, no clients from ctx; the eld database loads once with this module.
 */
import type { Article } from '../../shared/article.js';
import { PermanentError } from '../../shared/errors.js';
import type { ArticleStage } from '../stage.js';
import { detectLanguage } from './detect-language.js';
import type { LanguageGuess } from './detect-language.js';
import { tagSubjects } from './tag-topics.js';
import { translateAndAttach } from '../../translation/translate-and-attach.js';
import { linkPrint } from '../translation-links.js';
import type { TopicOptions } from './tag-topics.js';
import { mayTranslate } from '../../translation/may-translate.js';

export { detectLanguage } from './detect-language.js';
export type { LanguageGuess } from './detect-language.js';
export { explainSubjects, tagSubjects } from './tag-topics.js';
export type { ExplainedSubject, TaggableArticle, TopicOptions } from './tag-topics.js';
export { MEDIA_TOPICS, MEDIA_TOPIC_BY_CODE } from './media-topics.js';
export type { MediaTopic } from './media-topics.js';
export { translateGlossary } from './glossary.js';

/** Headline, lead and body languages, each detected on its own (a headline may differ from its body). */
export function articleLanguages(article: Pick<Article, 'headline' | 'lead' | 'body'>): {
  headline: LanguageGuess;
  lead: LanguageGuess;
  body: LanguageGuess;
} {
  return {
    headline: detectLanguage(article.headline),
    lead: detectLanguage(article.lead ?? ''),
    body: detectLanguage(article.body.text),
  };
}

/** The article's language fields: the body's language, else the lead's, else the headline's. */
export function articleLanguage(article: Pick<Article, 'headline' | 'lead' | 'body'>): {
  language: string;
  languageConfidence: number;
} {
  const { language, languageConfidence } = pickLanguage(article, detectLanguage(article.headline));
  return { language, languageConfidence };
}

// The lead is only read when the body tells nothing (most stories have a body): detecting it
// anyway was one detection in three, for an answer nobody used.
/** The article's language fields, with the text's second language when it has one. */
type PickedLanguage = { language: string; languageConfidence: number; secondary?: LanguageGuess['secondary'] };

function pickLanguage(article: Pick<Article, 'lead' | 'body'>, headline: LanguageGuess): PickedLanguage {
  // A lead that is not text still fails (PermanentError) the way it did when every lead was read.
  if (article.lead != null && typeof article.lead !== 'string') detectLanguage(article.lead);
  const body = detectLanguage(article.body.text);
  if (body.lang !== 'und') return chosen(body);
  const lead = detectLanguage(article.lead ?? '');
  if (lead.lang !== 'und') return chosen(lead);
  if (headline.lang !== 'und') return chosen(headline);
  return { language: 'und', languageConfidence: 0 };
}

/** The article's language fields from one guess. */
function chosen(guess: LanguageGuess): PickedLanguage {
  return guess.secondary ? { language: guess.lang, languageConfidence: guess.confidence, secondary: guess.secondary } : { language: guess.lang, languageConfidence: guess.confidence };
}

/** Options for a translate-tag stage bound to one source (its categoryMap from config). */
export type TranslateTagOptions = TopicOptions;

/**
 * Builds the stage with per-source options. Fills language, languageConfidence and subjects;
 * never drops a story. A malformed article (missing text fields) is a PermanentError.
 */
export function createTranslateTag(options: TranslateTagOptions = {}): ArticleStage {
  return async (article, ctx) => {
    if (typeof article?.headline !== 'string' || typeof article.body?.text !== 'string') {
      throw new PermanentError('INVALID_ARTICLE', 'translate-tag needs an article with headline and body.text', {
        id: typeof article?.id === 'string' ? article.id : null,
      });
    }
    const headline = detectLanguage(article.headline);
    const { language, languageConfidence, secondary } = pickLanguage(article, headline);
    const languageFields = { language, languageConfidence, headlineLanguage: headline.lang };
    // The source's own category map (config) wins over the stage's; the built-in one is the fallback.
    const categoryMap = ctx?.sourceConfig?.(article.sourceId)?.categoryMap ?? options.categoryMap;
    // Topic keywords are chosen by the language just detected, not the one the article came with.
    const { category, tags, lead, body } = article;
    // A story with a large quote in another language is tagged by that language's keywords too.
    const taggable = { category, tags, headline: article.headline, lead, body, language: languageFields.language, secondaryLanguage: secondary };
    const subjects = tagSubjects(taggable, { ...options, ...(categoryMap ? { categoryMap } : {}) });
    // One copy of the article (the stage's output), not one per field group. Object.assign onto
    // {} rather than a spread: the same keys in the same order, but a spread copy that then gets
    // a key the article lacks (headlineLanguage) takes V8's slow path, ~10 µs a story here.
    const tagged: Article = Object.assign({}, article, languageFields, { subjects });
    if (ctx?.translationLinks && tagged.language !== 'und') {
      // Linked once the language is known: the earlier story in another language is the original.
      const print = linkPrint(tagged, tagged.language);
      // Lookup and add in one round trip; the lookup leaves this story out by id.
      if (tagged.translationOf !== null) await ctx.translationLinks.add(tagged.id, print);
      else {
        const original = await ctx.translationLinks.addAndFindOriginal(tagged.id, print);
        if (original) tagged.translationOf = original.id;
      }
    }
    const tr = ctx?.translation;
    if (!tr || tr.targets.length === 0) return tagged;
    // Embargoed or withheld copy stays in the house: an embargoed story is translated by a
    // follow-up when its embargo lifts; a withheld one when a usable version comes.
    const gate = mayTranslate(tagged, ctx.now());
    if (!gate.ok) {
      ctx.log.debug({ articleId: tagged.id, reason: gate.reason }, 'translation held back');
      if (gate.retryInMs !== null && tr.scheduleFollowUp) await tr.scheduleFollowUp(tagged, { langs: [...tr.targets], delayMs: gate.retryInMs });
      return tagged;
    }
    // Translations ride along when the provider answers within the budget; they never hold the
    // story back: what failed for a passing reason is handed to a follow-up job.
    const { article: translated, followUp } = await translateAndAttach(tagged, {
      provider: tr.provider,
      cache: tr.cache,
      targets: tr.targets,
      now: ctx.now,
      log: ctx.log,
      ...(tr.maxAttempts !== undefined ? { maxAttempts: tr.maxAttempts } : {}),
      ...(tr.budgetMs !== undefined ? { budgetMs: tr.budgetMs } : {}),
      ...(tr.followUpDelayMs !== undefined ? { followUpDelayMs: tr.followUpDelayMs } : {}),
    });
    if (followUp && tr.scheduleFollowUp) await tr.scheduleFollowUp(translated, followUp);
    return translated;
  };
}

/** The stage with the built-in category map. */
export const translateTag: ArticleStage = createTranslateTag();
