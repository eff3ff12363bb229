import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { toNinjs, type Ninjs } from '../../src/archive/ninjs.js';
import type { Article } from '../../src/shared/article.js';
import { articleArbitrary } from '../feeds/article-arbitrary.js';
import { articleFixture, loadArticleFixtures, loadSchema } from '../feeds/article-fixtures.js';

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
// ninjs 2.2 is draft 2020-12 (unevaluatedProperties) and $refs the GeoJSON schema by its $id.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(loadSchema('GeoJSON-schema.json'));
const validate = ajv.compile(loadSchema('ninjs-schema_2.2.json'));

type Obj = Record<string, unknown>;
const arr = (value: unknown): Obj[] => (value as Obj[] | undefined) ?? [];

describe('toNinjs validates against the strict ninjs 2.2 schema', () => {
  it.each(loadArticleFixtures().map((f) => [f.name, f.article] as const))('%s', (_name, article) => {
    const ninjs = toNinjs(article);
    const ok = validate(ninjs);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('any schema-valid article (hostile text, odd codes, relative media) maps to valid ninjs', () => {
    const property = fc.property(articleArbitrary, (article) => validate(toNinjs(article)) === true);
    expect(() => fc.assert(property, { numRuns: 500 })).not.toThrow();
  });

  it('the validator really is strict: an unknown property is rejected', () => {
    const ninjs = { ...toNinjs(articleFixture('vi-hagiang')), keywords: ['x'] };
    expect(validate(ninjs)).toBe(false);
  });

  it('a non-ASCII uri is percent-encoded so it still validates', () => {
    const article = { ...articleFixture('en-trade'), uri: 'https://example.com/tin tức/1' } as Article;
    const ninjs = toNinjs(article);
    expect(ninjs.uri).toBe('https://example.com/tin%20t%E1%BB%A9c/1');
    expect(validate(ninjs)).toBe(true);
  });
});

describe('toNinjs mapping (Vietnamese sample story)', () => {
  const article = articleFixture('vi-hagiang');
  const ninjs: Ninjs = toNinjs(article);

  it('identity, type, version and dates', () => {
    expect(ninjs.uri).toBe(article.uri);
    expect(ninjs.type).toBe('text');
    expect(ninjs.version).toBe(String(article.version));
    expect(typeof ninjs.version).toBe('string');
    expect(ninjs.firstcreated).toBe(new Date(article.firstCreated).toISOString());
    expect(ninjs.versioncreated).toBe(new Date(article.versionCreated).toISOString());
    expect(ninjs.pubstatus).toBe('usable');
    expect(ninjs).not.toHaveProperty('embargoed');
    expect(ninjs.language).toBe('vi');
    expect(ninjs.standard).toEqual({
      name: 'ninjs',
      version: '2.2',
      schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json',
    });
  });

  it('headline, lead/summary descriptions, text and html bodies', () => {
    expect(arr(ninjs.headlines)[0]).toMatchObject({ value: article.headline });
    expect(arr(ninjs.descriptions).map((d) => [d.role, d.value])).toEqual([
      ['lead', article.lead],
      ['summary', article.summary],
    ]);
    const bodies = arr(ninjs.bodies);
    expect(bodies.find((b) => b.contenttype === 'text/plain')).toMatchObject({
      value: article.body.text,
      wordcount: article.wordCount,
    });
    expect(bodies.find((b) => b.contenttype === 'text/html')?.value).toBe(article.body.html);
  });

  it('byline, dateline place, slug', () => {
    expect(ninjs.by).toBe('Minh Tâm');
    expect(ninjs.located).toBe('Hà Giang');
    expect(ninjs.slugline).toBe(article.slug);
  });

  it('people and organisations by name, abbreviations as literal', () => {
    expect(arr(ninjs.people).map((p) => p.name)).toEqual(['Đỗ Thái Hòa', 'Trần Đức Quý']);
    expect(arr(ninjs.organisations)).toContainEqual({ name: 'Bộ Thông tin và Truyền thông', literal: 'BTTTT' });
    expect(arr(ninjs.organisations)).toContainEqual({ name: 'Cục Thông tin đối ngoại' });
  });

  it('places with their code and a GeoJSON point [lon, lat]', () => {
    expect(arr(ninjs.places)).toEqual([
      { name: 'Hà Giang', literal: 'VN-03', geojson: { type: 'Point', coordinates: [104.9836, 22.8233] } },
    ]);
  });

  it('Media Topic subjects as IPTC URIs with integer confidence; keywords and section as subjects', () => {
    const subjects = arr(ninjs.subjects);
    expect(subjects).toContainEqual({
      name: 'chính trị',
      uri: 'http://cv.iptc.org/newscodes/mediatopic/11000000',
      literal: 'medtop:11000000',
      confidence: 86,
    });
    for (const keyword of article.keywords) expect(subjects).toContainEqual({ name: keyword, rel: 'keyword' });
    expect(subjects).toContainEqual({ name: 'Hội nhập', rel: 'category' });
  });

  it('the photo as an associated picture with a rendition, caption and credit', () => {
    const [assoc] = arr(ninjs.associations);
    expect(assoc).toMatchObject({
      name: 'featuremedia',
      type: 'picture',
      uri: article.renditions[0]?.href,
      by: 'Minh Tâm/TTXVN',
      descriptions: [{ role: 'caption', contenttype: 'text/plain', value: 'Các đại biểu dự tập huấn.' }],
      renditions: [
        { name: 'original', href: article.renditions[0]?.href, contenttype: 'image/jpeg', width: 1200, height: 800 },
      ],
    });
  });

  it('agency and source as infosources, ids as altids', () => {
    expect(arr(ninjs.infosources).map((s) => s.name)).toEqual(['TTXVN', 'vietnamplus']);
    expect(arr(ninjs.altids)).toContainEqual({ role: 'wirepipe-id', value: article.id });
    expect(arr(ninjs.altids)).toContainEqual({ role: 'url', value: article.url });
  });
});

describe('toNinjs mapping (edge cases)', () => {
  it('embargo and withheld status; no `by` without a byline', () => {
    const article = articleFixture('no-byline-no-url');
    const ninjs = toNinjs(article);
    expect(ninjs.embargoed).toBe('2023-08-04T05:00:00.000Z');
    expect(ninjs.pubstatus).toBe('withheld');
    expect(ninjs).not.toHaveProperty('by');
    expect(arr(ninjs.altids).some((a) => a.role === 'url')).toBe(false);
  });

  it('places without coordinates get no geometry; relative renditions are dropped; video is typed video', () => {
    const en = toNinjs(articleFixture('en-trade'));
    expect(arr(en.places).find((p) => p.name === 'Australia')).toEqual({ name: 'Australia', literal: 'AU' });
    const media = toNinjs(articleFixture('no-agency-media'));
    expect(arr(media.associations).map((a) => [a.type, a.uri])).toEqual([
      ['video', 'https://cdn.example.org/video/storm.mp4'],
      ['picture', 'https://cdn.example.org/img/storm-map.webp'],
    ]);
    // A subject outside Media Topics keeps its code as literal and gets no uri.
    expect(arr(media.subjects)[0]).toEqual({ name: 'weather', literal: 'abc:weather', confidence: 40 });
  });

  it('control characters in the article do not break JSON and the output still validates', () => {
    const ninjs = toNinjs(articleFixture('hostile-chars'));
    expect(validate(JSON.parse(JSON.stringify(ninjs)))).toBe(true);
  });
});
