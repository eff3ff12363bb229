/** Where the shared test services are: from the global setup's `provide`, else the environment. */
import { inject } from 'vitest';
import '../setup/provided-context.js';

type ServiceKey = 'REDIS_URL' | 'S3_ENDPOINT' | 'S3_BUCKET';

/** The value the global setup provided for `key`; throws with a hint when the setup did not run. */
export function service(key: ServiceKey): string {
  const value = safeInject(key) ?? process.env[key];
  if (value === undefined || value === '') {
    throw new Error(
      `${key} is not set: run the tests with the default vitest config (its global setup starts Redis and s3rver), or set ${key} yourself`,
    );
  }
  return value;
}

/** The Redis URL of this test run. */
export function testRedisUrl(): string {
  return service('REDIS_URL');
}

function safeInject(key: ServiceKey): string | undefined {
  try {
    return inject(key);
  } catch {
    // inject() throws outside a vitest worker (e.g. a helper imported by a bench script).
    return undefined;
  }
}
