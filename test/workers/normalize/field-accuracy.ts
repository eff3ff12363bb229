/**
 * Per-field accuracy of the normalize stage on the wire fixtures: prints a Markdown table (the
 * one in docs/quality/normalize.md). Run: npx tsx test/workers/normalize/field-accuracy.ts [dir…]
 * where each dir is under test/fixtures/wire (default: text html).
 */
import { fieldResults, loadFixtures, normalizeFixture } from './fixtures.js';

const kinds = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['text', 'html', 'blind'];
const totals = new Map<string, { right: number; total: number; wrong: string[] }>();
let fixtures = 0;
for (const kind of kinds) {
  for (const f of loadFixtures(kind)) {
    fixtures++;
    let results: Record<string, boolean>;
    try {
      results = fieldResults(await normalizeFixture(f), f.expected);
    } catch (err) {
      results = Object.fromEntries(Object.keys(fieldResults({ body: { text: '', html: '' }, dateline: {} } as never, f.expected)).map((k) => [k, false]));
      console.error(`${f.name}: ${String(err)}`);
    }
    for (const [field, ok] of Object.entries(results)) {
      const t = totals.get(field) ?? { right: 0, total: 0, wrong: [] };
      t.total++;
      if (ok) t.right++;
      else t.wrong.push(f.name);
      totals.set(field, t);
    }
  }
}
console.log(`${fixtures} fixtures (${kinds.join(', ')})\n`);
console.log('| field | right | accuracy | wrong in |');
console.log('|---|---|---|---|');
for (const [field, t] of totals) {
  console.log(`| ${field} | ${t.right}/${t.total} | ${((100 * t.right) / t.total).toFixed(1)}% | ${t.wrong.join(', ') || '—'} |`);
}
