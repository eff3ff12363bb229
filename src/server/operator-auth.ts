/** Who may use the operator endpoints: holders of OPERATOR_TOKEN, or, when none is set, loopback clients. */
import { constantTimeEqual } from '../shared/constant-time.js';
import type { IncomingMessage } from 'node:http';
import { errorReply, type Reply } from './http.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** A Host header naming the loopback itself, any port. */
const LOOPBACK_HOST = /^(?:localhost\.?|127\.0\.0\.1|\[::1\]|\[::ffff:127\.0\.0\.1\])(?::\d{1,5})?$/i;
/** An Origin on the loopback itself, any port. */
const LOOPBACK_ORIGIN = /^https?:\/\/(?:localhost\.?|127\.0\.0\.1|\[::1\]|\[::ffff:127\.0\.0\.1\])(?::\d{1,5})?$/i;

/** Null when the request may proceed, else the 401/403 reply to send. */
export function checkOperator(req: IncomingMessage, token: string | undefined): Reply | null {
  if (!token) return checkLoopbackOperator(req);
  const header = req.headers['authorization'];
  const given = typeof header === 'string' && /^Bearer /i.test(header) ? header.slice(7).trim() : null;
  if (given !== null && constantTimeEqual(given, token)) return null;
  const reply = errorReply(401, 'OPERATOR_AUTH', 'send Authorization: Bearer <OPERATOR_TOKEN>');
  return { ...reply, headers: { ...reply.headers, 'www-authenticate': 'Bearer realm="wirepipe-operator"' } };
}

function checkLoopbackOperator(req: IncomingMessage): Reply | null {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
    return errorReply(403, 'OPERATOR_ONLY', 'operator endpoints answer loopback clients only unless OPERATOR_TOKEN is set');
  }
  // DNS rebinding: a page of rebind.attacker.example whose name now resolves to 127.0.0.1 is
  // same-origin with this server, so it reads our answers and may send any header. Its requests
  // still name the attacker's host in Host (and Origin), which a loopback client never does.
  // A reverse proxy on this host also connects from loopback: that setup needs OPERATOR_TOKEN.
  // A request without Host (HTTP/1.0: an old monitoring script) cannot come from a browser page.
  const host = req.headers.host;
  if (host !== undefined && !LOOPBACK_HOST.test(host)) {
    return errorReply(403, 'OPERATOR_HOST', 'without OPERATOR_TOKEN, operator requests must be addressed to localhost, 127.0.0.1 or [::1]');
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !LOOPBACK_ORIGIN.test(origin)) {
    return errorReply(403, 'OPERATOR_ORIGIN', 'without OPERATOR_TOKEN, operator requests from a web page are accepted from localhost, 127.0.0.1 or [::1] only');
  }
  // Any web page open in the operator's browser can send a simple cross-site POST to
  // 127.0.0.1; a custom header forces a CORS preflight that this server never grants.
  if (req.method === 'POST' && req.headers['x-wirepipe-operator'] === undefined) {
    return errorReply(403, 'OPERATOR_HEADER', 'send X-Wirepipe-Operator: 1 with operator actions (or set OPERATOR_TOKEN)');
  }
  return null;
}
