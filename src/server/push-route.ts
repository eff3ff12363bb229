/**
 * POST /ingest?source=<id>: a partner pushes wire text, ninjs JSON or a feed document. The body is
 * read up to a cap (413 past it), authenticated for that source, parsed whole, and queued in one
 * call: either every item is queued (202 with the job ids) or none is (4xx with a precise error).
 */
import type { IncomingMessage } from 'node:http';
import type { Redis } from 'ioredis';
import { documentToRawItems } from '../producers/sniff.js';
import { WirepipeError } from '../shared/errors.js';
import type { IngestSink } from '../shared/ingest-sink.js';
import type { Logger } from '../shared/logger.js';
import type { Source } from '../shared/sources.js';
import { errorReply, json, type Reply, type Route } from './http.js';
import { authenticatePush, REPLAY_WINDOW_SECONDS } from './push-auth.js';

export interface PushRouteDeps {
  /** The current sources (a function: the sources file may be reloaded). */
  sources: () => Source[];
  sink: IngestSink;
  redis: Redis;
  prefix: string;
  log: Logger;
  env?: NodeJS.ProcessEnv;
  maxBytes?: number;
  now?: () => Date;
}

export const DEFAULT_PUSH_MAX_BYTES = 5 * 1024 * 1024;

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The push ingest route. */
export function pushRoute(deps: PushRouteDeps): Route {
  const maxBytes = deps.maxBytes ?? DEFAULT_PUSH_MAX_BYTES;
  const env = deps.env ?? process.env;
  const now = deps.now ?? (() => new Date());
  return async (req, url): Promise<Reply | null> => {
    if (url.pathname !== '/ingest') return null;
    if (req.method !== 'POST') return { ...errorReply(405, 'METHOD_NOT_ALLOWED', 'use POST'), headers: { allow: 'POST', 'content-type': 'application/json; charset=utf-8' } };
    const sourceId = url.searchParams.get('source') ?? (req.headers['x-wirepipe-source'] as string | undefined);
    if (!sourceId) return errorReply(400, 'SOURCE_MISSING', 'name the source: ?source=<id> or X-Wirepipe-Source');
    const source = deps.sources().find((s) => s.id === sourceId && s.kind === 'push' && s.enabled);
    if (!source) return errorReply(404, 'SOURCE_UNKNOWN', `no enabled push source "${sourceId}"`);

    let body: Buffer;
    try {
      body = await readBody(req, maxBytes);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        req.resume();
        return { ...errorReply(413, 'BODY_TOO_LARGE', `the body exceeds ${maxBytes} bytes`), headers: { connection: 'close', 'content-type': 'application/json; charset=utf-8' } };
      }
      throw err;
    }

    const secrets = {
      bearerToken: source.auth?.bearerTokenEnv ? (env[source.auth.bearerTokenEnv] ?? null) : null,
      hmacSecret: source.auth?.hmacSecretEnv ? (env[source.auth.hmacSecretEnv] ?? null) : null,
    };
    const auth = authenticatePush(req.headers, body, secrets, now());
    if (!auth.ok) return errorReply(auth.status, auth.code, auth.message);
    if (auth.signature) {
      // A captured request re-sent inside the window carries the same signature: refuse it.
      const fresh = await deps.redis.set(`${deps.prefix}:push-sig:${auth.signature}`, '1', 'EX', REPLAY_WINDOW_SECONDS * 2, 'NX');
      if (fresh !== 'OK') return errorReply(401, 'AUTH_REPLAY', 'this signature was already used');
    }
    if (body.length === 0) return errorReply(400, 'BODY_EMPTY', 'the body is empty');

    try {
      const items = await documentToRawItems(body, {
        sourceId: source.id,
        fileName: 'push',
        receivedAt: now(),
        contentType: (req.headers['content-type'] as string | undefined) ?? null,
      });
      const result = await deps.sink(items);
      deps.log.debug({ sourceId: source.id, items: items.length }, 'push accepted');
      return json(202, { source: source.id, items: items.length, jobIds: result.jobIds, unchanged: result.unchanged });
    } catch (err) {
      if (err instanceof WirepipeError && !err.retryable) return errorReply(422, err.code, err.message, err.details);
      if (err instanceof WirepipeError) return errorReply(503, err.code, err.message);
      throw err;
    }
  };
}
