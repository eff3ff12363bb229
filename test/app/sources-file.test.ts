/** The sources file is picked up without a restart; a broken edit keeps the last good list. */
import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
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

const THREE_SOURCES = `sources:
  - id: reuters-world
    kind: feed
    url: https://feeds.example.com/reuters/world.xml
  - id: afp-asia
    kind: feed
    url: https://feeds.example.com/afp/asia.xml
  - id: vna-wire
    kind: feed
    url: https://feeds.example.com/vna/wire.xml
`;

const T = 1_000_000; // seconds: every mtime below is explicit, and the watcher's clock is injected
const INTERVAL_MS = 60_000;

/** Each source as "id url", so a truncated url shows. */
function listed(watched: { current(): { id: string; url?: string | undefined }[] }): string[] {
  return watched.current().map((s) => `${s.id} ${s.url}`);
}

function capture(): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: 'info' }, sink), lines };
}

describe('watched sources file caught mid-write', () => {
  // Both cuts parse and validate as YAML: applying them would stop polling vna-wire (and poll a
  // truncated afp-asia url).
  const cuts = [
    { name: 'after a complete entry', at: THREE_SOURCES.indexOf('  - id: vna-wire') },
    { name: 'in the middle of a url', at: THREE_SOURCES.indexOf('afp/asia') + 3 },
  ];
  for (const cut of cuts) {
    it(`does not apply a file cut ${cut.name}; applies the finished file once two checks read it unchanged`, async () => {
      const path = join(await mkdtemp(join(tmpdir(), 'wirepipe-sources-')), 'sources.yaml');
      const withFourth = `${THREE_SOURCES}  - { id: kyodo-en, kind: feed, url: "https://feeds.example.com/kyodo/en.xml" }\n`;
      await writeWithMtime(path, THREE_SOURCES, T);
      let nowMs = T * 1000;
      const watched = await watchSourcesFile(path, silentLogger(), INTERVAL_MS, () => nowMs);
      try {
        const before = listed(watched);
        expect(before).toHaveLength(3);

        // The writer has just truncated the file and written its first part.
        await writeWithMtime(path, withFourth.slice(0, cut.at), T + 10);
        nowMs = (T + 10) * 1000 + 100;
        expect(await watched.check()).toBe(false);
        expect(listed(watched)).toEqual(before);

        // It finishes; the next check sees a file that moved since the last one, so waits again.
        await writeWithMtime(path, withFourth, T + 11);
        nowMs = (T + 11) * 1000 + 100;
        expect(await watched.check()).toBe(false);
        expect(listed(watched)).toEqual(before);

        // One interval later, read unchanged: it takes effect.
        nowMs += INTERVAL_MS / 2;
        expect(await watched.check()).toBe(true);
        expect(listed(watched)).toEqual([...before, 'kyodo-en https://feeds.example.com/kyodo/en.xml']);
        expect(await watched.check()).toBe(false);
      } finally {
        watched.stop();
      }
    });
  }

  it('applies at the first check a file last modified at least one interval ago', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'wirepipe-sources-')), 'sources.yaml');
    await writeWithMtime(path, THREE_SOURCES, T);
    let nowMs = T * 1000;
    const watched = await watchSourcesFile(path, silentLogger(), INTERVAL_MS, () => nowMs);
    try {
      await writeWithMtime(path, THREE_SOURCES.slice(0, THREE_SOURCES.indexOf('  - id: vna-wire')), T + 10);
      nowMs = (T + 10) * 1000 + INTERVAL_MS - 1;
      expect(await watched.check()).toBe(false);
      expect(watched.current()).toHaveLength(3);
      // Read unchanged by a second check, the shorter list is what the operator meant.
      expect(await watched.check()).toBe(true);
      expect(watched.current().map((s) => s.id)).toEqual(['reuters-world', 'afp-asia']);

      await writeWithMtime(path, THREE_SOURCES, T + 20);
      nowMs = (T + 20) * 1000 + INTERVAL_MS;
      expect(await watched.check()).toBe(true);
      expect(watched.current()).toHaveLength(3);
    } finally {
      watched.stop();
    }
  });

  it('notices an edit that keeps the size and mtime (filesystems with coarse mtimes)', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'wirepipe-sources-')), 'sources.yaml');
    await writeWithMtime(path, THREE_SOURCES, T);
    let nowMs = T * 1000;
    const watched = await watchSourcesFile(path, silentLogger(), INTERVAL_MS, () => nowMs);
    try {
      const retargeted = THREE_SOURCES.replace('afp/asia.xml', 'afp/asie.xml');
      expect(retargeted.length).toBe(THREE_SOURCES.length);
      await writeWithMtime(path, retargeted, T);
      nowMs = T * 1000 + INTERVAL_MS;
      expect(await watched.check()).toBe(true);
      expect(listed(watched)).toContain('afp-asia https://feeds.example.com/afp/asie.xml');
    } finally {
      watched.stop();
    }
  });

  it('logs which source ids a reload added, removed and changed', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'wirepipe-sources-')), 'sources.yaml');
    await writeWithMtime(path, THREE_SOURCES, T);
    const { log, lines } = capture();
    const watched = await watchSourcesFile(path, log, INTERVAL_MS, () => (T + 100) * 1000 + INTERVAL_MS);
    try {
      const edited = THREE_SOURCES.replace('afp/asia.xml', 'afp/asie.xml').replace('id: vna-wire', 'id: vna-en').replace('vna/wire.xml', 'vna/en.xml');
      await writeWithMtime(path, `${edited}  - { id: kyodo-en, kind: feed, url: "https://feeds.example.com/kyodo/en.xml" }\n`, T + 100);
      expect(await watched.check()).toBe(true);
      const reloaded = lines.filter((l) => l['msg'] === 'sources file reloaded');
      expect(reloaded).toHaveLength(1);
      expect(reloaded[0]).toMatchObject({ added: ['vna-en', 'kyodo-en'], removed: ['vna-wire'], changed: ['afp-asia'] });
    } finally {
      watched.stop();
    }
  });

  it('logs a file as invalid only once it has settled, and keeps the old list', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'wirepipe-sources-')), 'sources.yaml');
    await writeWithMtime(path, THREE_SOURCES, T);
    const { log, lines } = capture();
    let nowMs = T * 1000;
    const watched = await watchSourcesFile(path, log, INTERVAL_MS, () => nowMs);
    const invalidLines = () => lines.filter((l) => l['msg'] === 'sources file invalid; keeping the current sources');
    try {
      // Cut in the middle of "kind: feed": invalid, but only because it is unfinished.
      await writeWithMtime(path, THREE_SOURCES.slice(0, THREE_SOURCES.indexOf('kind: feed') + 8), T + 10);
      nowMs = (T + 10) * 1000 + 100;
      expect(await watched.check()).toBe(false);
      expect(invalidLines()).toHaveLength(0);

      await writeWithMtime(path, 'sources:\n  - { id: "Bad Id", kind: feed }\n', T + 11);
      nowMs = (T + 11) * 1000 + 100;
      expect(await watched.check()).toBe(false);
      expect(await watched.check()).toBe(false);
      expect(await watched.check()).toBe(false);
      expect(watched.current()).toHaveLength(3);
      expect(invalidLines()).toHaveLength(1);
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
