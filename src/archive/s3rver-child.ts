/**
 * The s3rver process behind `startEmbeddedS3`. It runs apart from the caller because s3rver needs
 * `--openssl-legacy-provider` (its listing continuation tokens use DES; without the flag paginated
 * listings answer HTTP 500) and that flag must not weaken the main process.
 *
 * Protocol over the IPC channel: parent sends {type:'start', directory, bucket, port}; the child
 * answers {type:'ready', port} or {type:'error', message}; {type:'stop'} closes and exits.
 * The child also exits when the parent disappears (IPC disconnect).
 */
import { createRequire } from 'node:module';

interface S3rverServer {
  run(): Promise<{ port: number; address: string }>;
  close(): Promise<void>;
}
type S3rverCtor = new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string }[];
}) => S3rverServer;

export interface StartMessage {
  type: 'start';
  directory: string;
  bucket: string;
  port: number;
}
export type ChildReply = { type: 'ready'; port: number } | { type: 'error'; message: string };

const require = createRequire(import.meta.url);

function reply(message: ChildReply): void {
  process.send?.(message);
}

/** Wires the IPC protocol; the one server lives in this closure, not in module state. */
function serve(): void {
  let server: S3rverServer | undefined;

  const start = async (message: StartMessage): Promise<void> => {
    try {
      const S3rver = require('s3rver') as S3rverCtor;
      server = new S3rver({
        address: '127.0.0.1',
        port: message.port,
        directory: message.directory,
        silent: true,
        configureBuckets: [{ name: message.bucket }],
      });
      const address = await server.run();
      reply({ type: 'ready', port: address.port });
    } catch (err) {
      reply({ type: 'error', message: (err as Error).message });
      process.exit(1);
    }
  };

  const stop = async (): Promise<void> => {
    try {
      await server?.close();
    } finally {
      process.exit(0);
    }
  };

  process.on('message', (message: { type?: string }) => {
    if (message.type === 'start') void start(message as StartMessage);
    else if (message.type === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  // Ctrl-C in a terminal reaches the whole process group: the parent stops this server when it has
  // finished with it (a write still in flight must land), so the interrupt is the parent's to handle.
  process.on('SIGINT', () => undefined);
}

serve();
