/**
 * CPU cost of the normalize stage's reading (everything but the story store) per story, for a
 * ~750-word wire story and the same story as feed-item HTML, and of a fingerprint.
 * Run: npx tsx test/workers/normalize/speed-report.ts   (CPU time, so a busy machine adds little)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RawItemSchema } from '../../../src/shared/raw-item.js';
import { fingerprint, readRawItem } from '../../../src/workers/normalize/index.js';
import { FIXTURE_ROOT } from './fixtures.js';

const copy = readFileSync(join(FIXTURE_ROOT, 'text/vi-agency-date-laocai.txt'), 'utf8');
const paragraph = copy.split('\n\n')[4]!;
const body = Array.from({ length: 14 }, () => paragraph);
const wire = `Kinh tế\n\nTiêu đề\n\nLào Cai\n\nTTXVN - Ngày 14/3, ${body.join('\n\n')}./.\n\nQuốc Khánh\n\nTin liên quan`;
const html = `<p>Lào Cai (TTXVN) - Ngày 14/3, ${body.map((p) => `${p}</p>\n<p>`).join('')}Kết thúc./.</p><div class="share">x</div>`;
const words = wire.split(/\s+/u).length;
const items = {
  wire: RawItemSchema.parse({ sourceId: 's', format: 'wire-text', identity: 'w', content: wire, receivedAt: '2025-03-14T02:00:00Z' }),
  html: RawItemSchema.parse({ sourceId: 's', format: 'feed-item', contentType: 'html', title: 'Tiêu đề', identity: 'h', content: html, receivedAt: '2025-03-14T02:00:00Z' }),
};

function cpuMs(f: () => unknown, runs = 1000): number {
  for (let i = 0; i < 100; i++) f();
  const start = process.cpuUsage();
  for (let i = 0; i < runs; i++) f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / runs;
}

const n = readRawItem(items.wire);
const fpInput = { headline: n.headline, lead: n.lead, body: { text: n.bodyText }, dateline: n.parts.dateline };
console.log(JSON.stringify({
  words,
  wireTextMsPerStory: Number(cpuMs(() => readRawItem(items.wire)).toFixed(3)),
  feedHtmlMsPerStory: Number(cpuMs(() => readRawItem(items.html)).toFixed(3)),
  fingerprintMs: Number(cpuMs(() => fingerprint(fpInput)).toFixed(3)),
}));
