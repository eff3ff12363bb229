/** Comparing secrets without leaking, through timing, how much of a guess was right. */
import { timingSafeEqual } from 'node:crypto';

/** True when `a` and `b` are equal; the time taken does not depend on where they differ. */
export function constantTimeEqual(a: string | Buffer, b: string | Buffer): boolean {
  const x = Buffer.isBuffer(a) ? a : Buffer.from(a);
  const y = Buffer.isBuffer(b) ? b : Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
