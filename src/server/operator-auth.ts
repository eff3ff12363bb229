/** Who may use the operator endpoints: holders of OPERATOR_TOKEN, or, when none is set, loopback clients. */
import { constantTimeEqual } from '../shared/constant-time.js';
import type { IncomingMessage } from 'node:http';
import { errorReply, type Reply } from './http.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Null when the request may proceed, else the 401/403 reply to send. */
export function checkOperator(req: IncomingMessage, token: string | undefined): Reply | null {
  if (!token) {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
      return errorReply(403, 'OPERATOR_ONLY', 'operator endpoints answer loopback clients only unless OPERATOR_TOKEN is set');
    }
    // Any web page open in the operator's browser can send a simple cross-site POST to
    // 127.0.0.1; a custom header forces a CORS preflight that this server never grants.
    if (req.method === 'POST' && req.headers['x-wirepipe-operator'] === undefined) {
      return errorReply(403, 'OPERATOR_HEADER', 'send X-Wirepipe-Operator: 1 with operator actions (or set OPERATOR_TOKEN)');
    }
    return null;
  }
  const header = req.headers['authorization'];
  const given = typeof header === 'string' && /^Bearer /i.test(header) ? header.slice(7).trim() : null;
  if (given !== null && constantTimeEqual(given, token)) return null;
  const reply = errorReply(401, 'OPERATOR_AUTH', 'send Authorization: Bearer <OPERATOR_TOKEN>');
  return { ...reply, headers: { ...reply.headers, 'www-authenticate': 'Bearer realm="wirepipe-operator"' } };
}
