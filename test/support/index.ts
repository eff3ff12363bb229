/** Helpers for integration tests on the run's shared Redis and s3rver. */
export { freePort } from './free-port.js';
export { cleanupPrefix, testRedis, uniquePrefix } from './redis-prefix.js';
export { testS3, type TestS3 } from './s3.js';
export { service, testRedisUrl } from './services.js';
