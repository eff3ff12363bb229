#!/usr/bin/env node
// The `wirepipe` command: runs the compiled CLI (npm ci builds it through the `prepare` script).
import { existsSync } from 'node:fs';

// wirepipe supports Node 20 until its own engines field says otherwise; the AWS SDK's notice that
// its future releases will need Node 22 is for us to act on, not for every user at every start.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('wirepipe is not built yet: run `npm run build` (npm ci does it for you).');
  process.exit(1);
}
const { runCli } = await import(main);
process.exitCode = await runCli(process.argv.slice(2));
