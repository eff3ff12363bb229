import { describe, expect, it } from 'vitest';
import { sanitizeBodyHtml, stripTextPrefix } from '../../../src/workers/normalize/html.js';
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
    ['<img src="/t.gif" style="width:1px;height:1px">', ''],
    ['<div style="display:none"><img src="/t.gif">hidden</div><p>ok</p>', '<p>ok</p>'],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', 'x'],
    ['<iframe src="http://www.youtube.com/embed/xyz"></iframe>', ''],
    ['<iframe src="https://www.youtube.com.evil.example/embed/xyz"></iframe>', ''],
    ['<svg><script>alert(1)</script></svg><p>ok</p>', '<p>ok</p>'],
    ['<a href="//cdn.example.org/a">a</a>', '<a href="https://cdn.example.org/a" rel="noopener">a</a>'],
  ])('%s → %s', (input, output) => {
    expect(sanitizeBodyHtml(input, 'https://example.org/news/')).toBe(output);
  });
});

describe('stripTextPrefix (dateline cut from block HTML)', () => {
  it.each([
    ['<strong>Hà Nội (TTXVN) - Sáng 3/9,</strong> tại <a href="x">Trung tâm</a>', 'Hà Nội (TTXVN) - Sáng 3/9,', 'tại <a href="x">Trung tâm</a>'],
    ['<strong>Hà Nội (TTXVN) -</strong> Sáng 3/9, tại đây', 'Hà Nội (TTXVN) - Sáng 3/9,', 'tại đây'],
    ['<b>Hanoi</b> (VNA) – The', 'Hanoi (VNA) –', 'The'],
    ['<em>Hanoi, May 2 (VNA) – Viet</em>nam’s', 'Hanoi, May 2 (VNA) –', '<em>Viet</em>nam’s'],
    ['R&amp;D (VNA) – x', 'R&D (VNA) –', 'x'],
    ['Other text', 'Hà Nội', null],
  ])('%s minus "%s"', (html, prefix, out) => {
    expect(stripTextPrefix(html, prefix)).toBe(out);
  });
});
