/** Where the repository is, whether the bench runs from bench/ (tsx, vitest) or dist/bench/ (npm run bench). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest ancestor of this file holding package.json. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('bench: no package.json above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}
