/** Plain-text agency wire copy → one RawItem; interpreting the layout is the normalize stage's job. */
import { PermanentError } from '../../shared/errors.js';
import { sha256Hex } from '../../shared/ids.js';
import type { RawItem } from '../../shared/raw-item.js';
import { decodeBody } from '../feed/decode.js';

const CRLF = /\r\n?/g;
/** Old wire systems end pages with form feeds and files with ^Z (DOS EOF); neither is text. */
const PAGE_BREAKS = /[\f\v]/g;
const NON_XML_CHARS = /[\u0000-\u0008\u000e-\u001f\ufffe\uffff]/g;

export interface WireFileContext {
  sourceId: string;
  fileName: string;
  receivedAt: Date;
  /** The Content-Type the bytes came with (a push), for its charset. */
  contentType?: string | null;
}

/**
 * One wire copy file → one 'wire-text' RawItem whose identity is the SHA-256 of its NFC text
 * (line endings made LF, so a re-send through a Windows relay keeps its identity; control
 * characters dropped, page breaks made newlines). Empty → error.
 */
export function wireTextToRawItem(bytes: Uint8Array, ctx: WireFileContext): RawItem {
  // The declared charset (a push's Content-Type) counts; decodeBody still prefers a BOM or valid UTF-8.
  const text = decodeBody(bytes, ctx.contentType ?? 'text/plain').replace(CRLF, '\n').replace(PAGE_BREAKS, '\n').replace(NON_XML_CHARS, '');
  if (text.trim() === '') {
    throw new PermanentError('EMPTY_STORY', `wire file ${ctx.fileName} has no text`, { fileName: ctx.fileName });
  }
  return {
    sourceId: ctx.sourceId,
    format: 'wire-text',
    identity: sha256Hex(text),
    identityDerived: true,
    url: null,
    title: null,
    summary: null,
    content: text,
    contentType: 'text',
    authors: [],
    categories: [],
    published: null,
    updated: null,
    dateInvalid: false,
    language: null,
    renditions: [],
    receivedAt: ctx.receivedAt.toISOString(),
    baseUrl: null,
  };
}
