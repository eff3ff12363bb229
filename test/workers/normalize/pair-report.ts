/**
 * Prints the near-duplicate scores of the labeled pairs and precision/recall at the threshold.
 * Run: npx tsx test/workers/normalize/pair-report.ts
 */
import { DUPLICATE_THRESHOLD } from '../../../src/workers/normalize/fingerprint.js';
import { precisionRecall, scorePairs } from './pairs.js';

const pairs = scorePairs();
console.log('| pair | label | kind | held out | shingle sim. | score | flagged duplicate |');
console.log('|---|---|---|---|---|---|---|');
for (const p of pairs) console.log(`| ${p.name} | ${p.label} | ${p.kind} | ${p.heldOut ? 'yes' : ''} | ${p.text.toFixed(2)} | ${p.score.toFixed(2)} | ${p.predictedDuplicate ? 'yes' : 'no'} |`);
for (const [name, subset] of [['all', pairs], ['tuning', pairs.filter((p) => !p.heldOut)], ['held out', pairs.filter((p) => p.heldOut)]] as const) {
  const pr = precisionRecall(subset);
  console.log(`${name}: ${subset.length} pairs; threshold ${DUPLICATE_THRESHOLD}: precision ${pr.precision.toFixed(2)} (${pr.tp}/${pr.tp + pr.fp}), recall ${pr.recall.toFixed(2)} (${pr.tp}/${pr.tp + pr.fn})`);
}
console.log('all pairs by threshold:');
for (const t of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) {
  const x = precisionRecall(scorePairs(t));
  console.log(`  at ${t}: precision ${x.precision.toFixed(2)}, recall ${x.recall.toFixed(2)}`);
}
