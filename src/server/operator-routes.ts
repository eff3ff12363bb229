/** Operator endpoints: liveness, queue depths and failures, dead letters, source health. */
import type { DeadLetters } from '../shared/dead-letters.js';
import type { PipelineQueues } from '../shared/queues.js';
import type { Source } from '../shared/sources.js';
import { operatorPause, type SourceStateStore } from '../producers/feed/source-state.js';
import { errorReply, json, methodNotAllowed, type Route } from './http.js';
import { checkOperator } from './operator-auth.js';
import { metric, mergeExpositions } from './prometheus.js';
import { queueRate } from './queue-rates.js';

export interface OperatorDeps {
  queues: PipelineQueues;
  deadLetters: DeadLetters;
  operatorToken: string | undefined;
  /** Present when producers run in this process. */
  sources?: { list: () => Source[]; state: SourceStateStore };
  /** How long GET /readyz waits for Redis to answer (default 1 s). */
  readyTimeoutMs?: number;
}

const SOURCE_ACTION = /^\/sources\/([a-z0-9-]+)\/(pause|resume)$/;
const OPEN_PATHS = ['/healthz', '/readyz'];
const OPERATOR_GET_PATHS = ['/status', '/metrics', '/failed', '/sources'];
const DEFAULT_READY_TIMEOUT_MS = 1_000;

/**
 * GET /healthz (open: the process runs), GET /readyz (open: Redis answers, else 503), and for operators:
 * GET /status (queue counts and jobs completed and failed per minute, per stage group),
 * GET /metrics (the same for Prometheus), GET /failed (newest dead letters), GET /sources (each
 * source with its health), POST /sources/{id}/pause|resume. HEAD is served as GET (the HTTP layer
 * drops the body); any other method is a 405 naming the allowed ones.
 */
export function operatorRoutes(deps: OperatorDeps): Route {
  return async (req, url) => {
    const isAction = SOURCE_ACTION.test(url.pathname);
    const isOpen = OPEN_PATHS.includes(url.pathname);
    if (!isOpen && !isAction && !OPERATOR_GET_PATHS.includes(url.pathname)) return null;
    if (!isOpen) {
      const denied = checkOperator(req, deps.operatorToken);
      if (denied) return denied;
    }
    const method = req.method === 'HEAD' && !isAction ? 'GET' : req.method;
    if (method !== (isAction ? 'POST' : 'GET')) return methodNotAllowed(req.method, url.pathname, isAction ? 'POST' : 'GET, HEAD');

    if (url.pathname === '/healthz') return json(200, { ok: true });
    if (url.pathname === '/readyz') {
      // Load balancers poll this: it must answer quickly even when Redis does not.
      const ready = await redisAnswers(deps, deps.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS);
      return ready ? json(200, { ok: true }) : errorReply(503, 'UPSTREAM_UNAVAILABLE', 'Redis did not answer in time');
    }
    if (url.pathname === '/status') {
      const queues = await Promise.all(
        deps.queues.queues.map(async (q) => {
          const [counts, completed, failed] = await Promise.all([
            q.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed'),
            q.getMetrics('completed', 0, 14),
            q.getMetrics('failed', 0, 14),
          ]);
          const now = Date.now();
          return { queue: q.name, counts, completed: queueRate(completed, now), failed: queueRate(failed, now) };
        }),
      );
      return json(200, { topology: deps.queues.topology.name, queues, deadLetters: await deps.deadLetters.count() });
    }
    if (url.pathname === '/metrics') {
      const texts = await Promise.all(deps.queues.queues.map((q) => q.exportPrometheusMetrics()));
      // A counter, not the stream length: `failed retry` leaves the history in place, and an alert on
      // increase(wirepipe_dead_letters_total[5m]) clears once nothing new fails.
      texts.push(metric('wirepipe_dead_letters_total', 'counter', 'Items that failed for good, ever written to the dead-letter stream', await deps.deadLetters.totalAdded()));
      return { status: 200, headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }, body: mergeExpositions(texts) };
    }
    if (url.pathname === '/failed') {
      const count = Math.max(1, Math.min(Math.trunc(Number(url.searchParams.get('count') ?? 50)) || 50, 1000));
      return json(200, { deadLetters: await deps.deadLetters.list(count) });
    }
    if (!deps.sources) return errorReply(404, 'NO_PRODUCERS', 'no producers run in this process');
    if (url.pathname === '/sources') {
      const sources = await Promise.all(
        deps.sources.list().map(async (s) => {
          const { validators: _validators, ...health } = await deps.sources!.state.get(s.id);
          return { id: s.id, kind: s.kind, url: s.url ?? null, path: s.path ?? null, enabled: s.enabled, intervalSeconds: s.intervalSeconds, ...health };
        }),
      );
      return json(200, { sources });
    }
    const action = SOURCE_ACTION.exec(url.pathname);
    if (!action) return null;
    const id = action[1] as string;
    if (!deps.sources.list().some((s) => s.id === id)) return errorReply(404, 'SOURCE_UNKNOWN', `no source "${id}"`);
    const paused = action[2] === 'pause';
    await deps.sources.state.update(id, operatorPause(paused));
    return json(200, { id, paused });
  };
}

/**
 * True when Redis answers, on both connections the routes use (ours and BullMQ's), within
 * `timeoutMs`; false when a call fails or stays silent. Each is one cheap round trip (XLEN, and
 * the ingest queue's job count), which is what a PING would prove and also that our keys and
 * BullMQ's scripts are served.
 */
async function redisAnswers(deps: OperatorDeps, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const silent = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  // Commands wait for a reconnect rather than fail (maxRetriesPerRequest null): these may settle
  // long after we answered, so both of their outcomes are handled here.
  const answered = Promise.all([deps.deadLetters.count(), deps.queues.ingest.count()]).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, silent]);
  } finally {
    clearTimeout(timer);
  }
}
