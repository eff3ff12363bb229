/**
 * Prints the enrich quality table (precision / recall / F1 per entity type) over the labeled
 * fixtures. Run: npx tsx test/workers/enrich/quality-report.ts [--errors] [--only=vi-55,en-19,...]
 * `--only` keeps the stories whose id starts with one of the given prefixes, so a new batch can be
 * scored on its own on first contact.
 */
import { extractEntities } from '../../../src/workers/enrich/extract.js';
import { articleForStory, loadGoldStories } from './fixtures.js';
import { score } from './score.js';

const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const prefixes = onlyArg ? onlyArg.slice('--only='.length).split(',').map((p) => p.trim()).filter(Boolean) : [];
const stories = loadGoldStories().filter((s) => prefixes.length === 0 || prefixes.some((p) => s.id.startsWith(p)));
if (stories.length === 0) {
  console.error(`no story matches ${onlyArg ?? ''}`);
  process.exit(1);
}
const langs = ['all', ...new Set(stories.map((s) => s.language))];
const pct = (x: number): string => x.toFixed(3);
console.log(`| subset | stories | type | TP | FP | FN | precision | recall | F1 |`);
console.log(`|---|---|---|---|---|---|---|---|---|`);
for (const lang of langs) {
  const subset = stories.filter((s) => lang === 'all' || s.language === lang);
  const r = score(subset, subset.map((s) => extractEntities(articleForStory(s))));
  for (const t of ['people', 'organisations', 'places'] as const) {
    const x = r[t];
    console.log(`| ${lang} | ${subset.length} | ${t} | ${x.tp} | ${x.fp} | ${x.fn} | ${pct(x.precision)} | ${pct(x.recall)} | ${pct(x.f1)} |`);
  }
  if (lang === 'all') {
    console.log(`\nrole accuracy (matched people): ${pct(r.roleAccuracy)}; place code accuracy (matched places): ${pct(r.placeCodeAccuracy)}\n`);
    if (process.argv.includes('--errors')) for (const e of r.errors) console.log(e);
    console.log('');
  }
}
