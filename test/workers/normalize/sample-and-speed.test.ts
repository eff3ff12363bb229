import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RawItemSchema } from '../../../src/shared/raw-item.js';
import { normalize, readRawItem } from '../../../src/workers/normalize/index.js';
import { FIXTURE_ROOT, testContext } from './fixtures.js';

// The agency's own sample lives in shared/ beside the repository (locally and in CI).
const SAMPLE = join(FIXTURE_ROOT, '../../../../shared/samples/wire-vi-hagiang.txt');

describe.skipIf(!existsSync(SAMPLE))('normalize: the agency sample (shared/samples/wire-vi-hagiang.txt)', () => {
  it('reads it as the brief describes', async () => {
    const raw = RawItemSchema.parse({
      sourceId: 'ttxvn',
      format: 'wire-text',
      identity: 'sample',
      content: readFileSync(SAMPLE, 'utf8'),
      published: '2023-08-02T16:00:00+07:00',
      receivedAt: '2023-08-02T09:05:00Z',
    });
    const a = await normalize(raw, testContext());
    expect(a).toMatchObject({
      category: 'Hội nhập',
      tags: ['Hội nhập'],
      headline: 'Bồi dưỡng đội ngũ làm công tác thông tin đối ngoại tại khu vực miền núi, biên giới',
      dateline: { place: 'Hà Giang', date: '2023-08-02', agency: 'TTXVN', raw: 'TTXVN - Ngày 2/8,' },
      byline: ['Minh Tâm'],
      credits: [{ role: 'photo', name: 'Minh Tâm', agency: 'TTXVN', caption: 'Các đại biểu dự tập huấn.' }],
    });
    expect(a!.lead).toMatch(/^Công tác thông tin đối ngoại là nhiệm vụ của cả hệ thống chính trị/u);
    expect(a!.body.text).toMatch(/^tỉnh Hà Giang phối hợp với Cục Thông tin đối ngoại/u);
    expect(a!.body.text).toMatch(/thông tin đối ngoại tại địa phương\.$/u);
    for (const gone of ['Tin liên quan', 'Xem thêm', './.', 'Các đại biểu dự tập huấn', 'TTXVN - Ngày 2/8']) expect(a!.body.text).not.toContain(gone);
    expect(a!.body.text.split('\n\n')).toHaveLength(6);
  });
});

describe('normalize: speed', () => {
  it('reads a 600-word story in well under a few milliseconds of CPU', () => {
    const paragraph = readFileSync(join(FIXTURE_ROOT, 'text/vi-agency-date-laocai.txt'), 'utf8').split('\n\n')[4]!;
    const body = Array.from({ length: 12 }, () => paragraph).join('\n\n');
    const copy = `Kinh tế\n\nTiêu đề thử nghiệm tốc độ\n\nLào Cai\n\nTTXVN - Ngày 14/3, ${body}./.\n\nQuốc Khánh\n\nTin liên quan`;
    expect(copy.split(/\s+/u).length).toBeGreaterThan(600);
    const raw = RawItemSchema.parse({ sourceId: 'ttxvn', format: 'wire-text', identity: 'speed', content: copy, receivedAt: '2025-03-14T02:00:00Z' });
    for (let i = 0; i < 50; i++) readRawItem(raw);
    const runs = 200;
    const start = process.cpuUsage();
    for (let i = 0; i < runs; i++) readRawItem(raw);
    const used = process.cpuUsage(start);
    const msPerStory = (used.user + used.system) / 1000 / runs;
    // Budget 1 ms; the bound is loose because CI machines are shared and noisy.
    expect(msPerStory).toBeLessThan(3);
  });
});
