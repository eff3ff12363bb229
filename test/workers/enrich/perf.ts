/**
 * Measures enrichArticle on ~600-word stories (Vietnamese, built from the labeled fixtures).
 * Run: npx tsx test/workers/enrich/perf.ts — prints JSON with the median (wall and CPU) and p95 in ms.
 */
import { performance } from 'node:perf_hooks';
import type { Article } from '../../../src/shared/article.js';
import { countWords } from '../../../src/workers/enrich/word-count.js';
import { enrichArticle } from '../../../src/workers/enrich/index.js';
import { articleFrom, loadGoldStories } from './fixtures.js';

const TARGET_WORDS = 600;
const vi = loadGoldStories().filter((s) => s.language === 'vi');
/** One ~600-word story per starting fixture: its text followed by the next ones' until long enough. */
const articles: Article[] = vi.map((s, i) => {
  const paras: string[] = [];
  for (let k = i; countWords(paras.join(' ')) < TARGET_WORDS; k++) {
    const next = vi[k % vi.length];
    if (!next) break;
    paras.push(...next.body.split('\n\n'));
  }
  return articleFrom({ headline: s.headline, lead: s.lead, body: paras.join('\n\n') });
});
const words = articles.map((a) => countWords(`${a.headline} ${a.lead ?? ''} ${a.body.text}`));

for (let i = 0; i < 200; i++) enrichArticle(articles[i % articles.length] as Article);
const times: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < 3000; i++) {
  const a = articles[i % articles.length] as Article;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  enrichArticle(a);
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
cpu.sort((x, y) => x - y);
times.sort((x, y) => x - y);
const at = (q: number): number => times[Math.floor(q * (times.length - 1))] ?? Number.NaN;
console.log(JSON.stringify({
  scenario: 'enrich-600-words',
  stories: articles.length,
  meanWords: Math.round(words.reduce((x, y) => x + y, 0) / words.length),
  runs: times.length,
  medianMs: Number(at(0.5).toFixed(3)),
  // CPU time is what the stage costs; wall time also counts waiting for a CPU on a loaded host.
  medianCpuMs: Number((cpu[Math.floor(cpu.length / 2)] ?? Number.NaN).toFixed(3)),
  p95Ms: Number(at(0.95).toFixed(3)),
}));
