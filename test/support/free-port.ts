/** A TCP port that was free on 127.0.0.1 a moment ago (the OS picked it); bind it promptly. */
import { createServer } from 'node:net';

/** Asks the OS for an unused loopback port and releases it for the caller. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address !== 'object' || address === null) {
        server.close();
        reject(new Error('no port assigned'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
