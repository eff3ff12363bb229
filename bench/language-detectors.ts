/**
 * Compares language detectors on the labeled set in test/fixtures/language/*.jsonl: accuracy per
 * kind of text, throughput (texts/s) and start-up time (import + first answer). Each candidate
 * runs in its own child process so start-up times and memory do not leak into each other.
 * Candidates whose package is not installed (cld, franc, tinyld are not dependencies) are
 * reported as skipped.
 *
 *   node --import tsx bench/language-detectors.ts [--markdown] [--only name,name]
 *   node --import tsx bench/language-detectors.ts --markdown-from results.json
 *
 * Prints one JSON object (or a Markdown table with --markdown). Start-up times include tsx
 * compiling the TypeScript candidates; compare them within one run only, machines are noisy.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface LabeledText {
  text: string;
  lang: string;
  kind: 'label' | 'headline' | 'body' | 'mixed';
  diacritics?: boolean;
  secondary?: { lang: string; share: number };
  /** 'holdout': written after the detector was tuned, never used to tune it. */
  split?: string;
}

interface Answer {
  lang: string;
  secondary?: { lang: string; share: number } | undefined;
}

type Detector = (text: string) => Answer | Promise<Answer>;

interface CandidateResult {
  name: string;
  skipped?: string;
  startupMs?: number;
  textsPerSecond?: number;
  accuracy?: Record<string, { correct: number; total: number; rate: number }>;
  errors?: { text: string; gold: string; got: string }[];
}

const FIXTURES = resolve('test/fixtures/language');
const SERVED = ['vi', 'en', 'fr', 'es', 'ru', 'zh', 'lo', 'km'];
// ISO 639-3 → 639-1 for franc.
const ISO3: Record<string, string> = {
  vie: 'vi', eng: 'en', fra: 'fr', spa: 'es', rus: 'ru', cmn: 'zh', lao: 'lo', khm: 'km',
};

function loadFixtures(): LabeledText[] {
  const out: LabeledText[] = [];
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(FIXTURES, file), 'utf8').split('\n')) {
      if (line.trim() !== '') out.push(JSON.parse(line) as LabeledText);
    }
  }
  return out;
}

/** A module specifier held in a variable so tsc does not require optional packages to exist. */
async function importOptional(name: string): Promise<Record<string, unknown>> {
  const specifier: string = name;
  return (await import(specifier)) as Record<string, unknown>;
}

// Zh variants (zh-Hant, zh-TW) all count as zh.
function base(lang: string): string {
  return lang.split(/[-_]/)[0]!.toLowerCase();
}

const CANDIDATES: Record<string, () => Promise<Detector>> = {
  /** Production: script and Vietnamese rules, function-word votes, eld 'medium'. */
  async wirepipe() {
    const { detectLanguage } = await import('../src/workers/translate-tag/detect-language.js');
    return (text) => detectLanguage(text);
  },
  async 'rules+eld-large'() {
    const { createLanguageDetector } = await import('../src/workers/translate-tag/language-detector.js');
    const { eldScorer } = await import('../src/workers/translate-tag/eld-scorer.js');
    const { eld } = await import('eld/large');
    return createLanguageDetector(eldScorer(eld));
  },
  async 'rules+eld-small'() {
    // Also loads 'medium' (eld-scorer's production scorer), so its start-up time is not its own.
    const { createLanguageDetector } = await import('../src/workers/translate-tag/language-detector.js');
    const { eldScorer } = await import('../src/workers/translate-tag/eld-scorer.js');
    const { eld } = await import('eld/small');
    return createLanguageDetector(eldScorer(eld));
  },
  async 'eld-large'() {
    const { eld } = await import('eld/large');
    return (text) => ({ lang: eld.detect(text).language || 'und' });
  },
  async 'eld-large-served'() {
    const { eld } = await import('eld/large');
    const detector = eld.newInstance();
    detector.setLanguageSubset(SERVED.filter((l) => l !== 'km'));
    return (text) => ({ lang: detector.detect(text).language || 'und' });
  },
  async 'eld-medium'() {
    const { eld } = await import('eld/medium');
    return (text) => ({ lang: eld.detect(text).language || 'und' });
  },
  async 'cld-bestEffort'() {
    const mod = await importOptional('cld');
    const cld = (mod.default ?? mod) as {
      detect(text: string, options: { bestEffort: boolean }): Promise<{ languages: { code: string; percent: number }[] }>;
    };
    return async (text) => {
      try {
        const r = await cld.detect(text, { bestEffort: true });
        const [first, second] = r.languages;
        return {
          lang: first ? base(first.code) : 'und',
          secondary: second ? { lang: base(second.code), share: second.percent / 100 } : undefined,
        };
      } catch {
        return { lang: 'und' };
      }
    };
  },
  async 'franc-served'() {
    const { franc } = (await importOptional('franc')) as { franc: (t: string, o: { only: string[]; minLength: number }) => string };
    const only = Object.keys(ISO3);
    return (text) => ({ lang: ISO3[franc(text, { only, minLength: 1 })] ?? 'und' });
  },
  async tinyld() {
    const { detect } = (await importOptional('tinyld')) as { detect: (t: string) => string };
    return (text) => ({ lang: detect(text) || 'und' });
  },
};

function bucketOf(t: LabeledText): string {
  if (t.diacritics === false) return `vi-no-diacritics-${t.kind}`;
  return t.kind;
}

async function runCandidate(name: string): Promise<CandidateResult> {
  const factory = CANDIDATES[name];
  if (factory === undefined) return { name, skipped: 'unknown candidate' };
  const texts = loadFixtures();
  const t0 = performance.now();
  let detect: Detector;
  try {
    detect = await factory();
    await detect('Khởi động');
  } catch (err) {
    return { name, skipped: `not available: ${(err as Error).message.split('\n')[0]}` };
  }
  const startupMs = performance.now() - t0;

  const accuracy: Record<string, { correct: number; total: number; rate: number }> = {};
  const errors: { text: string; gold: string; got: string }[] = [];
  const count = (bucket: string, ok: boolean): void => {
    const a = (accuracy[bucket] ??= { correct: 0, total: 0, rate: 0 });
    a.total += 1;
    if (ok) a.correct += 1;
  };
  for (const t of texts) {
    const got = await detect(t.text);
    const ok = base(got.lang) === t.lang;
    count(bucketOf(t), ok);
    count('all', ok);
    if (t.split === 'holdout') count('holdout', ok);
    if (t.secondary !== undefined) count('mixed-secondary', got.secondary?.lang === t.secondary.lang);
    if (!ok) errors.push({ text: t.text.slice(0, 80), gold: t.lang, got: got.lang });
  }
  for (const a of Object.values(accuracy)) a.rate = Math.round((a.correct / a.total) * 10000) / 10000;

  // Throughput over the whole set, repeated for at least one second.
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < 1000) {
    for (const t of texts) await detect(t.text);
    done += texts.length;
  }
  const textsPerSecond = Math.round(done / ((performance.now() - start) / 1000));
  return { name, startupMs: Math.round(startupMs), textsPerSecond, accuracy, errors };
}

function toMarkdown(results: CandidateResult[]): string {
  const buckets = [
    'label', 'headline', 'body', 'vi-no-diacritics-label', 'vi-no-diacritics-headline',
    'vi-no-diacritics-body', 'mixed', 'mixed-secondary', 'holdout', 'all',
  ];
  const lines = [
    `| candidate | ${buckets.join(' | ')} | texts/s | start-up ms |`,
    `|---|${buckets.map(() => '---:').join('|')}|---:|---:|`,
  ];
  for (const r of results) {
    if (r.skipped !== undefined) {
      lines.push(`| ${r.name} | ${buckets.map(() => '–').join(' | ')} | – | skipped: ${r.skipped} |`);
      continue;
    }
    const cells = buckets.map((b) => {
      const a = r.accuracy?.[b];
      return a === undefined ? '–' : `${(a.rate * 100).toFixed(1)}% (${a.correct}/${a.total})`;
    });
    lines.push(`| ${r.name} | ${cells.join(' | ')} | ${r.textsPerSecond} | ${r.startupMs} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const child = args.indexOf('--candidate');
  if (child !== -1) {
    process.stdout.write(`${JSON.stringify(await runCandidate(args[child + 1] ?? ''))}\n`);
    return;
  }
  const fromArg = args.indexOf('--markdown-from');
  if (fromArg !== -1) {
    const saved = JSON.parse(readFileSync(args[fromArg + 1] ?? '', 'utf8')) as { results: CandidateResult[] };
    process.stdout.write(`${toMarkdown(saved.results)}\n`);
    return;
  }
  const onlyArg = args.indexOf('--only');
  const names = onlyArg !== -1 ? (args[onlyArg + 1] ?? '').split(',') : Object.keys(CANDIDATES);
  const self = fileURLToPath(import.meta.url);
  const results: CandidateResult[] = [];
  for (const name of names) {
    const out = execFileSync(process.execPath, [...process.execArgv, self, '--candidate', name], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    results.push(JSON.parse(out.trim().split('\n').pop()!) as CandidateResult);
  }
  if (args.includes('--markdown')) {
    process.stdout.write(`${toMarkdown(results)}\n`);
  } else {
    process.stdout.write(`${JSON.stringify({ scenario: 'language-detectors', node: process.version, results }, null, 2)}\n`);
  }
}

await main();
