/** The sources file is picked up without a restart; a broken edit keeps the last good list. */
import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchSourcesFile } from '../../src/app/sources-file.js';
import { silentLogger } from '../../src/shared/logger.js';

async function writeWithMtime(path: string, text: string, seconds: number): Promise<void> {
  await writeFile(path, text);
  // Explicit mtimes: two writes within one filesystem tick must still count as a change.
  await utimes(path, seconds, seconds);
}

describe('watched sources file', () => {
  it('reloads a changed file and refuses a broken one', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'wirepipe-sources-')), 'sources.yaml');
    await writeWithMtime(path, 'sources:\n  - { id: vna-vi, kind: feed, url: "https://example.vn/rss" }\n', 1_000_000);
    const watched = await watchSourcesFile(path, silentLogger(), 60_000);
    try {
      expect(watched.current().map((s) => s.id)).toEqual(['vna-vi']);
      expect(await watched.check()).toBe(false);

      await writeWithMtime(path, 'sources:\n  - { id: vna-vi, kind: feed, url: "https://example.vn/rss" }\n  - { id: vna-en, kind: feed, url: "https://example.vn/en/rss" }\n', 1_000_010);
      expect(await watched.check()).toBe(true);
      expect(watched.current().map((s) => s.id)).toEqual(['vna-vi', 'vna-en']);

      await writeWithMtime(path, 'sources:\n  - { id: "Bad Id", kind: feed }\n', 1_000_020);
      expect(await watched.check()).toBe(false);
      expect(watched.current().map((s) => s.id)).toEqual(['vna-vi', 'vna-en']);
    } finally {
      watched.stop();
    }
  });
});

describe('translation section of the sources file', () => {
  it('gives per-partner languages and feeds to the translation config', async () => {
    const { readTranslationSection } = await import('../../src/app/sources-file.js');
    const { loadTranslationConfig, feedShowsTranslations, targetLanguages } = await import('../../src/translation/config.js');
    const path = join(await mkdtemp(join(tmpdir(), 'wirepipe-sources-')), 'sources.yaml');
    await writeFile(path, [
      'translation:',
      '  provider: libretranslate',
      '  url: http://127.0.0.1:5000',
      '  partners:',
      '    - { id: desk-en, languages: [en], feeds: [lang/en] }',
      '    - { id: desk-fr, languages: [fr] }',
      'sources:',
      '  - { id: vna-vi, kind: feed, url: "https://example.vn/rss" }',
      '',
    ].join('\n'));
    const { config } = loadTranslationConfig({}, await readTranslationSection(path));
    expect(config.provider).toBe('libretranslate');
    expect(targetLanguages(config)).toEqual(['en', 'fr']);
    expect(feedShowsTranslations(config, 'lang/en', 'en')).toBe(true);
    expect(feedShowsTranslations(config, 'category/the-thao', 'en')).toBe(false);
    expect(feedShowsTranslations(config, 'lang/fr', 'fr')).toBe(true);
  });
});
