/**
 * An in-memory StoryStore for the normalize tests, with the StoryStore contract of
 * src/workers/stage.ts: a known hash is "new" again until its version was marked published.
 */
import type { StoryStore, VersionDecision } from '../../../src/workers/stage.js';

interface Entry {
  firstCreated: string;
  hashes: string[];
  published: Set<number>;
}

/** Records versions in a Map; changed content bumps the version, published content is not new. */
export function memoryStoryStore(): StoryStore {
  const stories = new Map<string, Entry>();
  return {
    async recordVersion(id: string, contentHash: string, at: string): Promise<VersionDecision> {
      let entry = stories.get(id);
      if (entry === undefined) {
        entry = { firstCreated: at, hashes: [], published: new Set() };
        stories.set(id, entry);
      }
      const known = entry.hashes.indexOf(contentHash);
      if (known >= 0) return { version: known + 1, isNew: !entry.published.has(known + 1), firstCreated: entry.firstCreated };
      entry.hashes.push(contentHash);
      return { version: entry.hashes.length, isNew: true, firstCreated: entry.firstCreated };
    },
    async markPublished(id: string, version: number): Promise<void> {
      stories.get(id)?.published.add(version);
    },
  };
}
