/**
 * The labeled near-duplicate pairs (test/fixtures/wire/pairs/*): each side read by the normalize
 * stage, fingerprinted and scored. Shared by the pairs test and the report script.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RawItemSchema } from '../../../src/shared/raw-item.js';
import { fingerprint, readRawItem, similarity } from '../../../src/workers/normalize/index.js';
import { textSimilarity, DUPLICATE_THRESHOLD } from '../../../src/workers/normalize/fingerprint.js';
import { FIXTURE_ROOT } from './fixtures.js';

/** duplicate = same story (update, rewrite, re-send); translation; different = look-alike. */
export type PairLabel = 'duplicate' | 'translation' | 'different';

interface Side {
  file: string;
  published: string;
}

/** A labeled pair with its score. */
export interface ScoredPair {
  name: string;
  label: PairLabel;
  kind: string;
  /** Written after the weights and threshold were frozen: an honest estimate. */
  heldOut: boolean;
  score: number;
  text: number;
  predictedDuplicate: boolean;
}

function fingerprintOf(dir: string, side: Side) {
  const path = join(dir, side.file);
  const raw = RawItemSchema.parse({
    sourceId: 'pairs',
    format: 'wire-text',
    identity: path,
    content: readFileSync(path, 'utf8'),
    published: side.published,
    receivedAt: side.published,
  });
  const n = readRawItem(raw);
  return fingerprint({ headline: n.headline, lead: n.lead, body: { text: n.bodyText }, dateline: n.parts.dateline });
}

/** Every labeled pair with its similarity score and the duplicate decision at the threshold. */
export function scorePairs(threshold = DUPLICATE_THRESHOLD): ScoredPair[] {
  const root = join(FIXTURE_ROOT, 'pairs');
  return readdirSync(root)
    .sort()
    .map((name) => {
      const dir = join(root, name);
      const spec = JSON.parse(readFileSync(join(dir, 'pair.json'), 'utf8')) as { label: PairLabel; kind: string; heldOut?: boolean; a: Side; b: Side };
      const a = fingerprintOf(dir, spec.a);
      const b = fingerprintOf(dir, spec.b);
      const score = similarity(a, b);
      return { name, label: spec.label, kind: spec.kind, heldOut: spec.heldOut === true, score, text: textSimilarity(a, b), predictedDuplicate: score >= threshold };
    });
}

/** Precision and recall of "duplicate" decisions (translations count as not-duplicate). */
export function precisionRecall(pairs: ScoredPair[]): { precision: number; recall: number; tp: number; fp: number; fn: number } {
  const tp = pairs.filter((p) => p.predictedDuplicate && p.label === 'duplicate').length;
  const fp = pairs.filter((p) => p.predictedDuplicate && p.label !== 'duplicate').length;
  const fn = pairs.filter((p) => !p.predictedDuplicate && p.label === 'duplicate').length;
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), tp, fp, fn };
}

