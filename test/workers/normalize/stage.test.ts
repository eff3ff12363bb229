import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ArticleSchema } from '../../../src/shared/article.js';
import { PermanentError } from '../../../src/shared/errors.js';
import { RawItemSchema, type RawItemInput } from '../../../src/shared/raw-item.js';
import type { StageContext } from '../../../src/workers/stage.js';
import { InMemoryDuplicateIndex, normalize, type NormalizeContext } from '../../../src/workers/normalize/index.js';
import { FIXTURE_ROOT } from './fixtures.js';
import { memoryStoryStore } from './memory-story-store.js';
import { MemoryStoryStore } from '../../../src/workers/story-store.js';

const copy = readFileSync(join(FIXTURE_ROOT, 'text/vi-agency-date-laocai.txt'), 'utf8');

function raw(over: Partial<RawItemInput> = {}) {
  return RawItemSchema.parse({
    sourceId: 'ttxvn',
    format: 'wire-text',
    identity: 'wire-0001',
    content: copy,
    published: '2025-03-14T09:30:00+07:00',
    receivedAt: '2025-03-14T02:31:00Z',
    ...over,
  });
}

function ctx(): StageContext {
  return { log: pino({ level: 'silent' }), now: () => new Date('2025-03-14T03:00:00Z'), stories: memoryStoryStore() };
}

async function rejection(p: Promise<unknown>): Promise<PermanentError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PermanentError);
  return err as PermanentError;
}

/** 'ok' for a valid article or a PermanentError; anything else is described. */
async function outcome(p: Promise<unknown>): Promise<string> {
  return p.then(
    (a) => (ArticleSchema.safeParse(a).success ? 'ok' : `invalid article ${JSON.stringify(a)}`),
    (e: unknown) => (e instanceof PermanentError ? 'ok' : `threw ${String(e)}`),
  );
}

describe('normalize: bad input', () => {
  it.each([
    ['empty content, no title', { content: '' }, 'EMPTY_STORY'],
    ['whitespace-only content', { content: ' \n\t\u00A0\n  ' }, 'EMPTY_STORY'],
    ['only boilerplate lines', { content: 'Tin liên quan\n\nXem thêm\n\nChia sẻ' }, 'UNREADABLE_WIRE_COPY'],
    ['only control and zero-width characters', { content: '\u0000\u0007\u200B\uFEFF' }, 'UNREADABLE_WIRE_COPY'],
    ['feed item with neither title nor body', { format: 'feed-item', contentType: 'html', content: '<p> </p><script>x()</script>' }, 'EMPTY_STORY'],
  ] as const)('%s → PermanentError %s', async (_name, over, code) => {
    const err = await rejection(normalize(raw(over as Partial<RawItemInput>), ctx()));
    expect(err.code).toBe(code);
    expect(err.message).toContain('ttxvn');
  });

  it('never throws anything but PermanentError, and otherwise returns a valid article (arbitrary text)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.boolean(), async (content, html) => {
        const item = raw({ content, format: html ? 'feed-item' : 'wire-text', contentType: html ? 'html' : 'text' });
        expect(await outcome(normalize(item, ctx()))).toBe('ok');
      }),
      { numRuns: 300 },
    );
  });

  it('survives wire-shaped fuzz: random mixes of datelines, captions, bylines and boilerplate lines', async () => {
    const lines = ['Hội nhập', 'Hà Giang', 'TTXVN - Ngày 2/8,', 'Hà Nội (TTXVN) -', '(Ảnh: /TTXVN)', 'Ảnh minh họa:', './.', '/.', 'Tin liên quan', 'Theo TTXVN', 'Minh Tâm', 'Đêm 32/13, ', '(VNA) –', 'Hanoï, 31 février (VNA) –', 'Xem thêm:', ''];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...lines), { maxLength: 14 }), async (picked) => {
        expect(await outcome(normalize(raw({ content: picked.join('\n\n') }), ctx()))).toBe('ok');
      }),
      { numRuns: 300 },
    );
  });
});

describe('normalize: versions', () => {
  it('returns null for an unchanged re-send once the first version was published', async () => {
    const c = ctx();
    const first = await normalize(raw(), c);
    expect(first?.version).toBe(1);
    await c.stories.markPublished(first!.id, 1);
    expect(await normalize(raw({ receivedAt: '2025-03-14T05:00:00Z' }), c)).toBeNull();
  });

  it('treats a re-send that only moves tone marks ("Hòa" → "Hoà") or whitespace as unchanged', async () => {
    const c = ctx();
    const first = await normalize(raw(), c);
    await c.stories.markPublished(first!.id, 1);
    const retyped = copy.replace(/thủy/g, 'thuỷ').replace(/hòa/g, 'hoà').replace(/\n\n/g, '\r\n\r\n').replace(/ /g, '\u00A0');
    expect(await normalize(raw({ content: retyped }), c)).toBeNull();
  });

  it('gives an edited re-send version 2 of the same id, keeping firstCreated', async () => {
    const c = ctx();
    const v1 = await normalize(raw(), c);
    await c.stories.markPublished(v1!.id, 1);
    const edited = copy.replace('3.200 ha', '3.250 ha');
    const v2 = await normalize(raw({ content: edited, receivedAt: '2025-03-14T06:00:00Z' }), c);
    expect(v2).not.toBeNull();
    expect(v2!.id).toBe(v1!.id);
    expect(v2!.version).toBe(2);
    expect(v2!.firstCreated).toBe(v1!.firstCreated);
    expect(v2!.contentHash).not.toBe(v1!.contentHash);
    expect(Date.parse(v2!.versionCreated)).toBeGreaterThan(Date.parse(v1!.versionCreated));
  });

  it('first seen after an edit, a story keeps its publication time as firstCreated and the edit as versionCreated', async () => {
    const a = await normalize(raw({ published: '2025-05-01T08:00:00Z', updated: '2025-05-01T09:00:00Z' }), ctx());
    expect(a!.version).toBe(1);
    expect(Date.parse(a!.firstCreated)).toBe(Date.parse('2025-05-01T08:00:00Z'));
    expect(Date.parse(a!.versionCreated)).toBe(Date.parse('2025-05-01T09:00:00Z'));
    // A feed whose "updated" comes before "published" still gives the earlier as firstCreated.
    const b = await normalize(raw({ identity: 'wire-0002', published: '2025-05-01T10:00:00Z', updated: '2025-05-01T09:30:00Z' }), ctx());
    expect(Date.parse(b!.firstCreated)).toBe(Date.parse('2025-05-01T09:30:00Z'));
  });

  it('dates an edit "now" when the source left its updated time as it was, and takes a reverted correction back', async () => {
    const c: StageContext = { ...ctx(), stories: new MemoryStoryStore() };
    const v1 = await normalize(raw({ published: '2025-05-01T08:00:00Z', updated: '2025-05-01T09:00:00Z', receivedAt: '2025-05-01T09:01:00Z' }), c);
    await c.stories.markPublished(v1!.id, 1);
    const edited = copy.replace('3.200 ha', '3.250 ha');
    const v2 = await normalize(raw({ content: edited, published: '2025-05-01T08:00:00Z', updated: '2025-05-01T09:00:00Z', receivedAt: '2025-05-01T12:00:00Z' }), c);
    expect(v2!.version).toBe(2);
    expect(Date.parse(v2!.versionCreated)).toBe(Date.parse('2025-05-01T12:00:00Z'));
    await c.stories.markPublished(v1!.id, 2);
    // The source takes the edit back and says so with a later `updated`: the first text is current again.
    const v3 = await normalize(raw({ published: '2025-05-01T08:00:00Z', updated: '2025-05-01T13:00:00Z', receivedAt: '2025-05-01T13:01:00Z' }), c);
    expect(v3!.version).toBe(3);
    expect(v3!.body.text).toBe(v1!.body.text);
    expect(Date.parse(v3!.versionCreated)).toBe(Date.parse('2025-05-01T13:00:00Z'));
  });

  it('a corrected dateline date alone is a new version', async () => {
    const c = ctx();
    const v1 = await normalize(raw(), c);
    await c.stories.markPublished(v1!.id, 1);
    const v2 = await normalize(raw({ content: copy.replace('TTXVN - Ngày 14/3,', 'TTXVN - Ngày 13/3,') }), c);
    expect(v2?.version).toBe(2);
    expect(v2?.dateline.date).toBe('2025-03-13');
  });

  it('derived identities: an edited wire file (new file hash) is version 2 of the same story', async () => {
    const c = ctx();
    const v1 = await normalize(raw({ identity: 'sha256:aaaa', identityDerived: true }), c);
    await c.stories.markPublished(v1!.id, 1);
    const edited = copy.replace('1.150 ha', '1.200 ha').replace('Lào Cai mở rộng', 'Lào Cai mở rộng');
    const v2 = await normalize(raw({ identity: 'sha256:bbbb', identityDerived: true, content: edited }), c);
    expect(v2!.id).toBe(v1!.id);
    expect(v2!.version).toBe(2);
  });

  it('derived identities: another story (other headline) gets another id', async () => {
    const c = ctx();
    const a = await normalize(raw({ identity: 'sha256:aaaa', identityDerived: true }), c);
    const other = readFileSync(join(FIXTURE_ROOT, 'text/vi-no-lead-label-location.txt'), 'utf8');
    const b = await normalize(raw({ identity: 'sha256:cccc', identityDerived: true, content: other }), c);
    expect(b!.id).not.toBe(a!.id);
    expect(b!.version).toBe(1);
  });

  it('source identities: same guid keeps the id even when the headline changes', async () => {
    const c = ctx();
    const a = await normalize(raw(), c);
    const b = await normalize(raw({ content: copy.replace('Lào Cai mở rộng', 'Lào Cai tiếp tục mở rộng') }), c);
    expect(b!.id).toBe(a!.id);
    expect(b!.version).toBe(2);
  });
});

describe('normalize: the article it builds', () => {
  it('fills the provisional and empty fields the later stages own', async () => {
    const a = await normalize(raw({ language: null }), ctx());
    expect(a).toMatchObject({
      language: 'und',
      languageConfidence: 0,
      slug: '',
      wordCount: 0,
      pubStatus: 'usable',
      embargoedUntil: null,
      duplicateOf: null,
      translationOf: null,
      people: [],
      places: [],
      subjects: [],
      keywords: [],
      translations: [],
    });
    expect(a!.summary).toBe(a!.lead);
    expect(a!.uri).toBe(`urn:wirepipe:story:${a!.id}`);
    expect(a!.tags).toEqual(['Kinh tế']);
    expect(a!.body.html.startsWith('<p>Sở Nông nghiệp')).toBe(true);
  });

  it('sets duplicateOf when the context carries a duplicate index and another source sent the story', async () => {
    const index = new InMemoryDuplicateIndex();
    const c: NormalizeContext = { ...ctx(), duplicates: index };
    const a = await normalize(raw(), c);
    const rewritten = copy.replace('TTXVN - Ngày 14/3,', 'Lào Cai (TTXVN) - Ngày 14/3,').replace('Quốc Khánh\n', 'Hồng Nhung\n');
    const b = await normalize(raw({ sourceId: 'bnews', identity: 'bnews-77', content: rewritten }), c);
    expect(a!.duplicateOf).toBeNull();
    expect(b!.duplicateOf).toBe(a!.id);
  });
});
