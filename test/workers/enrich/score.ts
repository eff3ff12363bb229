/**
 * Precision / recall / F1 of extracted entities against gold labels. Names are compared
 * tone-placement-insensitively (NFC, case-folded); an organisation matches when its name or
 * abbreviation equals the gold name or abbreviation.
 */
import type { Article } from '../../../src/shared/article.js';
import { phraseKey } from '../../../src/workers/enrich/fold.js';
import type { GoldStory } from './fixtures.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface TypeScore extends Counts {
  precision: number;
  recall: number;
  f1: number;
}
export interface Report {
  people: TypeScore;
  organisations: TypeScore;
  places: TypeScore;
  /** Matched people whose role equals the gold role (both null counts). */
  roleAccuracy: number;
  /** Matched places whose code equals the gold code. */
  placeCodeAccuracy: number;
  errors: string[];
}

const key = (s: string | null | undefined): string => (s ? phraseKey(s) : '');

function match<P, G>(pred: readonly P[], gold: readonly G[], same: (p: P, g: G) => boolean): { pairs: [P, G][]; fp: P[]; fn: G[] } {
  const used = new Set<number>();
  const pairs: [P, G][] = [];
  const fn: G[] = [];
  for (const g of gold) {
    const i = pred.findIndex((p, k) => !used.has(k) && same(p, g));
    if (i >= 0) {
      used.add(i);
      pairs.push([pred[i] as P, g]);
    } else fn.push(g);
  }
  return { pairs, fp: pred.filter((_, k) => !used.has(k)), fn };
}

function finish(c: Counts): TypeScore {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

/** Scores `results[i]` against `stories[i]`, micro-averaged over all stories. */
export function score(stories: readonly GoldStory[], results: readonly Pick<Article, 'people' | 'organisations' | 'places'>[]): Report {
  const c = { people: { tp: 0, fp: 0, fn: 0 }, organisations: { tp: 0, fp: 0, fn: 0 }, places: { tp: 0, fp: 0, fn: 0 } };
  let roleOk = 0;
  let roleAll = 0;
  let codeOk = 0;
  let codeAll = 0;
  const errors: string[] = [];
  stories.forEach((s, i) => {
    const r = results[i];
    if (!r) return;
    const people = match(r.people, s.gold.people, (p, g) => key(p.name) === key(g.name));
    const orgs = match(r.organisations, s.gold.organisations, (p, g) => {
      const pk = [key(p.name), key(p.abbreviation)].filter(Boolean);
      const gk = [key(g.name), key(g.abbreviation)].filter(Boolean);
      return key(p.name) === key(g.name) || (pk.some((x) => gk.includes(x)) && (p.abbreviation !== null || g.abbreviation !== null));
    });
    const places = match(r.places, s.gold.places, (p, g) => key(p.name) === key(g.name));
    for (const [name, m] of [['people', people], ['organisations', orgs], ['places', places]] as const) {
      c[name].tp += m.pairs.length;
      c[name].fp += m.fp.length;
      c[name].fn += m.fn.length;
      for (const p of m.fp) errors.push(`${s.id} ${name} FP ${JSON.stringify(p)}`);
      for (const g of m.fn) errors.push(`${s.id} ${name} FN ${JSON.stringify(g)}`);
    }
    for (const [p, g] of people.pairs) {
      roleAll++;
      if (key(p.role) === key(g.role)) roleOk++;
      else errors.push(`${s.id} role ${p.name}: got ${JSON.stringify(p.role)} want ${JSON.stringify(g.role)}`);
    }
    for (const [p, g] of places.pairs) {
      codeAll++;
      if (p.code === g.code) codeOk++;
      else errors.push(`${s.id} code ${p.name}: got ${p.code} want ${g.code}`);
    }
  });
  return {
    people: finish(c.people),
    organisations: finish(c.organisations),
    places: finish(c.places),
    roleAccuracy: roleAll ? roleOk / roleAll : 1,
    placeCodeAccuracy: codeAll ? codeOk / codeAll : 1,
    errors,
  };
}
