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

/** Listens on host:port (0 = any free port) and serves `routes` in order; unknown paths get 404. */
export async function startHttpServer(opts: { host: string; port: number; routes: Route[]; log: Logger }): Promise<HttpServer> {
  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      // "GET http://[ HTTP/1.1" is not a URL: a 400, never an exception in the listener.
      send(res, errorReply(400, 'BAD_REQUEST', 'the request target is not a valid URL'), false);
      return;
    }
    void (async () => {
      try {
        for (const route of opts.routes) {
          const reply = await route(req, url);
          if (reply) return send(res, reply, req.method === 'HEAD');
        }
        send(res, errorReply(404, 'NOT_FOUND', `no such resource: ${url.pathname}`), req.method === 'HEAD');
      } catch (err) {
        opts.log.error({ err, path: url.pathname }, 'request failed');
        if (!res.headersSent) send(res, errorReply(500, 'INTERNAL', 'internal error'), false);
        else res.destroy();
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
