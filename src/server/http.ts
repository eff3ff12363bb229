/** A tiny HTTP layer over node:http: routes are plain async functions returning a reply. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../shared/logger.js';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A route answers a request it recognises, or returns null to let the next route try. */
export type Route = (req: IncomingMessage, url: URL) => Promise<Reply | null>;

/** A JSON reply. */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: `${JSON.stringify(value, null, 2)}\n` };
}

/** A JSON error reply with a stable code, the shape every 4xx/5xx of ours has. */
export function errorReply(status: number, code: string, message: string, details?: Record<string, unknown>): Reply {
  return json(status, { error: { code, message, ...(details ? { details } : {}) } });
}

/** A 405 for `method` on `pathname`, naming the methods the resource takes in Allow. */
export function methodNotAllowed(method: string | undefined, pathname: string, allow: string): Reply {
  const reply = errorReply(405, 'METHOD_NOT_ALLOWED', `${method ?? ''} is not allowed on ${pathname}`);
  return { ...reply, headers: { ...reply.headers, allow } };
}

export interface HttpServer {
  server: Server;
  /** The base URL it listens on, e.g. http://127.0.0.1:8080. */
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, reply: Reply, head: boolean): void {
  res.writeHead(reply.status, reply.headers);
  res.end(head ? undefined : reply.body);
}

/** How long a request may wait on Redis or S3 before it is answered 503, unless told otherwise. */
export const DEFAULT_REQUEST_DEADLINE_MS = 10_000;
/** What a 503 past the deadline asks clients to wait: an outage is rarely over sooner. */
const RETRY_AFTER_SECONDS = 5;

const LEADING_SLASHES = /^\/+/;

/**
 * The URL of an origin-form request target ("/path?query"), else null. Leading slashes are
 * collapsed: "//feeds/all.rss" resolved against a base would make "feeds" the host, and a proxy
 * or a base URL ending in "/" easily produces such a path.
 */
export function requestUrl(target: string): URL | null {
  if (!target.startsWith('/')) return null;
  try {
    return new URL(`http://localhost/${target.replace(LEADING_SLASHES, '')}`);
  } catch {
    return null;
  }
}

export interface HttpServerOptions {
  host: string;
  port: number;
  routes: Route[];
  log: Logger;
  /** Answer 503 UPSTREAM_UNAVAILABLE when the routes take longer (default 10 s). */
  requestDeadlineMs?: number;
  /**
   * Requests the deadline does not apply to: their route must give the outcome it really had
   * (a push holds its signature until queueing has succeeded or failed, so a 503 while queueing
   * went on would make the partner's retry look like a replay).
   */
  untimed?: (method: string, pathname: string) => boolean;
}

/** Listens on host:port (0 = any free port) and serves `routes` in order; unknown paths get 404. */
export async function startHttpServer(opts: HttpServerOptions): Promise<HttpServer> {
  const deadlineMs = opts.requestDeadlineMs ?? DEFAULT_REQUEST_DEADLINE_MS;
  const server = createServer((req, res) => {
    const url = requestUrl(req.url ?? '/');
    if (!url) {
      // "GET http://[ HTTP/1.1" or an absolute-form target: a 400, never an exception in the listener.
      send(res, errorReply(400, 'BAD_REQUEST', 'the request target is not an origin-form path ("/...")'), false);
      return;
    }
    const head = req.method === 'HEAD';
    // With Redis down, BullMQ and ioredis queue commands until it is back (maxRetriesPerRequest
    // null): without a deadline every feed and operator request would wait for the outage to end.
    let timedOut = false;
    const onDeadline = (): void => {
      // A body still arriving is the client's time, not ours (node's requestTimeout bounds it).
      if (!req.complete) {
        deadline = setTimeout(onDeadline, deadlineMs);
        return;
      }
      if (res.headersSent) return;
      timedOut = true;
      opts.log.warn({ path: url.pathname, deadlineMs }, 'request deadline passed; answered 503');
      const reply = errorReply(503, 'UPSTREAM_UNAVAILABLE', 'a backing service (Redis, S3) did not answer in time; retry later');
      send(res, { ...reply, headers: { ...reply.headers, 'retry-after': String(RETRY_AFTER_SECONDS) } }, head);
    };
    const timed = !opts.untimed?.(req.method ?? 'GET', url.pathname);
    let deadline = timed ? setTimeout(onDeadline, deadlineMs) : undefined;
    res.once('close', () => clearTimeout(deadline));
    void (async () => {
      try {
        for (const route of opts.routes) {
          const reply = await route(req, url);
          // Past the deadline the client has its 503: a late answer is dropped, not written twice.
          if (timedOut) return;
          if (reply) return send(res, reply, head);
        }
        send(res, errorReply(404, 'NOT_FOUND', `no such resource: ${url.pathname}`), head);
      } catch (err) {
        if (timedOut) {
          opts.log.warn({ err, path: url.pathname }, 'request failed after its deadline');
          return;
        }
        opts.log.error({ err, path: url.pathname }, 'request failed');
        if (!res.headersSent) send(res, errorReply(500, 'INTERNAL', 'internal error'), false);
        else res.destroy();
      } finally {
        clearTimeout(deadline);
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    server,
    url: `http://${host}:${port}`,
    // Graceful: stop accepting, let requests in flight (a push being queued) finish, then cut
    // what is left after a grace period.
    close: () =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), 5_000);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
