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
import type { DeadLetters } from '../shared/dead-letters.js';
import { errorReply, json, type Reply, type Route } from './http.js';
import { authenticatePush, REPLAY_WINDOW_SECONDS } from './push-auth.js';

export interface PushRouteDeps {
  /** The current sources (a function: the sources file may be reloaded). */
  sources: () => Source[];
  sink: IngestSink;
  deadLetters: DeadLetters;
  redis: Redis;
  prefix: string;
  log: Logger;
  env?: NodeJS.ProcessEnv;
  maxBytes?: number;
  now?: () => Date;
}

export const DEFAULT_PUSH_MAX_BYTES = 5 * 1024 * 1024;
/** Where partners push. */
export const PUSH_PATH = '/ingest';

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
    if (url.pathname !== PUSH_PATH) return null;
    if (req.method !== 'POST') return { ...errorReply(405, 'METHOD_NOT_ALLOWED', 'use POST'), headers: { allow: 'POST', 'content-type': 'application/json; charset=utf-8' } };
    const sourceId = url.searchParams.get('source') ?? (req.headers['x-wirepipe-source'] as string | undefined);
    if (!sourceId) return errorReply(400, 'SOURCE_MISSING', 'name the source: ?source=<id> or X-Wirepipe-Source');
    const source = deps.sources().find((s) => s.id === sourceId && s.kind === 'push' && s.enabled);
    if (!source) return errorReply(404, 'SOURCE_UNKNOWN', `no enabled push source "${sourceId}"`);

    const secrets = {
      bearerToken: source.auth?.bearerTokenEnv ? (env[source.auth.bearerTokenEnv] ?? null) : null,
      hmacSecret: source.auth?.hmacSecretEnv ? (env[source.auth.hmacSecretEnv] ?? null) : null,
    };
    // A bearer token can be checked before reading up to 5 MiB of body from a stranger.
    if (/^Bearer /i.test(req.headers['authorization'] ?? '')) {
      const early = authenticatePush(req.headers, Buffer.alloc(0), secrets, now());
      if (!early.ok) {
        req.resume();
        return unauthorized(early.code, early.message);
      }
    }

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

    const auth = authenticatePush(req.headers, body, secrets, now());
    if (!auth.ok) return unauthorized(auth.code, auth.message);
    const sigKey = auth.signature ? `${deps.prefix}:push-sig:${auth.signature}` : null;
    if (sigKey) {
      // A captured request re-sent inside the window carries the same signature: refuse it.
      const fresh = await deps.redis.set(sigKey, '1', 'EX', REPLAY_WINDOW_SECONDS * 2, 'NX');
      if (fresh !== 'OK') return unauthorized('AUTH_REPLAY', 'this signature was already used');
    }
    // Only an accepted push uses its signature up: a partner retrying after a 5xx or 422 must
    // not be told "replay" (job ids are deterministic, so a repeat is harmless). That includes a
    // failure thrown past accept() (a Redis error while queueing is a 500).
    let accepted = false;
    try {
      const reply = await accept(source, body, req.headers['content-type'] as string | undefined);
      accepted = reply.status === 202;
      return reply;
    } finally {
      if (sigKey && !accepted) await deps.redis.del(sigKey).catch((err: unknown) => deps.log.error({ err }, 'could not release a push signature'));
    }
  };

  async function accept(source: Source, body: Buffer, contentType: string | undefined): Promise<Reply> {
    if (body.length === 0) return errorReply(400, 'BODY_EMPTY', 'the body is empty');
    try {
      const items = await documentToRawItems(body, {
        sourceId: source.id,
        fileName: 'push',
        receivedAt: now(),
        contentType: contentType ?? null,
      });
      const result = await deps.sink(items);
      deps.log.debug({ sourceId: source.id, items: items.length }, 'push accepted');
      return json(202, { source: source.id, items: items.length, jobIds: result.jobIds, unchanged: result.unchanged });
    } catch (err) {
      if (err instanceof WirepipeError && !err.retryable) {
        // Kept with its reason: the partner is told, and operators see it in the dead letters.
        await deps.deadLetters.add(`push:${source.id}`, null, err, { contentType: contentType ?? null, body: body.toString('utf8') }).catch((e: unknown) => deps.log.error({ err: e }, 'could not record a dead letter'));
        return errorReply(422, err.code, err.message, err.details);
      }
      if (err instanceof WirepipeError) return errorReply(503, err.code, err.message);
      throw err;
    }
  }
}

function unauthorized(code: string, message: string): Reply {
  const reply = errorReply(401, code, message);
  return { ...reply, headers: { ...reply.headers, 'www-authenticate': 'Bearer realm="wirepipe", HMAC-SHA256 realm="wirepipe"' } };
}
