import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import {
  MEDIATOPIC_SCHEME,
  entryAuthors,
  entryCategories,
  entryMedia,
  firstImage,
  mediaTopicNumber,
  renditionType,
  toAbsoluteUri,
} from '../../src/feeds/render-parts.js';
import { articleFixture } from './article-fixtures.js';

// The exact `uri` check the JSON Schema validators (ninjs, JSON Feed) apply.
const uriFormat = fullFormats.uri as (s: string) => boolean;

describe('toAbsoluteUri', () => {
  it.each([
    ['already encoded stays as is', 'https://example.com/a%20b?q=%C3%A0#f', 'https://example.com/a%20b?q=%C3%A0#f'],
    ['spaces and diacritics in an http path', 'https://example.com/tin tức', 'https://example.com/tin%20t%E1%BB%A9c'],
    ['IDN host becomes punycode', 'https://hà-nội.vn/x', 'https://xn--h-ni-0na4517b.vn/x'],
    ['urn stays as is', 'urn:wirepipe:story:vietnamplus-ff9c2c516f3e05969c8b', 'urn:wirepipe:story:vietnamplus-ff9c2c516f3e05969c8b'],
    ['urn with a space and diacritics', 'urn:x:tin tức', 'urn:x:tin%20t%E1%BB%A9c'],
    ['stray percent is escaped', 'urn:x:100%sure', 'urn:x:100%25sure'],
    ['second # is escaped', 'urn:x:a#b#c', 'urn:x:a#b%23c'],
    ['brackets outside an IPv6 host are escaped', 'urn:x:[a]', 'urn:x:%5Ba%5D'],
    ['IPv6 host keeps its brackets', 'http://[::1]:8080/p', 'http://[::1]:8080/p'],
    ['URN keeps RFC 2141 characters only (W3C feed validator)', 'urn:wirepipe:feed:category/hoi-nhap~x', 'urn:wirepipe:feed:category%2Fhoi-nhap%7Ex'],
    ['URN with diacritics', 'urn:wirepipe:story:Hà Nội', 'urn:wirepipe:story:H%C3%A0%20N%E1%BB%99i'],
    ['surrounding whitespace is trimmed', '  https://example.com/  ', 'https://example.com/'],
  ])('%s', (_label, input, expected) => {
    const out = toAbsoluteUri(input);
    expect(out).toBe(expected);
    expect(uriFormat(out ?? '')).toBe(true);
  });

  it.each([['/relative/only.jpg'], ['example.com/x'], [''], ['https://exa mple.com/']])(
    'refuses a non-absolute or unparseable %j',
    (input) => {
      expect(toAbsoluteUri(input)).toBeNull();
    },
  );

  it('turns any urn:NID: tail into an RFC 2141 URN (the W3C feed validator pattern)', () => {
    // The validator's own pattern (validators.py, urn_re), copied here as the oracle.
    const urn2141 = /^urn:[a-zA-Z0-9][a-zA-Z0-9-]{1,31}:([a-zA-Z0-9()+,.:=@;$_!*'-]|%[0-9A-Fa-f]{2})+$/;
    const property = fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), (tail) => {
      const out = toAbsoluteUri(`urn:wirepipe:${tail}`);
      return tail.trim() === '' || (out !== null && urn2141.test(out) && uriFormat(out));
    });
    expect(() => fc.assert(property, { numRuns: 1000 })).not.toThrow();
  });

  it('turns any http path or urn tail into a URI the JSON Schema `uri` format accepts', () => {
    const property = fc.property(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('https://example.com/', 'urn:x:'),
      (tail, head) => {
        const out = toAbsoluteUri(head + tail);
        // A urn with a non-blank tail is always absolute, so it must never be refused.
        const refusedWrongly = out === null && head === 'urn:x:' && tail.trim() !== '';
        return !refusedWrongly && (out === null || uriFormat(out));
      },
    );
    expect(() => fc.assert(property, { numRuns: 1000 })).not.toThrow();
  });
});

describe('entry parts', () => {
  it('mediaTopicNumber accepts medtop: codes and bare numbers only', () => {
    expect(mediaTopicNumber('medtop:11000000')).toBe('11000000');
    expect(mediaTopicNumber('20000763')).toBe('20000763');
    expect(mediaTopicNumber('abc:weather')).toBeNull();
    expect(mediaTopicNumber('medtop:1100')).toBeNull();
  });

  it('authors fall back from byline to dateline agency to source id', () => {
    expect(entryAuthors(articleFixture('vi-hagiang'))).toEqual(['Minh Tâm']);
    expect(entryAuthors(articleFixture('no-byline-no-url'))).toEqual(['TTXVN']);
    expect(entryAuthors(articleFixture('no-agency-media'))).toEqual(['partner-plain']);
  });

  it('categories: section and tags deduplicated, medtop subjects with scheme and numeric term', () => {
    const categories = entryCategories(articleFixture('vi-hagiang'));
    // "Hội nhập" is both the category and the first tag: it appears once.
    expect(categories.filter((c) => c.label === 'Hội nhập')).toHaveLength(1);
    expect(categories).toContainEqual({ term: '11000000', label: 'chính trị', scheme: MEDIATOPIC_SCHEME });
    expect(categories).toContainEqual({ term: 'Hà Giang', label: 'Hà Giang', scheme: null });
    // A subject outside Media Topics keeps its name and no scheme.
    expect(entryCategories(articleFixture('no-agency-media'))).toEqual([{ term: 'weather', label: 'weather', scheme: null }]);
  });

  it('media: relative URLs are dropped, types guessed from the extension, first image chosen', () => {
    const media = entryMedia(articleFixture('no-agency-media'));
    expect(media.map((m) => m.type)).toEqual(['video/mp4', 'image/webp']);
    expect(firstImage(media)?.href).toBe('https://cdn.example.org/img/storm-map.webp');
    expect(renditionType({ href: 'https://x.y/a.JPG?w=1', type: null, width: null, height: null, caption: null })).toBe('image/jpeg');
    expect(renditionType({ href: 'https://x.y/a', type: null, width: null, height: null, caption: null })).toBeNull();
  });
});
