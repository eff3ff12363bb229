/**
 * A local stand-in for a LibreTranslate server (`POST /translate`) and the DeepL API
 * (`POST /v2/translate`) that enforces each one's documented request contract and answers in its
 * documented shapes: wrong shape → 400, wrong key → 403, scripted 429 with Retry-After, 500, slow
 * answers, and DeepL's 456 quota. Every request is recorded so tests assert on what went out.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const LIBRE_PATH = '/translate';
export const DEEPL_PATH = '/v2/translate';

/** What the fake "translates" a text to: visibly tagged with the target, so order is checkable. */
export function fakeTranslation(text: string, target: string): string {
  return `[${target}] ${text}`;
}

export interface Fault {
  status?: number;
  /** Sent as the Retry-After header. */
  retryAfter?: string;
  /** Wait this long before answering (normally, or with `status`). */
  delayMs?: number;
  /** Answer 200 with this raw body instead of a translation. */
  rawBody?: string;
  /** Only for requests to this target (LibreTranslate `target`, DeepL `target_lang`); others pass it by. */
  target?: string;
}

export interface ReceivedRequest {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or undefined when it was not JSON. */
  body: unknown;
}

export interface FakeServerOptions {
  /** LibreTranslate started with --api-keys: these keys are valid. */
  libreApiKeys?: string[];
  /** LibreTranslate with --require-api-key-origin/secret: a missing key is refused (400). */
  libreKeyRequired?: boolean;
  /** Valid DeepL auth keys. */
  deeplKeys?: string[];
  /** Characters the DeepL account may still translate before 456. */
  deeplQuotaChars?: number;
}

const LIBRE_LANGUAGES = new Set(['en', 'vi', 'fr', 'de', 'es', 'ja', 'zh', 'ru', 'ko']);
const DEEPL_SOURCES = new Set(['AR', 'BG', 'CS', 'DA', 'DE', 'EL', 'EN', 'ES', 'ET', 'FI', 'FR', 'HE', 'HU', 'ID', 'IT', 'JA', 'KO', 'LT', 'LV', 'NB', 'NL', 'PL', 'PT', 'RO', 'RU', 'SK', 'SL', 'SV', 'TH', 'TR', 'UK', 'VI', 'ZH']);
const DEEPL_TARGETS = new Set([...DEEPL_SOURCES, 'EN-GB', 'EN-US', 'PT-PT', 'PT-BR', 'ES-419', 'ZH-HANS', 'ZH-HANT']);
const DEEPL_MAX_TEXTS = 50;

export class FakeTranslationServer {
  readonly received: ReceivedRequest[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private quotaLeft: number;

  private constructor(
    private readonly server: Server,
    private readonly opts: FakeServerOptions,
  ) {
    this.quotaLeft = opts.deeplQuotaChars ?? Number.POSITIVE_INFINITY;
  }

  /** Starts on a free loopback port. */
  static async start(opts: FakeServerOptions = {}): Promise<FakeTranslationServer> {
    let fake: FakeTranslationServer | undefined;
    const server = createServer((req, res) => {
      fake?.handle(req, res).catch((err: unknown) => {
        res.writeHead(500).end(String(err));
      });
    });
    fake = new FakeTranslationServer(server, opts);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Requests received on `path`. */
  calls(path: string): ReceivedRequest[] {
    return this.received.filter((r) => r.path === path);
  }

  /** The next requests on `path` meet these faults, one each, in order. */
  enqueue(path: string, ...faults: Fault[]): void {
    this.faults.set(path, [...(this.faults.get(path) ?? []), ...faults]);
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = req.headers['content-type']?.startsWith('application/json') ? parseJson(raw) : undefined;
    this.received.push({ path, method: req.method ?? '', headers: req.headers, body });
    const fault = this.takeFault(path, body);
    if (fault?.delayMs !== undefined) await this.wait(fault.delayMs);
    if (res.destroyed) return;
    if (path === LIBRE_PATH && req.method === 'POST') return this.libre(body, fault, res);
    if (path === DEEPL_PATH && req.method === 'POST') return this.deepl(req.headers, body, fault, res);
    send(res, 404, { error: 'Not Found' });
  }

  private takeFault(path: string, body: unknown): Fault | undefined {
    const queue = this.faults.get(path) ?? [];
    const target = isObject(body) ? (body['target'] ?? body['target_lang']) : undefined;
    const index = queue.findIndex((f) => f.target === undefined || f.target === target);
    return index === -1 ? undefined : queue.splice(index, 1)[0];
  }

  private libre(body: unknown, fault: Fault | undefined, res: ServerResponse): void {
    if (fault?.status !== undefined) {
      const message = fault.status === 429 ? 'Slowdown: 30 per 1 minute' : 'Cannot translate text: model crashed';
      return send(res, fault.status, { error: message }, fault.retryAfter);
    }
    if (fault?.rawBody !== undefined) return sendRaw(res, 200, fault.rawBody);
    if (!isObject(body)) return send(res, 400, { error: 'Invalid JSON format' });
    const key = body['api_key'];
    const keys = this.opts.libreApiKeys;
    if (keys !== undefined) {
      if (typeof key === 'string' && key !== '' && !keys.includes(key)) return send(res, 403, { error: 'Invalid API key' });
      if ((key === undefined || key === '') && this.opts.libreKeyRequired) {
        return send(res, 400, { error: 'Please contact the server operator to get an API key' });
      }
    }
    const { q, source, target } = body;
    for (const [name, value] of [['q', q], ['source', source], ['target', target]] as const) {
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
        return send(res, 400, { error: `Invalid request: missing ${name} parameter` });
      }
    }
    const texts = Array.isArray(q) ? q : [q];
    if (!texts.every((t): t is string => typeof t === 'string')) return send(res, 400, { error: 'Invalid request: q must be text' });
    if (typeof source !== 'string' || !LIBRE_LANGUAGES.has(source)) return send(res, 400, { error: `${String(source)} is not supported` });
    if (typeof target !== 'string' || !LIBRE_LANGUAGES.has(target)) return send(res, 400, { error: `${String(target)} is not supported` });
    const format = body['format'] ?? 'text';
    if (format !== 'text' && format !== 'html') return send(res, 400, { error: `${String(format)} format is not supported` });
    const out = texts.map((t) => fakeTranslation(t, target));
    send(res, 200, { translatedText: Array.isArray(q) ? out : out[0] });
  }

  private deepl(headers: IncomingHttpHeaders, body: unknown, fault: Fault | undefined, res: ServerResponse): void {
    const auth = headers['authorization'] ?? '';
    const key = auth.startsWith('DeepL-Auth-Key ') ? auth.slice('DeepL-Auth-Key '.length) : undefined;
    if (key === undefined || !(this.opts.deeplKeys ?? []).includes(key)) {
      return send(res, 403, { message: 'Authorization failed. Please supply a valid auth_key parameter.' });
    }
    if (fault?.status !== undefined) {
      const messages: Record<number, string> = { 429: 'Too many requests', 456: 'Quota exceeded', 500: 'Internal server error', 503: 'Resource currently unavailable. Try again later.' };
      return send(res, fault.status, { message: messages[fault.status] ?? 'Error' }, fault.retryAfter);
    }
    if (fault?.rawBody !== undefined) return sendRaw(res, 200, fault.rawBody);
    if (!isObject(body)) return send(res, 400, { message: 'Bad request. Reason: Invalid request body.' });
    const { text, source_lang: sourceLang, target_lang: targetLang } = body;
    if (!Array.isArray(text) || text.length === 0 || !text.every((t): t is string => typeof t === 'string')) {
      return send(res, 400, { message: "Bad request. Reason: Parameter 'text' not specified." });
    }
    if (text.length > DEEPL_MAX_TEXTS) return send(res, 413, { message: 'Request Entity Too Large' });
    if (typeof targetLang !== 'string') return send(res, 400, { message: "Bad request. Reason: Parameter 'target_lang' not specified." });
    if (!DEEPL_TARGETS.has(targetLang.toUpperCase())) return send(res, 400, { message: "Value for 'target_lang' not supported." });
    if (sourceLang !== undefined && (typeof sourceLang !== 'string' || !DEEPL_SOURCES.has(sourceLang.toUpperCase()))) {
      return send(res, 400, { message: "Value for 'source_lang' not supported." });
    }
    const chars = text.reduce((n, t) => n + t.length, 0);
    if (chars > this.quotaLeft) return send(res, 456, { message: 'Quota exceeded' });
    this.quotaLeft -= chars;
    const detected = typeof sourceLang === 'string' ? sourceLang.toUpperCase() : 'VI';
    send(res, 200, { translations: text.map((t) => ({ detected_source_language: detected, text: fakeTranslation(t, targetLang) })) });
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

function send(res: ServerResponse, status: number, json: unknown, retryAfter?: string): void {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
  res.writeHead(status, headers).end(JSON.stringify(json));
}

function sendRaw(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html' }).end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
