/**
 * `wirepipe process FILE...`: runs normalize → translate-tag → enrich in this process, without
 * Redis, on wire copy, feed documents or ninjs files, printing one JSON object per article per
 * line. Versions and duplicates apply across the files of one invocation, in the order given.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { toNinjs } from '../archive/ninjs.js';
import { documentToRawItems } from '../producers/sniff.js';
import { describeError } from '../shared/errors.js';
import { silentLogger } from '../shared/logger.js';
import { loadConfig } from '../shared/config.js';
import { runStages } from '../workers/run-stages.js';
import type { StageContext } from '../workers/stage.js';
import { createStages, OFFLINE_STAGES } from '../workers/stages.js';
import { MemoryStoryStore } from '../workers/story-store.js';
import { InMemoryDuplicateIndex } from '../workers/normalize/duplicate-index.js';
import { MemoryTranslationIndex } from '../workers/translation-links.js';

export interface ProcessOptions {
  files: string[];
  format: 'article' | 'ninjs';
  sourceId: string;
  /** Where JSON lines go (stdout), and where per-file errors go (stderr). */
  out: (line: string) => void;
  err: (line: string) => void;
  now?: () => Date;
}

/** Processes the files in order; returns the number of files that failed (0 = success). */
export async function processFiles(opts: ProcessOptions): Promise<number> {
  const stages = createStages(null);
  const config = loadConfig();
  const ctx: StageContext = {
    log: silentLogger(),
    now: opts.now ?? (() => new Date()),
    stories: new MemoryStoryStore(),
    // Across the files of one invocation: `process a.txt b.txt` marks b as a's rewrite.
    duplicates: new InMemoryDuplicateIndex(undefined, config.duplicates.threshold),
    translationLinks: new MemoryTranslationIndex(undefined, config.translationLinkThreshold),
  };
  let failures = 0;
  for (const file of opts.files) {
    try {
      const bytes = await readFile(file);
      const items = await documentToRawItems(bytes, { sourceId: opts.sourceId, fileName: basename(file), receivedAt: ctx.now() });
      for (const item of items) {
        const article = await runStages(item, OFFLINE_STAGES, stages, ctx);
        if (!article) continue; // an unchanged re-send: nothing new to print
        // No publish stage runs here, so the version counts as delivered once printed.
        await ctx.stories.markPublished(article.id, article.version);
        opts.out(JSON.stringify(opts.format === 'ninjs' ? toNinjs(article) : article));
      }
    } catch (error) {
      failures += 1;
      opts.err(JSON.stringify({ file, error: describeError(error) }));
    }
  }
  return failures;
}
