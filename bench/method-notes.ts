/** The "how it is measured" section of docs/benchmarks.md, kept next to the code it describes. */

/** Everything after this line in docs/benchmarks.md is hand-written and kept by every run. */
export const NOTES_MARKER = '<!-- notes below are hand-written and kept by npm run bench -->';

export const METHOD_NOTES = `## How it is measured

- **Redis**: \`REDIS_URL\`, else 127.0.0.1:6379, else a private \`redis-server\` (src/shared/redis.ts). Each
  scenario works under its own key prefix and removes its keys afterwards (SCAN + UNLINK); nothing is flushed.
- **Baselines** use the pipeline's BullMQ job options (attempts, backoff, removeOnComplete/removeOnFail) and the
  same worker concurrency, in the same process, so a ratio isolates what wirepipe's code adds to BullMQ.
- **Throughput at saturation**: sample stories (every fixture under samples/ and test/fixtures/ that parses,
  each varied per copy: identity, a number in the headline and in the body) are enqueued through the ingest
  sink while the ingest queue is paused; the queue is then resumed and completions are counted at the end of
  the publish stage (the story is in the feeds). The rate is taken from the completion ending the first 10 %
  (warm-up) to the last one. The S3 archive is off (\`archive: false\`): s3rver writes would dominate.
`;
