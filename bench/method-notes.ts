/** The "how it is measured" section of docs/benchmarks.md, kept next to the code it describes. */

/** Everything after this line in docs/benchmarks.md is hand-written and kept by every run. */
export const NOTES_MARKER = '<!-- notes below are hand-written and kept by npm run bench -->';

export const METHOD_NOTES = `## How it is measured

Run \`npm run bench\` (full, under 10 minutes) or \`npm run bench -- --quick\` (under 2 minutes). Other flags:
\`--only=baseline,throughput,stage-cost,latency,memory,ingest-parse,feed-serving,replay\`, \`--profile[=dir]\` (CPU
profile of the fused throughput run, default dir /tmp/wirepipe-profiles, with a self-time summary on stderr),
\`--no-docs\` (do not rewrite this page), \`--concurrency=N\` (default 100). stdout is the table, then one JSON
line; progress goes to stderr. Scenarios live one per file under bench/ and are listed in bench/registry.ts.

- **Redis**: \`REDIS_URL\`, else 127.0.0.1:6379, else a private \`redis-server\` (src/shared/redis.ts). Each
  scenario works under its own key prefix and removes its keys afterwards (SCAN + UNLINK); nothing is flushed.
  The harness, the workers and Redis share the machine: on 2 cores, Node and Redis compete for CPU.
- **Baselines** use the pipeline's BullMQ job options (attempts, backoff, removeOnComplete/removeOnFail) and the
  same worker concurrency, in the same process, so a ratio isolates what wirepipe's code adds to BullMQ.
  A no-op warm-up run precedes them.
- **Throughput at saturation**: sample stories (every fixture under samples/ and test/fixtures/ that parses
  and passes the offline stages, each copy varied: identity, a number in the headline and in the body, and
  given a source identity so each copy is its own story) are enqueued through the ingest sink while the ingest
  queue is paused; the queue is then resumed and the clock runs until the last story leaves the publish stage
  (it is then in the feeds): N ÷ that time. Baselines drain a backlog the same way. A kept-full first queue is
  no steady state for a chain (the first worker keeps winning the event loop and the last queue starves), so a
  drained backlog is what measures the whole chain. N is sized per machine: a small probe drain (also the
  warm-up) gives the rate, and N is what that rate completes in about 3.5 s (quick) or 15 s (full); a drain that
  overruns 3× that is cut and reported as a lower bound. Each ratio divides by the mean of the baseline measured
  before (baseline scenario) and again right after the pipeline run, so drift in the machine's load does not
  land on one side. The S3 archive is off (\`archive: false\`): s3rver writes would dominate.
  The forked row runs the fused workers in 2 child processes (what \`WORKER_PROCESSES=2\` runs), each first
  warmed up on 300 stories of its own so the JIT has compiled the stages; completions are counted from the feed
  store's change counter, polled every 10 ms. Its ratio still divides by the one-process bare baseline.
  Redis CPU and commands per story are read from INFO cpu / INFO commandstats around the fused drain
  (commands run inside Lua scripts count too).
- **Stage cost**: stories run one at a time through normalize → translate-tag → enrich → publish in this
  process (no BullMQ, nothing else on the event loop) with the context the pipeline gives its workers (story
  versions and the near-duplicate index in Redis), timed by the workers' StageTimer hook (wall) and by this
  process's CPU time over the same span (getrusage; Redis waits excluded). The 600-word figure is enrich alone
  on a Vietnamese story assembled from the samples' paragraphs.
- **Latency** ingest → visible: stories are offered at a fixed rate on a 10 ms tick, stamped just before the
  ingest sink is called; a separate Redis connection polls the \`all\` feed's sorted set every 5 ms (each story
  carries its enqueue time as \`updated\`, which becomes its feed score, so one ZRANGEBYSCORE from the oldest
  pending story finds every newly listed one). Figures include up to one poll interval (5 ms). Before each run
  300 stories go through a throw-away pipeline in the workers' process, so the JIT has compiled the stages (a cold
  process otherwise spends its first seconds in the interpreter); the first second of the run is warm-up too. Stories not visible 10 s (quick: 3 s) after the load ends count with their wait so far and are reported (p99 is
  then a lower bound). The bare 4-queue chain is measured at 500/s the same way (stamp in the payload, read by the last job).
  The forked row at 500/s has the workers in 2 warmed-up child processes and only the feeder and poller here.
- **Memory**: the fused pipeline's workers in a forked process at 500 stories/s offered by this one (5 min full, 12 s quick); RSS and heap
  sampled every second after a forced GC (\`--expose-gc\`); the feeder pauses while more than 20,000 stories
  wait, so a worker that cannot keep up does not fill a shared Redis. Growth = (mean of the last 10 % of samples − mean of
  the first 10 % after warm-up) ÷ the latter; warm-up is the first 10 % of the run.
- **Ingest parse**: parseFeed on a generated 1,000-item RSS 2.0 (HTML in CDATA) and Atom 1.0 (escaped HTML) feed,
  ~3 KB of HTML per item, against fast-xml-parser's \`parse\` of the same text (attributes on); runs alternate.
- **Feed serving**: GET /feeds/all.rss (50 entries) from the real feed server vs a bare node:http server
  returning a static body of the same size and content type, 16 concurrent fetch() loops in this process on
  loopback, alternating halves.
- **Replay**: the fused pipeline's workers in this process (archive off) and N sample stories whose feed-store
  writes fail: a plain string holds each story's article key, so the store's save script fails on its first
  command (WRONGTYPE, nothing written), a real Redis error the publish stage treats as retryable. With 2 attempts
  and a 100 ms first backoff (production: 5 from 1 s; this phase is set-up, not timed) each job lands in the
  failed set and the dead letters as in production. The placeholders are then removed and a separate process
  (as \`wirepipe failed retry\` runs) calls the command's retryFailedJobs on every failed job; the clock runs
  from that call until the last story leaves the publish stage (StageTimer hook). The baseline is a fresh drain
  of N new stories through the same pipeline, timed from the ingest sink call the same way, once before and
  once after the replay; the ratio divides by their mean. N is what a probe drain (also the warm-up) completes
  in 0.8 s (quick) or 4 s (full). The run fails instead of reporting when any count is off: jobs retried ≠ N,
  a story missing from the \`all\` feed, publish-stage runs or feed saves during the replay ≠ N, a story with
  more than one version, a failed job or a new dead letter left after it.
`;
