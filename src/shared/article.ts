/**
 * The canonical article: the contract between stages, outputs and tools (see docs/article.md).
 * Field names are a public contract: add fields freely, rename none.
 */
import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });

export const DatelineSchema = z.object({
  place: z.string().nullable(),
  /** "YYYY-MM-DD", the day the dateline names (year inferred from publication time, UTC+7). */
  date: z.iso.date().nullable(),
  agency: z.string().nullable(),
  /** The dateline prefix exactly as it stood in the body, e.g. "TTXVN - Ngày 2/8,". */
  raw: z.string().nullable(),
});

export const CreditSchema = z.object({
  role: z.enum(['photo', 'video', 'graphic']),
  name: z.string(),
  agency: z.string().nullable(),
  caption: z.string().nullable(),
});

export const PersonSchema = z.object({ name: z.string(), role: z.string().nullable() });

export const OrganisationSchema = z.object({
  name: z.string(),
  abbreviation: z.string().nullable(),
});

export const PlaceSchema = z.object({
  name: z.string(),
  kind: z.string().nullable(),
  code: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});

export const SubjectSchema = z.object({
  code: z.string(),
  name: z.string(),
  labels: z.record(z.string(), z.string()),
  confidence: z.number().min(0).max(1),
  /** Why the topic was given (a section mapping, keywords matched), so an editor can correct it. */
  reasons: z.array(z.string()).optional(),
});

export const RenditionSchema = z.object({
  href: z.string(),
  type: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  caption: z.string().nullable(),
});

export const TranslationSchema = z.object({
  lang: z.string(),
  headline: z.string(),
  lead: z.string().nullable(),
  provider: z.string(),
  machine: z.boolean(),
  /** The language translated from (the article's language at the time). */
  from: z.string().optional(),
  /** When the provider answered (ISO 8601). */
  translatedAt: isoDateTime.optional(),
});

export const PubStatusSchema = z.enum(['usable', 'withheld', 'canceled']);

export const ArticleSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9._~-]+$/, 'id must be URL-safe'),
  version: z.number().int().min(1),
  uri: z.url(),
  sourceId: z.string().min(1),
  url: z.string().nullable(),
  language: z.string(),
  languageConfidence: z.number().min(0).max(1),
  /** The headline's own language when detected (a headline may differ from its body). */
  headlineLanguage: z.string().optional(),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  headline: z.string(),
  lead: z.string().nullable(),
  body: z.object({ text: z.string(), html: z.string() }),
  dateline: DatelineSchema,
  byline: z.array(z.string()),
  credits: z.array(CreditSchema),
  people: z.array(PersonSchema),
  organisations: z.array(OrganisationSchema),
  places: z.array(PlaceSchema),
  subjects: z.array(SubjectSchema),
  keywords: z.array(z.string()),
  renditions: z.array(RenditionSchema),
  summary: z.string(),
  slug: z.string(),
  wordCount: z.number().int().min(0),
  contentHash: z.string(),
  firstCreated: isoDateTime,
  versionCreated: isoDateTime,
  pubStatus: PubStatusSchema,
  embargoedUntil: isoDateTime.nullable(),
  duplicateOf: z.string().nullable(),
  translationOf: z.string().nullable(),
  translations: z.array(TranslationSchema),
});

export type Article = z.infer<typeof ArticleSchema>;
export type Dateline = z.infer<typeof DatelineSchema>;
export type Credit = z.infer<typeof CreditSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;
export type Place = z.infer<typeof PlaceSchema>;
export type Subject = z.infer<typeof SubjectSchema>;
export type Rendition = z.infer<typeof RenditionSchema>;
export type Translation = z.infer<typeof TranslationSchema>;

/** Fields every later stage fills; normalize starts them empty so the shape is always complete. */
export function emptyEnrichment(): Pick<
  Article,
  'people' | 'organisations' | 'places' | 'subjects' | 'keywords' | 'translations'
> {
  return { people: [], organisations: [], places: [], subjects: [], keywords: [], translations: [] };
}
