/** The installed package's root folder, whether code runs compiled (dist/src/...) or from source (src/...). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'wirepipe') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('wirepipe: cannot find the package root (package.json named "wirepipe")');
    dir = parent;
  }
}

/** Absolute path of the folder holding wirepipe's package.json. */
export const PACKAGE_ROOT = findRoot();
