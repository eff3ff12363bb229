/**
 * Authenticating a push from a partner: a bearer token, or an HMAC-SHA256 signature over
 * `timestamp + "." + body` (the header scheme Stripe and GitHub use, so partners have libraries
 * for it). Signatures outside the time window, or seen before inside it, are replays.
 */
import { createHmac } from 'node:crypto';
import { constantTimeEqual as safeEqual } from '../shared/constant-time.js';
import type { IncomingHttpHeaders } from 'node:http';

/** How far a signed timestamp may be from our clock. */
export const REPLAY_WINDOW_SECONDS = 300;

export type AuthOutcome =
  | { ok: true; method: 'bearer' | 'hmac'; signature: string | null }
  | { ok: false; status: 401; code: 'AUTH_MISSING' | 'AUTH_INVALID' | 'AUTH_STALE'; message: string };

export interface PushSecrets {
  bearerToken: string | null;
  hmacSecret: string | null;
}


/** The signature a sender computes: hex HMAC-SHA256 of `${timestamp}.${body}`. */
export function signPush(secret: string, timestamp: number, body: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** Checks the request's credentials against the source's secrets. */
export function authenticatePush(headers: IncomingHttpHeaders, body: Buffer, secrets: PushSecrets, now: Date): AuthOutcome {
  const authz = headers['authorization'];
  if (typeof authz === 'string' && /^Bearer /i.test(authz)) {
    if (!secrets.bearerToken) return { ok: false, status: 401, code: 'AUTH_INVALID', message: 'this source does not accept bearer tokens' };
    return safeEqual(authz.slice(7).trim(), secrets.bearerToken)
      ? { ok: true, method: 'bearer', signature: null }
      : { ok: false, status: 401, code: 'AUTH_INVALID', message: 'bearer token does not match' };
  }
  const signature = headers['x-wirepipe-signature'];
  const timestamp = headers['x-wirepipe-timestamp'];
  if (typeof signature === 'string' && typeof timestamp === 'string') {
    if (!secrets.hmacSecret) return { ok: false, status: 401, code: 'AUTH_INVALID', message: 'this source does not accept HMAC signatures' };
    const ts = Number(timestamp);
    if (!Number.isInteger(ts)) return { ok: false, status: 401, code: 'AUTH_INVALID', message: 'X-Wirepipe-Timestamp must be Unix seconds' };
    if (Math.abs(now.getTime() / 1000 - ts) > REPLAY_WINDOW_SECONDS) {
      return { ok: false, status: 401, code: 'AUTH_STALE', message: `timestamp is more than ${REPLAY_WINDOW_SECONDS} s from the server clock` };
    }
    const given = signature.replace(/^sha256=/, '');
    return safeEqual(given, signPush(secrets.hmacSecret, ts, body))
      ? { ok: true, method: 'hmac', signature: given }
      : { ok: false, status: 401, code: 'AUTH_INVALID', message: 'signature does not match the body' };
  }
  return {
    ok: false,
    status: 401,
    code: 'AUTH_MISSING',
    message: 'send Authorization: Bearer <token>, or X-Wirepipe-Timestamp and X-Wirepipe-Signature: sha256=<hex>',
  };
}
