/** fast-check generator of schema-valid Articles with hostile text (controls, markup, lone surrogates). */
import fc from 'fast-check';
import { ArticleSchema, type Article } from '../../src/shared/article.js';

// Any UTF-16 code units, so control characters, `]]>`, `&`, `<` and lone surrogates all turn up.
const text = fc.string({ unit: 'binary', maxLength: 30 });
const nullableText = fc.option(text, { nil: null });
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const pathTail = fc.string({ unit: 'grapheme', maxLength: 12 });
const httpUrl = pathTail.map((p) => `https://example.vn/${p}`);
const imageHref = fc.oneof(
  pathTail.map((p) => `https://img.example.vn/${p}.jpg`),
  fc.constant('/relative/x.png'),
  pathTail.map((p) => `https://img.example.vn/${p}`),
);

/** Schema-valid Articles whose every free-text field may hold anything a sloppy source sends. */
export const articleArbitrary: fc.Arbitrary<Article> = fc
  .record({
    id: fc.stringMatching(/^[A-Za-z0-9._~-]{1,24}$/),
    version: fc.integer({ min: 1, max: 50 }),
    sourceId: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/),
    url: fc.option(httpUrl, { nil: null }),
    language: fc.constantFrom('vi', 'en', 'fr', 'zh-Hans', ''),
    category: nullableText,
    tags: fc.array(text, { maxLength: 3 }),
    headline: text,
    lead: nullableText,
    bodyText: text,
    bodyHtml: text,
    place: nullableText,
    agency: nullableText,
    byline: fc.array(text, { maxLength: 3 }),
    people: fc.array(fc.record({ name: text, role: nullableText }), { maxLength: 2 }),
    organisations: fc.array(fc.record({ name: text, abbreviation: nullableText }), { maxLength: 2 }),
    places: fc.array(
      fc.record({
        name: text,
        kind: nullableText,
        code: nullableText,
        lat: fc.option(fc.double({ min: -90, max: 90, noNaN: true }), { nil: null }),
        lon: fc.option(fc.double({ min: -180, max: 180, noNaN: true }), { nil: null }),
      }),
      { maxLength: 2 },
    ),
    subjects: fc.array(
      fc.record({
        code: fc.oneof(fc.integer({ min: 1000000, max: 20999999 }).map((n) => `medtop:${String(n).padStart(8, '0')}`), text),
        name: text,
        labels: fc.constant({}),
        confidence: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { maxLength: 3 },
    ),
    keywords: fc.array(text, { maxLength: 3 }),
    renditions: fc.array(
      fc.record({
        href: imageHref,
        type: fc.constantFrom(null, 'image/jpeg', 'video/mp4', ''),
        width: fc.option(fc.integer({ min: 1, max: 4000 }), { nil: null }),
        height: fc.option(fc.integer({ min: 1, max: 4000 }), { nil: null }),
        caption: nullableText,
      }),
      { maxLength: 2 },
    ),
    summary: text,
    firstCreated: isoDate,
    versionCreated: isoDate,
    pubStatus: fc.constantFrom('usable' as const, 'withheld' as const, 'canceled' as const),
    embargoedUntil: fc.option(isoDate, { nil: null }),
    translations: fc.array(
      fc.record({ lang: fc.constantFrom('en', 'vi'), headline: text, lead: nullableText, provider: text, machine: fc.boolean() }),
      { maxLength: 1 },
    ),
  })
  .map((r) =>
    ArticleSchema.parse({
      id: r.id,
      version: r.version,
      uri: `urn:wirepipe:story:${r.id}`,
      sourceId: r.sourceId,
      url: r.url,
      language: r.language,
      languageConfidence: 0.9,
      category: r.category,
      tags: r.tags,
      headline: r.headline,
      lead: r.lead,
      body: { text: r.bodyText, html: r.bodyHtml },
      dateline: { place: r.place, date: null, agency: r.agency, raw: null },
      byline: r.byline,
      credits: [],
      people: r.people,
      organisations: r.organisations,
      places: r.places,
      subjects: r.subjects,
      keywords: r.keywords,
      renditions: r.renditions,
      summary: r.summary,
      slug: 'x',
      wordCount: 0,
      contentHash: 'h',
      firstCreated: r.firstCreated,
      versionCreated: r.versionCreated,
      pubStatus: r.pubStatus,
      embargoedUntil: r.embargoedUntil,
      duplicateOf: null,
      translationOf: null,
      translations: r.translations,
    }),
  );
