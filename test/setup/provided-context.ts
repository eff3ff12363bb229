/** What the global setup hands to every test through `inject()` (see global-setup.ts). */
declare module 'vitest' {
  export interface ProvidedContext {
    /** redis:// URL of the Redis the run uses (REDIS_URL, a local one, or one we started). */
    REDIS_URL: string;
    /** http://127.0.0.1:PORT of the embedded s3rver. */
    S3_ENDPOINT: string;
    /** A bucket that exists on S3_ENDPOINT for the whole run. */
    S3_BUCKET: string;
  }
}

export {};
