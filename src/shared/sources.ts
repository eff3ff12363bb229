/**
 * The sources config file (YAML or JSON): which feeds to poll, which folders to watch, which
 * partners may push. Validated once at start-up; every problem is listed at once.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { ConfigError } from './errors.js';
import { SOURCE_ID_PATTERN } from './ids.js';

export const MIN_INTERVAL_SECONDS = 60;
export const MAX_INTERVAL_SECONDS = 86_400;
/** With allowFastPolling a source may poll this often (tests, a partner's own fast feed). */
export const FAST_MIN_INTERVAL_SECONDS = 1;

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;
const envName = z.string().regex(ENV_NAME, 'must be an environment variable name (SCREAMING_SNAKE_CASE)');

export const SourceAuthSchema = z
  .object({
    /** Name of the env var holding the bearer token partners send. */
    bearerTokenEnv: envName.optional(),
    /** Name of the env var holding the HMAC-SHA256 secret for X-Wirepipe-Signature. */
    hmacSecretEnv: envName.optional(),
  })
  .strict();

const SourceObject = z
  .object({
    id: z.string().regex(SOURCE_ID_PATTERN, 'must be lowercase letters, digits and dashes (max 63), starting with a letter or digit'),
    name: z.string().min(1).optional(),
    kind: z.enum(['feed', 'wire-folder', 'push']),
    url: z.string().optional(),
    /** Folder watched by a 'wire-folder' source. */
    path: z.string().min(1).optional(),
    intervalSeconds: z.number().int().positive().default(300),
    allowFastPolling: z.boolean().default(false),
    language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag').optional(),
    /** Section label as the source writes it → IPTC Media Topic code(s), e.g. "Hội nhập": "medtop:11000000". */
    categoryMap: z
      .record(z.string(), z.union([z.string(), z.array(z.string()).min(1)]))
      .transform((m) => Object.fromEntries(Object.entries(m).map(([label, codes]) => [label, typeof codes === 'string' ? [codes] : codes])))
      .optional(),
    auth: SourceAuthSchema.optional(),
    /**
     * What identifies a feed item: its guid/id (default), or its link for feeds that reuse ids.
     * Story ids derive from it, so switching publishes the feed's current items once more.
     */
    identity: z.enum(['id', 'link']).default('id'),
    enabled: z.boolean().default(true),
  })
  .strict();

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

export const SourceSchema = SourceObject.superRefine((s, ctx) => {
  if (s.kind === 'feed' && (s.url === undefined || !isHttpUrl(s.url))) {
    ctx.addIssue({ code: 'custom', path: ['url'], message: 'a feed source needs an http(s) url' });
  }
  if (s.kind === 'wire-folder' && s.path === undefined) {
    ctx.addIssue({ code: 'custom', path: ['path'], message: 'a wire-folder source needs path (the folder to watch)' });
  }
  if (s.kind === 'push' && s.auth?.bearerTokenEnv === undefined && s.auth?.hmacSecretEnv === undefined) {
    ctx.addIssue({ code: 'custom', path: ['auth'], message: 'a push source needs auth.bearerTokenEnv or auth.hmacSecretEnv' });
  }
}).transform((s) => {
  const min = s.allowFastPolling ? FAST_MIN_INTERVAL_SECONDS : MIN_INTERVAL_SECONDS;
  return { ...s, intervalSeconds: Math.min(MAX_INTERVAL_SECONDS, Math.max(min, s.intervalSeconds)) };
});

export type Source = z.infer<typeof SourceSchema>;
export type SourceInput = z.input<typeof SourceSchema>;

const SourcesFileSchema = z.union([z.array(z.unknown()), z.object({ sources: z.array(z.unknown()) }).loose()]);

function formatPath(path: readonly PropertyKey[]): string {
  let out = 'sources';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return out;
}

function readDocument(text: string, fileName: string): unknown {
  const ext = extname(fileName).toLowerCase();
  try {
    if (ext === '.json') return JSON.parse(text);
    // YAML 1.2 is a superset of JSON, so other extensions read as YAML.
    return YAML.parse(text, { prettyErrors: true, maxAliasCount: 100 });
  } catch (err) {
    throw new ConfigError([`${fileName}: ${(err as Error).message}`]);
  }
}

/** Parses a sources file's text (YAML or JSON by extension); throws ConfigError listing every problem. */
export function parseSources(text: string, fileName: string): Source[] {
  const doc = readDocument(text, fileName);
  const shape = SourcesFileSchema.safeParse(doc);
  if (!shape.success) throw new ConfigError([`${fileName}: expected a list of sources or an object with a "sources" list`]);
  const list = Array.isArray(shape.data) ? shape.data : shape.data.sources;
  const problems: string[] = [];
  const sources: Source[] = [];
  list.forEach((raw, i) => {
    const r = SourceSchema.safeParse(raw);
    if (r.success) sources.push(r.data);
    else for (const issue of r.error.issues) problems.push(`${fileName}: ${formatPath([i, ...issue.path])}: ${issue.message}`);
  });
  const seen = new Map<string, number>();
  list.forEach((raw, i) => {
    const id = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['id'] : undefined;
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first !== undefined) problems.push(`${fileName}: ${formatPath([i, 'id'])}: duplicate id "${id}" (first at sources[${first}])`);
    else seen.set(id, i);
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return sources;
}

/** Reads and validates a sources file; throws ConfigError (also for an unreadable file). */
export async function loadSources(path: string): Promise<Source[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ConfigError([`${path}: ${(err as Error).message}`]);
  }
  return parseSources(text, path);
}
