/**
 * The normalize stage: a raw item (plain-text wire copy, feed item or ninjs) becomes a complete
 * Article, read the way a wire editor reads copy. Versions: an unchanged re-send returns null.
 */
import { emptyEnrichment, type Article } from '../../shared/article.js';
import { PermanentError } from '../../shared/errors.js';
import { sha256Hex, storyId, storyUri } from '../../shared/ids.js';
import type { RawItem } from '../../shared/raw-item.js';
import type { NormalizeStage, StageContext } from '../stage.js';
import type { DuplicateIndex } from './duplicate-index.js';
import { fingerprint } from './fingerprint.js';
import { escapeHtml } from './html.js';
import { isAgencyMark } from './lexicon.js';
import { cleanField, readContent } from './read-raw.js';
import { readStoryParts, type Block, type StoryParts } from './story-parts.js';
import { parseBylineLine } from './tail.js';
import { canonicalTonePlacement, toneInsensitiveKey, toneInsensitiveKeyStartsWith } from './text.js';

export { canonicalTonePlacement, normalizeText, toneInsensitiveKey, toneInsensitiveWords } from './text.js';
export { DUPLICATE_THRESHOLD, fingerprint, similarity, type Fingerprint } from './fingerprint.js';
export { InMemoryDuplicateIndex, type DuplicateIndex, type DuplicateMatch } from './duplicate-index.js';

/** A StageContext that may carry a near-duplicate index (sets Article.duplicateOf when given). */
export interface NormalizeContext extends StageContext {
  duplicates?: DuplicateIndex;
}

/** The structured reading of a raw item, before versioning: everything but id and version. */
export interface NormalizedContent {
  parts: StoryParts;
  headline: string;
  lead: string | null;
  category: string | null;
  tags: string[];
  byline: string[];
  bodyText: string;
  bodyHtml: string;
  renditions: Article['renditions'];
  contentHash: string;
  legacyEncoding: string | null;
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const k = toneInsensitiveKey(v);
    if (v === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

/** What a feed puts at the end of a summary cut short. */
const TEASER_END = /(?:\.\.\.|…|\[…\]|\[\.\.\.\])$/u;

/** The blocks' non-empty texts joined by a blank line (without the arrays a map and a filter build). */
function joinTexts(blocks: Block[]): string {
  let out = '';
  for (const b of blocks) {
    if (b.text === '') continue;
    out = out === '' ? b.text : `${out}\n\n${b.text}`;
  }
  return out;
}

function bodyHtmlOf(blocks: Block[]): string {
  return blocks.map((b) => b.html ?? `<p>${escapeHtml(b.text)}</p>`).join('\n');
}

// A headline made from the body when the copy has none: its first sentence, capitalized.
function firstSentence(text: string): string {
  const m = /^(.{1,160}?[.!?…])(?:\s|$)/u.exec(text);
  const sentence = (m ? m[1]! : text.slice(0, 160)).trim();
  return sentence.charAt(0).toLocaleUpperCase('vi') + sentence.slice(1);
}

/** Feed authors as people: agency marks dropped, "A - B" split into names. */
function feedAuthors(authors: string[]): string[] {
  const out: string[] = [];
  for (const a of authors) {
    const clean = cleanField(a, false);
    if (clean === null || isAgencyMark(clean)) continue;
    out.push(...(parseBylineLine(clean) ?? [clean]));
  }
  return out;
}

/**
 * Reads a raw item into its story parts and content hash. Throws PermanentError EMPTY_STORY /
 * UNREADABLE_WIRE_COPY when there is nothing to publish.
 */
export function readRawItem(raw: RawItem): NormalizedContent {
  const title = cleanField(raw.title, false);
  const summary = cleanField(raw.summary, true);
  if (raw.content.trim() === '' && title === null) {
    throw new PermanentError('EMPTY_STORY', `item "${raw.identity}" of source ${raw.sourceId} has no title and empty content`, { identity: raw.identity, sourceId: raw.sourceId });
  }
  const content = readContent(raw);
  const isWire = raw.format === 'wire-text';
  const parts = readStoryParts(content.blocks, {
    publishedIso: raw.published ?? raw.receivedAt,
    hasHeaderLines: isWire,
  });
  let bodyText = joinTexts(parts.body);
  let headline = (isWire ? (parts.headline ?? title) : (title ?? parts.headline)) ?? '';
  if (headline === '' && bodyText !== '') headline = firstSentence(bodyText);
  if (headline === '' && bodyText === '') {
    throw new PermanentError(
      isWire ? 'UNREADABLE_WIRE_COPY' : 'EMPTY_STORY',
      `item "${raw.identity}" of source ${raw.sourceId} has neither a headline nor body text (${content.blocks.length} non-empty lines)`,
      { identity: raw.identity, sourceId: raw.sourceId },
    );
  }
  let lead = parts.lead;
  let body = parts.body;
  if (!isWire && summary !== null) {
    const teaser = toneInsensitiveKey(summary.replace(TEASER_END, ''));
    // An empty or "…"-only summary says nothing; one that is only the opening of the body cut
    // short is a teaser, not a lead. Either way the story's own parts stand.
    if (teaser !== '' && !toneInsensitiveKeyStartsWith(bodyText, teaser)) {
      const sapo = parts.lead;
      const sapoKey = sapo === null ? '' : toneInsensitiveKey(sapo);
      if (sapo !== null && sapoKey.includes(teaser)) {
        // The summary is the story's own sapo (above the dateline), whole or cut short: the sapo is the lead.
        lead = sapo;
      } else {
        lead = summary;
        // A sapo the summary does not carry (the feed wrote its own blurb) stays in the story, first
        // in the body. "Carries" allows an agency mark around it ("TTXVN - …", "(Dân trí) - …").
        if (sapo !== null && !teaser.includes(sapoKey)) {
          body = [{ text: sapo, html: null }, ...parts.body];
          bodyText = [sapo, bodyText].filter((t) => t !== '').join('\n\n');
        }
      }
    }
  }
  const category = isWire ? (parts.category ?? raw.categories[0]?.term ?? null) : (raw.categories[0]?.term ?? parts.category);
  const terms = raw.categories.map((c) => c.term.trim());
  if (category) terms.push(category);
  const tags = unique(terms);
  const authors = feedAuthors(raw.authors);
  for (const name of parts.byline) authors.push(name);
  const byline = unique(authors);
  const renditions = uniqueRenditions(raw.renditions.concat(content.renditions));
  // The dateline prefix is hashed too: it left the body, but a corrected date is still an edit.
  let hashed = `${headline}\n${lead ?? ''}\n${parts.dateline.raw ?? ''}\n${bodyText}`;
  for (const caption of parts.captions) hashed += `\n${caption}`;
  return {
    parts,
    headline,
    lead,
    category,
    tags,
    byline,
    bodyText,
    bodyHtml: bodyHtmlOf(body),
    renditions,
    contentHash: sha256Hex(canonicalTonePlacement(hashed)),
    legacyEncoding: content.legacyEncoding,
  };
}

function uniqueRenditions(list: Article['renditions']): Article['renditions'] {
  const seen = new Set<string>();
  return list.filter((r) => (seen.has(r.href) ? false : (seen.add(r.href), true)));
}

/** The stable story id: the source's identity, or for derived identities headline + dateline day. */
export function storyIdFor(raw: RawItem, headline: string, datelineDate: string | null): string {
  if (!raw.identityDerived) return storyId(raw.sourceId, raw.identity);
  return storyId(raw.sourceId, `${toneInsensitiveKey(headline)}|${datelineDate ?? ''}`);
}

/**
 * When a story first appeared, as far as its source says: its publication time, not the time of
 * the edit we may have seen first (the earlier of the two when a feed gives both).
 */
function firstCreatedOf(raw: RawItem): string {
  const { published, updated } = raw;
  if (published !== null && updated !== null) return Date.parse(published) <= Date.parse(updated) ? published : updated;
  return published ?? updated ?? raw.receivedAt;
}

/** Turns a raw item into an Article, or null when this exact content was already recorded. */
export const normalize: NormalizeStage = async (raw, ctx) => {
  const n = readRawItem(raw);
  const id = storyIdFor(raw, n.headline, n.parts.dateline.date);
  const at = raw.updated ?? raw.published ?? raw.receivedAt;
  const decision = await ctx.stories.recordVersion(id, n.contentHash, firstCreatedOf(raw), { dated: at, sourceUpdated: raw.updated !== null });
  if (!decision.isNew) return null;
  // An edited re-send often keeps the time the source gave the version before (its publication
  // time, or an `updated` it did not bump): the new version is "now". (Stories recorded before
  // versions were dated compare with their first version's time, which firstCreated then was.)
  const versionCreated = decision.version > 1 && Date.parse(at) <= Date.parse(decision.previousDated ?? decision.firstCreated) ? raw.receivedAt : at;
  if (n.legacyEncoding !== null) ctx.log.debug({ articleId: id, encoding: n.legacyEncoding }, 'converted legacy Vietnamese encoding');
  // Named one by one, in emptyEnrichment's order (the JSON order): the literal has its final shape
  // from the start instead of growing by six properties a trailing spread copies in.
  const enrichment = emptyEnrichment();

  const article: Article = {
    id,
    version: decision.version,
    uri: storyUri(id),
    sourceId: raw.sourceId,
    url: raw.url,
    language: raw.language ?? 'und',
    languageConfidence: 0,
    category: n.category,
    tags: n.tags,
    headline: n.headline,
    lead: n.lead,
    body: { text: n.bodyText, html: n.bodyHtml },
    dateline: n.parts.dateline,
    byline: n.byline,
    credits: n.parts.credits,
    renditions: n.renditions,
    summary: n.lead ?? '',
    slug: '',
    wordCount: 0,
    contentHash: n.contentHash,
    firstCreated: decision.firstCreated,
    versionCreated,
    pubStatus: 'usable',
    embargoedUntil: null,
    duplicateOf: null,
    translationOf: null,
    people: enrichment.people,
    organisations: enrichment.organisations,
    places: enrichment.places,
    subjects: enrichment.subjects,
    keywords: enrichment.keywords,
    translations: enrichment.translations,
  };
  const duplicates = (ctx as NormalizeContext).duplicates;
  if (duplicates !== undefined) {
    const fp = fingerprint(article);
    // One round trip: the lookup leaves this story out by id, and an add without the lookup harms
    // nothing on retry.
    const match = await duplicates.addAndFindDuplicate(id, fp);
    if (match !== null) article.duplicateOf = match.id;
  }
  return article;
};
