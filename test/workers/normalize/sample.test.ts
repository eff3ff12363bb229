import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RawItemSchema } from '../../../src/shared/raw-item.js';
import { normalize } from '../../../src/workers/normalize/index.js';
import { FIXTURE_ROOT, testContext } from './fixtures.js';

// The agency's own sample, copied into the project's fixtures (see wire-samples/README.md).
const SAMPLE = join(FIXTURE_ROOT, '../wire-samples/wire-vi-hagiang.txt');

describe('normalize: the agency sample (test/fixtures/wire-samples/wire-vi-hagiang.txt)', () => {
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

// Speed is measured by the benchmark (`npm run bench`, stage-cost scenario), not by timed tests.
