import { describe, expect, it } from 'vitest';
import { sanitizeBodyHtml } from '../../../src/workers/normalize/html.js';
import { loadFixtures, normalizeFixture } from './fixtures.js';
import { checkFixture } from './check-fixture.js';

const fixtures = loadFixtures('html');

describe('normalize: HTML feed-item fixtures', () => {
  it('has HTML fixtures in vi, en and fr', () => {
    expect(new Set(fixtures.map((f) => f.name.split('-')[0]))).toEqual(new Set(['en', 'fr', 'vi']));
  });

  describe.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    it('reads every expected field and sanitizes the body', async () => {
      expect.hasAssertions();
      await checkFixture(f);
    });

    it('gives the same article for its NFD copy', async () => {
      expect(await normalizeFixture(f, f.content.normalize('NFD'))).toEqual(await normalizeFixture(f));
    });
  });
});

describe('sanitizeBodyHtml', () => {
  it.each([
    ['<p onclick="x()">a</p>', '<p>a</p>'],
    ['<a href="javascript:alert(1)">a</a>', 'a'],
    ['<a href="/x">a</a>', '<a href="https://example.org/x" rel="noopener">a</a>'],
    ['<a href="https://other.org/y" target="_blank" rel="nofollow">a</a>', '<a href="https://other.org/y" rel="noopener">a</a>'],
    ['<img src="data:image/gif;base64,R0lGOD">', ''],
    ['<img src="/t.gif" width="1" height="1">', ''],
    ['<img src="/p.jpg" width="600">', '<img src="https://example.org/p.jpg" width="600" />'],
    ['<iframe src="https://evil.example/x"></iframe>', ''],
    ['<iframe src="https://www.youtube.com/embed/xyz"></iframe>', '<iframe src="https://www.youtube.com/embed/xyz"></iframe>'],
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<div class="share-tools"><a href="/s">Share</a></div><p>ok</p>', '<p>ok</p>'],
    ['<h1>Title</h1>', '<h2>Title</h2>'],
    ['<p style="color:red" class="lead">x</p>', '<p>x</p>'],
  ])('%s → %s', (input, output) => {
    expect(sanitizeBodyHtml(input, 'https://example.org/news/')).toBe(output);
  });
});
