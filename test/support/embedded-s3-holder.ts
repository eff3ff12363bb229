/**
 * Test helper process: starts an embedded S3, reports its endpoint over IPC, then waits to be
 * killed. Used to prove the s3rver child does not outlive a parent that dies without cleanup.
 */
import { startEmbeddedS3 } from '../../src/archive/embedded-s3.js';

const directory = process.argv[2];
if (directory === undefined) throw new Error('usage: embedded-s3-holder <directory>');
const s3 = await startEmbeddedS3({ directory, bucket: 'holder' });
process.send?.({ endpoint: s3.endpoint });
setInterval(() => {}, 60_000);
