/**
 * Any document a person or partner hands us (CLI file, POST /ingest, drop folder) → RawItems:
 * feeds and ninjs are recognised by their first significant character, everything else is wire copy.
 */
import { PermanentError, WirepipeError } from '../shared/errors.js';
import type { RawItem } from '../shared/raw-item.js';
import { decodeBody } from './feed/decode.js';
import { parseFeed, sniffFeedText } from './feed/parse-feed.js';
import { wireTextToRawItem } from './wire/wire-file.js';

export interface DocumentContext {
  sourceId: string;
  fileName: string;
  receivedAt: Date;
  contentType?: string | null;
}

/** NUL and other C0 controls (bar tab/LF/CR/FF) do not occur in wire copy or feeds. */
const BINARY = /[\u0000-\u0008\u000e-\u001f]/;

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
        if (!(kind === 'json' && err instanceof PermanentError && err.details['invalidJson'] === true)) throw err;
      }
    }
    if (BINARY.test(text.slice(0, 4096))) {
      throw new PermanentError('UNKNOWN_FORMAT', `${ctx.fileName} looks binary, not text`, { fileName: ctx.fileName });
    }
    return [wireTextToRawItem(bytes, ctx)];
  } catch (err) {
    if (err instanceof WirepipeError) throw err;
    throw new PermanentError('UNKNOWN_FORMAT', `${ctx.fileName} could not be read: ${(err as Error).message}`, {}, { cause: err });
  }
}
