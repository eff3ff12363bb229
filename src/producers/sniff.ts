/**
 * Any document a person or partner hands us (CLI file, POST /ingest, drop folder) → RawItems:
 * feeds and ninjs are recognised by their first significant character, everything else is wire copy.
 */
import { PermanentError, WirepipeError } from '../shared/errors.js';
import type { RawItem } from '../shared/raw-item.js';
import { decodeBody } from './feed/decode.js';
import { parseFeed, sniffFeedText } from './feed/parse-feed.js';
import { wireTextToRawItem } from './wire/wire-file.js';

/** Markup only a feed document has near its top. */
const FEED_MARKUP_RE = /<\?xml|<(?:rss|feed|rdf:RDF|channel|item|entry)[\s>]/iu;

export interface DocumentContext {
  sourceId: string;
  fileName: string;
  receivedAt: Date;
  contentType?: string | null;
}

const CONTROLS = /[\u0000-\u0008\u000e-\u001f]/g;
const SNIFF_CHARS = 4096;

/**
 * Binary, not text: a NUL, or more than 1 % control characters at the start. A stray ^Z (DOS EOF)
 * or escape code in old wire copy must not make a story "binary".
 */
function looksBinary(text: string): boolean {
  const head = text.slice(0, SNIFF_CHARS);
  if (head.includes('\u0000')) return true;
  const controls = head.match(CONTROLS)?.length ?? 0;
  return controls > Math.max(1, head.length / 100);
}

/**
 * Returns the RawItems a document holds: one for wire copy, one per entry for feeds and ninjs.
 * Throws only WirepipeErrors (FEED_PARSE, FEED_DTD_REFUSED, UNKNOWN_FORMAT, EMPTY_STORY).
 */
export async function documentToRawItems(bytes: Uint8Array, ctx: DocumentContext): Promise<RawItem[]> {
  try {
    const text = decodeBody(bytes, ctx.contentType ?? null);
    const kind = sniffFeedText(text);
    if (kind !== null) {
      try {
        // The file name is no URL, so relative links stay relative rather than becoming file: URLs.
        const parsed = await parseFeed(text, { sourceId: ctx.sourceId, feedUrl: ctx.fileName, receivedAt: ctx.receivedAt });
        return parsed.items;
      } catch (err) {
        // Wire copy may open with "[" or "{" (e.g. "[Ảnh] ..."): text that is not JSON is wire copy.
        const notJson = kind === 'json' && err instanceof PermanentError && err.details['invalidJson'] === true;
        // ...or with "<" ("<Kèm ảnh> ..."): text that is not well-formed XML and names no feed
        // element is wire copy too; a broken feed still fails as FEED_PARSE.
        const notXml = kind === 'xml' && err instanceof PermanentError && err.code === 'FEED_PARSE' && !FEED_MARKUP_RE.test(text.slice(0, 2048));
        if (!notJson && !notXml) throw err;
      }
    }
    if (looksBinary(text)) {
      throw new PermanentError('UNKNOWN_FORMAT', `${ctx.fileName} looks binary, not text`, { fileName: ctx.fileName });
    }
    return [wireTextToRawItem(bytes, ctx)];
  } catch (err) {
    if (err instanceof WirepipeError) throw err;
    throw new PermanentError('UNKNOWN_FORMAT', `${ctx.fileName} could not be read: ${(err as Error).message}`, {}, { cause: err });
  }
}
