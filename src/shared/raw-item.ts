/**
 * The raw item: what a producer puts on the ingest queue. It carries the source's bytes already
 * decoded to text (NFC) and mapped to common fields, but nothing is interpreted yet: the
 * normalize stage turns it into an Article.
 */
import { z } from 'zod';
import { RenditionSchema } from './article.js';

export const RawItemFormatSchema = z.enum([
  /** Plain-text agency wire copy in the agency's own layout (see test/fixtures/wire). */
  'wire-text',
  /** An item of an RSS / Atom / RDF / JSON Feed document; `content` is HTML. */
  'feed-item',
  /** An IPTC ninjs object; `content` is its body HTML or text. */
  'ninjs',
]);

export const RawCategorySchema = z.object({
  term: z.string(),
  scheme: z.string().nullable(),
});

export const RawItemSchema = z.object({
  /** Configured source this came from. */
  sourceId: z.string().min(1),
  format: RawItemFormatSchema,
  /** Stable identity inside the source: guid/id, else link, else a hash of title + date. */
  identity: z.string().min(1),
  /** True when the identity had to be derived (no guid/id from the source). */
  identityDerived: z.boolean().default(false),
  url: z.string().nullable().default(null),
  title: z.string().nullable().default(null),
  summary: z.string().nullable().default(null),
  /** Wire copy text for `wire-text`; HTML (or text) for feed items and ninjs. */
  content: z.string(),
  contentType: z.enum(['text', 'html']).default('text'),
  authors: z.array(z.string()).default([]),
  categories: z.array(RawCategorySchema).default([]),
  /** ISO 8601; null when the source gave none or an invalid one (see `dateInvalid`). */
  published: z.iso.datetime({ offset: true }).nullable().default(null),
  updated: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Set when the source's date could not be read and `receivedAt` stands in for it. */
  dateInvalid: z.boolean().default(false),
  language: z.string().nullable().default(null),
  renditions: z.array(RenditionSchema).default([]),
  /** When the producer received the item (ISO 8601). */
  receivedAt: z.iso.datetime({ offset: true }),
  /** Base URL for resolving relative links in `content`. */
  baseUrl: z.string().nullable().default(null),
});

export type RawItem = z.infer<typeof RawItemSchema>;
export type RawItemInput = z.input<typeof RawItemSchema>;
export type RawCategory = z.infer<typeof RawCategorySchema>;
