/** An in-memory StoryStore for tests: same contract as the real ones in src/workers/story-store.ts. */
import type { StoryStore, VersionDecision } from '../../../src/workers/stage.js';

interface Entry {
  firstCreated: string;
  hashes: string[];
}

/** Records versions in a Map; unchanged content keeps its version, changed content bumps it. */
export function memoryStoryStore(): StoryStore {
  const stories = new Map<string, Entry>();
  return {
    async recordVersion(id: string, contentHash: string, at: string): Promise<VersionDecision> {
      const entry = stories.get(id);
      if (entry === undefined) {
        stories.set(id, { firstCreated: at, hashes: [contentHash] });
        return { version: 1, isNew: true, firstCreated: at };
      }
      const known = entry.hashes.indexOf(contentHash);
      if (known >= 0) return { version: known + 1, isNew: false, firstCreated: entry.firstCreated };
      entry.hashes.push(contentHash);
      return { version: entry.hashes.length, isNew: true, firstCreated: entry.firstCreated };
    },
  };
}
