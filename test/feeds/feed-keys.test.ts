/** Section feed names: every section gets a feed, and the feed it is stored under is one the server serves. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categorySlug, feedsOf, parseFeedPath } from '../../src/feeds/feed-keys.js';
import { makeArticle } from '../support/articles.js';
import { startTestPipeline, type PipelineHarness } from '../support/pipeline-harness.js';

// A real section label from a Vietnamese wire: 99 characters once slugged, over the 80 the URL router accepts.
const LONG_LABEL = 'Tin tức thời sự trong nước và quốc tế cập nhật liên tục hai mươi bốn giờ mỗi ngày bảy ngày mỗi tuần';

/** The section feed an article with this label is stored under, if any. */
function sectionFeed(category: string): string | undefined {
  return feedsOf(makeArticle({ category, language: 'vi' })).find((f) => f.startsWith('category/'));
}

describe('category slugs', () => {
  // Partners already subscribe to these URLs: the fix must not move them.
  it.each([
    ['Hội nhập', 'hoi-nhap'],
    ['Thời sự', 'thoi-su'],
    ['Đà Nẵng', 'da-nang'],
    ['Économie & Société', 'economie-and-societe'],
    ['World News', 'world-news'],
    ['العربية', 'alerbyt'],
    [
      'Thời sự - Chính trị - Xã hội - Kinh tế - Văn hóa - Thể thao - Giáo dục - Khoa học',
      'thoi-su-chinh-tri-xa-hoi-kinh-te-van-hoa-the-thao-giao-duc-khoa-hoc',
    ],
  ])('keeps the slug of %j as %j', (label, slug) => {
    expect(categorySlug(label)).toBe(slug);
  });

  it('cuts a long section label at a word break and adds its hash, so its feed is one the server serves', () => {
    const feed = sectionFeed(LONG_LABEL)!;
    expect(feed).toMatch(/^category\/tin-tuc-thoi-su-trong-nuoc-va-quoc-te-cap-nhat-lien-tuc-[a-z-]*-[0-9a-f]{12}$/);
    expect(feed.length - 'category/'.length).toBeLessThanOrEqual(80);
    expect(parseFeedPath('category', feed.slice('category/'.length))).toBe(feed);
  });

  it('keeps two long labels that differ only past the cut in feeds of their own', () => {
    const base = 'Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn';
    const a = sectionFeed(`${base} 2021-2030`);
    const b = sectionFeed(`${base} 2031-2040`);
    expect(a).not.toBe(b);
    for (const f of [a!, b!]) expect(parseFeedPath('category', f.slice('category/'.length))).toBe(f);
  });

  it('cuts a single word longer than the limit, with its hash', () => {
    const slug = categorySlug('a'.repeat(120));
    expect(slug).toMatch(/^a{67}-[0-9a-f]{12}$/);
    expect(parseFeedPath('category', slug)).toBe(`category/${slug}`);
  });

  it('gives a section whose label has no Latin transliteration (CJK) its own stable, served feed', () => {
    const japan = sectionFeed('日本');
    const china = sectionFeed('中国');
    expect(japan).toMatch(/^category\/section-[0-9a-f]{12}$/);
    expect(china).toMatch(/^category\/section-[0-9a-f]{12}$/);
    expect(japan).not.toBe(china);
    expect(parseFeedPath('category', japan!.slice('category/'.length))).toBe(japan);
    // The same label, however the source spaced or composed it, keeps the same feed.
    expect(sectionFeed(' 日本 ')).toBe(japan);
    expect(sectionFeed('한국'.normalize('NFD'))).toBe(sectionFeed('한국'.normalize('NFC')));
    expect(sectionFeed('日本  ニュース')).toBe(sectionFeed('日本 ニュース'));
  });

  it('gives a blank label no section feed', () => {
    expect(sectionFeed('   ')).toBeUndefined();
  });

  it('stores every non-blank section label under a feed the server serves (property)', () => {
    const label = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 60 }));
    const servedOrBlank = fc.property(label, (category) => {
      const feed = sectionFeed(category);
      if (category.trim() === '') return feed === undefined;
      return feed !== undefined && parseFeedPath('category', feed.slice('category/'.length)) === feed;
    });
    expect(() => fc.assert(servedOrBlank, { numRuns: 2000, examples: [['日本'], ['+++'], [LONG_LABEL]] })).not.toThrow();
  });
});

describe('section feeds over HTTP', () => {
  let h: PipelineHarness;
  beforeAll(async () => {
    h = await startTestPipeline('feed-keys', {}, { workers: false });
    await h.pipeline.store.save(makeArticle({ id: 'long-1', category: LONG_LABEL, language: 'vi', headline: 'Long section story' }));
    await h.pipeline.store.save(makeArticle({ id: 'cjk-1', category: '日本', language: 'vi', headline: 'Japan section story' }));
  });
  afterAll(async () => h?.stop());

  it('serves every section feed the index lists, including long and CJK sections', async () => {
    const index = (await (await fetch(`${h.pipeline.baseUrl}/`)).json()) as { feeds: { id: string }[] };
    const sections = index.feeds.map((f) => f.id).filter((id) => id.startsWith('category/'));
    expect(sections).toHaveLength(2);
    const bodies = await Promise.all(
      sections.map(async (id) => {
        const res = await fetch(`${h.pipeline.baseUrl}/feeds/${id}.rss`);
        expect(res.status, id).toBe(200);
        return res.text();
      }),
    );
    expect(bodies.join('\n')).toContain('Long section story');
    expect(bodies.join('\n')).toContain('Japan section story');
  });
});
