/**
 * Sample stories for load: every fixture that exists when the bench starts (wire copy and feeds),
 * turned into RawItems once, then cycled with variations (identity, a number in the headline and
 * in the body) so each generated item is a new story that no dedup step drops.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { storyId } from '../../src/shared/ids.js';
import type { RawItem } from '../../src/shared/raw-item.js';
import { silentLogger } from '../../src/shared/logger.js';
import { documentToRawItems } from '../../src/producers/sniff.js';
import { runStages } from '../../src/workers/run-stages.js';
import { OFFLINE_STAGES, createStages } from '../../src/workers/stages.js';
import { MemoryStoryStore } from '../../src/workers/story-store.js';
import { repoRoot } from './root.js';

/** Folders (relative to the repository) whose files are sample stories. */
export const FIXTURE_DIRS = ['samples/wire', 'samples/feeds', 'test/fixtures/wire-samples', 'test/fixtures/wire', 'test/fixtures/feeds'];

const SOURCE_ID = 'bench';
const STORY_FILE = /\.(txt|rss|atom|xml|json)$/i;
/** Expected outputs sit next to their fixtures; they are not stories. */
const NOT_A_STORY = /\.expected\.json$|^README/i;
/** A headline is the first line of the wire layout long enough not to be the section label. */
const MIN_HEADLINE_WORDS = 5;
const FIRST_DIGITS = /\d+/;
const FIRST_DECIMAL = /\d+[,.]\d+/;

export interface StoryTemplate {
  file: string;
  item: RawItem;
  /** For wire copy: the headline line inside `content`, varied per story. */
  headlineLine: string | null;
}

/** Loads every fixture that parses and passes the offline stages; broken or half-written ones are skipped. */
export async function loadStoryTemplates(root = repoRoot()): Promise<{ templates: StoryTemplate[]; skipped: string[] }> {
  const templates: StoryTemplate[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const stages = createStages(null);
  const ctx = { log: silentLogger(), now: () => new Date(), stories: new MemoryStoryStore() };
  for (const dir of FIXTURE_DIRS) {
    const names = await readdir(join(root, dir)).catch(() => [] as string[]);
    for (const name of names.sort()) {
      if (!STORY_FILE.test(name) || NOT_A_STORY.test(name)) continue;
      const file = `${dir}/${name}`;
      const bytes = await readFile(join(root, file));
      if (bytes.length === 0) {
        skipped.push(`${file} (empty)`);
        continue;
      }
      try {
        const items = await documentToRawItems(bytes, { sourceId: SOURCE_ID, fileName: name, receivedAt: new Date() });
        for (const item of items) {
          // The same story under samples/ and test/fixtures/ would only weigh one story twice.
          if (seen.has(item.content)) continue;
          seen.add(item.content);
          await runStages(item, OFFLINE_STAGES, stages, ctx);
          templates.push({ file, item, headlineLine: item.format === 'wire-text' ? findHeadline(item.content) : null });
        }
      } catch (err) {
        skipped.push(`${file} (${(err as Error).message.slice(0, 80)})`);
      }
    }
  }
  if (templates.length === 0) throw new Error(`bench: no usable sample story under ${FIXTURE_DIRS.join(', ')}`);
  return { templates, skipped };
}

function findHeadline(content: string): string | null {
  for (const line of content.split('\n')) {
    if (line.trim().split(/\s+/).length >= MIN_HEADLINE_WORDS) return line;
  }
  return null;
}

function varyHeadline(line: string, n: number): string {
  return FIRST_DIGITS.test(line) ? line.replace(FIRST_DIGITS, String(n)) : `${line} (${n})`;
}

function varyBody(text: string, n: number): string {
  return text.replace(FIRST_DECIMAL, `${n % 1000},${n % 10}`);
}

/** Makes new stories from templates: the n-th call varies template n mod count. */
export class StoryFactory {
  #n = 0;
  readonly #tag: string;

  constructor(
    private readonly templates: readonly StoryTemplate[],
    /** Distinguishes runs sharing a prefix (identities stay unique across scenarios). */
    tag: string,
  ) {
    this.#tag = tag;
  }

  /** A new story stamped `at` (receivedAt and updated, so feed order is enqueue order). */
  next(at: Date = new Date()): RawItem {
    const n = this.#n++;
    const t = this.templates[n % this.templates.length] as StoryTemplate;
    const stamp = at.toISOString();
    let content = t.item.content;
    if (t.headlineLine) content = content.replace(t.headlineLine, varyHeadline(t.headlineLine, n));
    content = varyBody(content, n);
    return {
      ...t.item,
      identity: `${t.item.identity}#${this.#tag}-${n}`,
      // As from a source that gives ids: the story id is then a function of the identity alone
      // (derived identities key on the headline, which a variant might share with another).
      identityDerived: false,
      title: t.item.title === null ? null : varyHeadline(t.item.title, n),
      content,
      receivedAt: stamp,
      updated: stamp,
    };
  }

  /** `count` new stories at once. */
  batch(count: number, at: Date = new Date()): RawItem[] {
    return Array.from({ length: count }, () => this.next(at));
  }
}

/** The story id the pipeline will give `item` (what the feeds list). */
export function expectedStoryId(item: Pick<RawItem, 'sourceId' | 'identity'>): string {
  return storyId(item.sourceId, item.identity);
}
