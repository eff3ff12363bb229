import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../../src/shared/errors.js';
import { DEFAULT_CATEGORY_MAP } from '../../../src/workers/translate-tag/category-map.js';
import { MEDIA_TOPICS, MEDIA_TOPIC_BY_CODE, broaderTopics } from '../../../src/workers/translate-tag/media-topics.js';
import { explainSubjects, tagSubjects } from '../../../src/workers/translate-tag/tag-topics.js';
import type { TaggableArticle } from '../../../src/workers/translate-tag/tag-topics.js';
import { NEUTRAL_PHRASES, TOPIC_RULES } from '../../../src/workers/translate-tag/topic-rules.js';
import { readJsonl } from './fixtures.js';

interface LabeledStory {
  id: string;
  lang: 'vi' | 'en' | 'fr';
  category: string | null;
  headline: string;
  lead: string;
  body: string;
  codes: string[];
  /** 'holdout': written after the rules were tuned and never used to tune them. */
  split?: string;
}

const stories = readJsonl<LabeledStory>('topics');
type Split = 'tuning' | 'holdout' | 'holdout2';

function asArticle(s: Pick<LabeledStory, 'lang' | 'category' | 'headline' | 'lead' | 'body'>): TaggableArticle {
  return { language: s.lang, category: s.category, tags: [], headline: s.headline, lead: s.lead, body: { text: s.body, html: '' } };
}

/** Micro-averaged precision and recall; gold and predicted codes both include broader topics. */
function score(onlyTopLevel: boolean, split: Split): { precision: number; recall: number; misses: string[] } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  const keep = (c: string): boolean => !onlyTopLevel || MEDIA_TOPIC_BY_CODE.get(c)?.broader === null;
  for (const s of stories.filter((x) => (x.split ?? 'tuning') === split)) {
    const gold = new Set(s.codes.flatMap((c) => [c, ...broaderTopics(c)]).filter(keep));
    const got = new Set(tagSubjects(asArticle(s)).map((t) => t.code).filter(keep));
    for (const c of got) {
      if (gold.has(c)) tp += 1;
      else {
        fp += 1;
        misses.push(`${s.id} extra ${c}`);
      }
    }
    for (const c of gold) {
      if (!got.has(c)) {
        fn += 1;
        misses.push(`${s.id} missing ${c}`);
      }
    }
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn), misses };
}

describe('Media Topics vocabulary', () => {
  it('has the 17 IPTC top-level topics', () => {
    const top = MEDIA_TOPICS.filter((t) => t.broader === null).map((t) => t.code);
    const expected = Array.from({ length: 17 }, (_, i) => `medtop:${String(i + 1).padStart(2, '0')}000000`);
    expect(top.sort()).toEqual(expected);
  });

  it('has at least 60 second-level topics, each under a top-level topic', () => {
    const second = MEDIA_TOPICS.filter((t) => t.broader !== null && MEDIA_TOPIC_BY_CODE.get(t.broader)?.broader === null);
    expect(second.length).toBeGreaterThanOrEqual(60);
  });

  it('has well-formed unique codes, known broader topics and both label languages', () => {
    expect(new Set(MEDIA_TOPICS.map((t) => t.code)).size).toBe(MEDIA_TOPICS.length);
    for (const t of MEDIA_TOPICS) {
      expect(t.code).toMatch(/^medtop:\d{8}$/);
      expect(t.broader === null || MEDIA_TOPIC_BY_CODE.has(t.broader), t.code).toBe(true);
      expect(t.labels.en).toBe(t.name);
      expect(t.labels.vi.length).toBeGreaterThan(0);
    }
  });

  it('rules and the category map only name codes of the vocabulary', () => {
    for (const rule of TOPIC_RULES) expect(MEDIA_TOPIC_BY_CODE.has(`medtop:${rule.code}`), rule.code).toBe(true);
    for (const [label, topics] of DEFAULT_CATEGORY_MAP) {
      for (const { code } of topics) expect(MEDIA_TOPIC_BY_CODE.has(code), `${label} → ${code}`).toBe(true);
    }
  });

  it('maps every section label named in the spec', () => {
    for (const label of ['Hội nhập', 'Thời sự', 'Kinh tế', 'Thể thao', 'Politics', 'Thế giới', 'Xã hội', 'Văn hóa', 'Giáo dục', 'Y tế', 'Pháp luật', 'Môi trường', 'Khoa học - Công nghệ']) {
      expect(DEFAULT_CATEGORY_MAP.get(label)?.length, label).toBeGreaterThan(0);
    }
  });
});

describe('tagSubjects on the labeled stories (test/fixtures/topics)', () => {
  it('has at least 80 stories in vi, en and fr', () => {
    expect(stories.length).toBeGreaterThanOrEqual(80);
    expect(new Set(stories.map((s) => s.lang))).toEqual(new Set(['vi', 'en', 'fr']));
  });

  // Thresholds sit just under the figures measured in docs/quality/translate-tag.md, so a change
  // that makes tagging worse fails here. The held-out stories were scored once, before any rule
  // was changed after writing them; their lower bar is what the rules really do on unseen copy.
  const thresholds: [string, boolean, Split, number, number][] = [
    ['all codes, tuning stories', false, 'tuning', 0.85, 0.85],
    ['top-level codes, tuning stories', true, 'tuning', 0.9, 0.93],
    ['all codes, held-out stories', false, 'holdout', 0.8, 0.65],
    ['top-level codes, held-out stories', true, 'holdout', 0.85, 0.75],
    ['all codes, second held-out set', false, 'holdout2', 0.8, 0.7],
    ['top-level codes, second held-out set', true, 'holdout2', 0.8, 0.8],
  ];
  it.each(thresholds)('%s: precision and recall reach their thresholds', (_name, top, split, minP, minR) => {
    const { precision, recall, misses } = score(top, split);
    expect(precision, misses.join('\n')).toBeGreaterThanOrEqual(minP);
    expect(recall, misses.join('\n')).toBeGreaterThanOrEqual(minR);
  });

  it('has at least 15 stories in each held-out set', () => {
    expect(stories.filter((s) => s.split === 'holdout').length).toBeGreaterThanOrEqual(15);
    expect(stories.filter((s) => s.split === 'holdout2').length).toBeGreaterThanOrEqual(15);
  });

  it.each(stories.map((s) => [s.id, s] as const))('%s: every topic has a reason and its broader topics', (_, s) => {
    const explained = explainSubjects(asArticle(s));
    const codes = new Set(explained.map((e) => e.code));
    for (const e of explained) {
      expect(e.reasons.length).toBeGreaterThan(0);
      expect(e.confidence).toBeGreaterThanOrEqual(0.5);
      expect(e.confidence).toBeLessThanOrEqual(1);
      for (const b of broaderTopics(e.code)) expect(codes).toContain(b);
    }
  });
});

describe('tagSubjects rules', () => {
  const base: TaggableArticle = { language: 'vi', category: null, tags: [], headline: '', lead: null, body: { text: '', html: '' } };

  it('gives nothing, and does not throw, for an empty story', () => {
    expect(tagSubjects(base)).toEqual([]);
  });

  it('throws only a PermanentError for a malformed article', () => {
    expect(() => tagSubjects({ headline: 'x' } as unknown as TaggableArticle)).toThrow(PermanentError);
    expect(() => explainSubjects(null as unknown as TaggableArticle)).toThrow(PermanentError);
  });

  it('matches Vietnamese keywords whatever the tone-mark placement', () => {
    const a = tagSubjects({ ...base, headline: 'Các bên nhất trí nối lại hòa đàm, tiến tới ngừng bắn' });
    const b = tagSubjects({ ...base, headline: 'Các bên nhất trí nối lại hoà đàm, tiến tới ngừng bắn' });
    expect(a).toEqual(b);
    expect(a.map((s) => s.code)).toContain('medtop:20000073');
  });

  it('maps a section label alone, with labels in English and Vietnamese', () => {
    const [sport] = tagSubjects({ ...base, category: 'Thể thao', headline: 'Kết quả ngày thi đấu thứ ba' });
    expect(sport).toMatchObject({ code: 'medtop:15000000', name: 'sport', labels: { en: 'sport', vi: 'thể thao' } });
    expect(sport!.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it("lets a source's categoryMap override the default map for its labels", () => {
    const story = { ...base, category: 'Hội nhập', headline: 'Tin hoạt động trong ngày' };
    expect(tagSubjects(story).map((s) => s.code)).toContain('medtop:20000638');
    const own = tagSubjects(story, { categoryMap: { 'Hội nhập': ['20000373'] } }).map((s) => s.code);
    expect(own).toContain('medtop:20000373');
    expect(own).toContain('medtop:04000000');
    expect(own).not.toContain('medtop:20000638');
  });

  it('matches acronyms only as written: French "un" is not the UN', () => {
    const fr = tagSubjects({ ...base, language: 'fr', headline: 'Un incendie dans un immeuble, un blessé' }).map((s) => s.code);
    expect(fr).not.toContain('medtop:20000638');
    const en = tagSubjects({ ...base, language: 'en', headline: 'UN Security Council meets on Gaza' }).map((s) => s.code);
    expect(en).toContain('medtop:20000638');
  });

  it('does not read topics into ministry names quoted as sources', () => {
    expect(NEUTRAL_PHRASES).toContain('Sở Tài nguyên và Môi trường');
    const codes = tagSubjects({ ...base, headline: 'Giám đốc Sở Tài nguyên và Môi trường tiếp công dân' }).map((s) => s.code);
    expect(codes).not.toContain('medtop:20000430');
    expect(codes).not.toContain('medtop:06000000');
  });

  it('lets the longest phrase win: "bệnh viện" (hospital) is not "bệnh" (disease)', () => {
    const codes = tagSubjects({ ...base, headline: 'Khánh thành bệnh viện đa khoa tỉnh' }).map((s) => s.code);
    expect(codes).toContain('medtop:20000461');
    expect(codes).not.toContain('medtop:20000446');
  });

  it('uses only the story language keywords when the language is known', () => {
    // "ban" is an English sport keyword and a Vietnamese word ("Ban tổ chức" = organising committee).
    const headline = 'Ban tổ chức công bố lịch trình';
    expect(tagSubjects({ ...base, headline }).map((s) => s.code)).not.toContain('medtop:20001103');
    expect(tagSubjects({ ...base, language: 'und', headline }).map((s) => s.code)).toContain('medtop:20001103');
  });

  // One-word English keywords whose plural is not a keyword of its own.
  const singularOnly = TOPIC_RULES.flatMap((r) => r.en).filter(
    (k) => /^[a-z]{3,}$/.test(k) && !TOPIC_RULES.some((r) => r.en.includes(`${k}s`)),
  );

  it('reads an English plural as its singular keyword, and as the whole word it is', () => {
    expect(singularOnly.length).toBeGreaterThan(10);
    for (const keyword of singularOnly.slice(0, 40)) {
      const reasons = explainSubjects({ ...base, language: 'en', headline: `Officials review the ${keyword}s today` }).flatMap((s) => s.reasons);
      expect(reasons, keyword).toContain(`keyword "${keyword}" in headline`);
    }
  });

  it('does not read a plural into a phrase of several words', () => {
    const phrase = TOPIC_RULES.flatMap((r) => r.en).find((k) => /^[a-z]+ [a-z]+$/.test(k) && !TOPIC_RULES.some((r) => r.en.includes(k.split(' ')[0]!)))!;
    const reasons = explainSubjects({ ...base, language: 'en', headline: `Officials review ${phrase}s today` }, { minConfidence: 0 }).flatMap((s) => s.reasons);
    expect(reasons.some((r) => r.includes(`"${phrase}"`))).toBe(false);
    // The same phrase written as it is still counts, so the headline above was a fair test.
    const exact = explainSubjects({ ...base, language: 'en', headline: `Officials review ${phrase} today` }, { minConfidence: 0 }).flatMap((s) => s.reasons);
    expect(exact).toContain(`keyword "${phrase}" in headline`);
  });

  it('finds acronyms after capitalised words and single capitals, and not inside longer runs', () => {
    const reasons = (headline: string): string[] => explainSubjects({ ...base, language: 'en', headline }, { minConfidence: 0 }).flatMap((s) => s.reasons);
    expect(reasons('A UN team and I met in Geneva')).toContain('keyword "UN" in headline');
    expect(reasons('UN')).toContain('keyword "UN" in headline');
    expect(reasons('X-UN and UNX and UN-X and 2UN')).not.toContain('keyword "UN" in headline');
  });
});
