/**
 * The bundled samples a newcomer sees on `npm start`: the sample feeds are served over a local
 * HTTP server so the poller does real HTTP, and the sample wire copy is copied into a drop folder.
 */
import { cp, mkdir, readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../shared/package-root.js';
import type { Logger } from '../shared/logger.js';
import { SourceSchema, type Source } from '../shared/sources.js';
import { startHttpServer, type HttpServer } from '../server/http.js';

/** The samples/ folder of the installed package. */
export const SAMPLES_DIR = join(PACKAGE_ROOT, 'samples');

const TYPES: Record<string, string> = {
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
};

/** Serves samples/feeds/ on a free loopback port. */
export async function startSampleFeedServer(log: Logger): Promise<HttpServer> {
  const dir = join(SAMPLES_DIR, 'feeds');
  const files = new Set(await readdir(dir));
  return startHttpServer({
    host: '127.0.0.1',
    port: 0,
    log,
    routes: [
      async (_req, url) => {
        const name = url.pathname.replace(/^\/+/, '');
        if (!files.has(name)) return null;
        const ext = name.slice(name.lastIndexOf('.'));
        return { status: 200, headers: { 'content-type': TYPES[ext] ?? 'application/xml' }, body: await readFile(join(dir, name)) };
      },
    ],
  });
}

/** Sources for the samples: one per sample feed, plus a drop folder seeded with the sample wire copy. */
export async function sampleSources(feedServerUrl: string, dropRoot: string): Promise<{ sources: Source[]; dropDir: string }> {
  const feeds = (await readdir(join(SAMPLES_DIR, 'feeds'))).sort();
  const sources: Source[] = feeds.map((file) =>
    SourceSchema.parse({
      id: `sample-${file.replace(/\.[a-z]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      kind: 'feed',
      url: `${feedServerUrl}/${file}`,
      intervalSeconds: 60,
    }),
  );
  const dropDir = resolve(dropRoot, 'sample-wire');
  await mkdir(dropDir, { recursive: true });
  // Copied anew on every start: re-ingesting unchanged copy must publish nothing new.
  await cp(join(SAMPLES_DIR, 'wire'), dropDir, { recursive: true, force: true });
  sources.push(SourceSchema.parse({ id: 'sample-wire', kind: 'wire-folder', path: dropDir }));
  return { sources, dropDir };
}
