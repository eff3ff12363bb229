/** Loads the labeled JSONL sets under test/fixtures/ for the translate-tag tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface LabeledText {
  text: string;
  lang: string;
  kind: 'label' | 'headline' | 'body' | 'mixed';
  diacritics?: boolean;
  secondary?: { lang: string; share: number };
}

/** Every record of every *.jsonl file in a fixtures folder, with the file it came from. */
export function readJsonl<T>(folder: string): (T & { file: string })[] {
  const dir = resolve(import.meta.dirname, '../../fixtures', folder);
  const out: (T & { file: string })[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.trim() !== '') out.push({ ...(JSON.parse(line) as T), file });
    }
  }
  return out;
}
