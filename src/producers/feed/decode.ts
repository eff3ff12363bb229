/**
 * Bytes → text for anything a producer receives. Agency feeds still arrive in legacy Vietnamese
 * code pages (windows-1258, TCVN3 "ABC"), often with a charset label that is wrong, so the label
 * is a hint and valid UTF-8 always wins for single-byte labels.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';


const CHARSET_PARAM = /charset\s*=\s*["']?([^"';\s]+)/i;
// Whitespace may precede the prolog: PHP feeds often print a newline before "<?xml".
const XML_PROLOG_ENCODING = /^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

/**
 * Labels seen in the wild mapped to iconv-lite names. TCVN3 ("ABC") uses the upper half of
 * TCVN 5712 VN1, which iconv-lite ships as 'tcvn', so no own table is needed.
 */
const LABEL_ALIASES: Readonly<Record<string, string>> = {
  'tcvn3': 'tcvn',
  'tcvn-3': 'tcvn',
  'tcvn5712-1': 'tcvn',
  'tcvn-5712': 'tcvn',
  'tcvn5712': 'tcvn',
  'x-viet-tcvn': 'tcvn',
  'x-viet-tcvn5712': 'tcvn',
  'vn3': 'tcvn',
  'abc': 'tcvn',
  'cp1258': 'windows-1258',
  'x-cp1258': 'windows-1258',
  'latin1': 'windows-1252',
  'iso-8859-1': 'windows-1252', // WHATWG: browsers read Latin-1 labels as windows-1252
  'us-ascii': 'windows-1252',
  'ascii': 'windows-1252',
};

/** A charset label normalised to a name iconv-lite knows, or null when unknown. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const lower = label.trim().toLowerCase();
  const name = LABEL_ALIASES[lower] ?? lower;
  if (name === 'utf8') return 'utf-8';
  return iconv.encodingExists(name) ? name : null;
}

function isUtf16Or32(name: string): boolean {
  return /^(utf-?16|utf-?32|ucs-?2|ucs-?4)/.test(name);
}

/** The encoding a byte order mark names, with the BOM's length. */
function sniffBom(bytes: Uint8Array): { name: string; length: number } | null {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { name: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { name: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { name: 'utf-32be', length: 4 };
  if (a === 0xff && b === 0xfe) return { name: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { name: 'utf-16be', length: 2 };
  return null;
}

/**
 * Whether the bytes can be UTF-16 or UTF-32 text without a BOM: every document we read opens with
 * ASCII ("<", "{", whitespace), which in those encodings carries a NUL in its first four bytes,
 * while UTF-8 and single-byte text never hold one.
 */
function looksWide(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 4).includes(0);
}

/** XML 1.0 Appendix F: "<?" in UTF-16 without a BOM shows as NUL-interleaved bytes. */
function sniffUtf16WithoutBom(bytes: Uint8Array): string | null {
  const [a, b, c, d] = bytes;
  if (a === 0x3c && b === 0 && c === 0x3f && d === 0) return 'utf-16le';
  if (a === 0 && b === 0x3c && c === 0 && d === 0x3f) return 'utf-16be';
  return null;
}

function prologEncoding(bytes: Uint8Array): string | null {
  // The prolog is ASCII-compatible in every encoding we read as single-byte; 512 bytes leave room
  // for whitespace before it.
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  const m = XML_PROLOG_ENCODING.exec(head);
  return m?.[1] ?? null;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function decodeWith(name: string, bytes: Uint8Array): string {
  if (name === 'utf-8') return asBuffer(bytes).toString('utf8');
  // iconv-lite 'utf-16'/'utf-32' default to LE without a BOM and strip a BOM if present.
  return iconv.decode(asBuffer(bytes), name, { stripBOM: true });
}

function tryUtf8(bytes: Uint8Array): string | null {
  // isUtf8 is a native scan, several times faster than a fatal TextDecoder on non-ASCII text.
  return isUtf8(bytes) ? asBuffer(bytes).toString('utf8') : null;
}

/**
 * Decodes document bytes to NFC text: BOM, then the HTTP charset, then the XML prolog; bytes that
 * are valid UTF-8 are read as UTF-8 whatever they declare, unless they show the NULs of the UTF-16
 * or UTF-32 they declare; unknown → cp1252.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const bom = sniffBom(bytes);
  if (bom) return decodeWith(bom.name, bytes.subarray(bom.length)).normalize('NFC');

  const nobom16 = sniffUtf16WithoutBom(bytes);
  const headerLabel = contentType ? (CHARSET_PARAM.exec(contentType)?.[1] ?? null) : null;
  const declared = normalizeCharset(headerLabel) ?? nobom16 ?? normalizeCharset(prologEncoding(bytes));

  // A misconfigured server labels plain UTF-8 "utf-16"; decoding it as such would turn the whole
  // document into CJK noise, so a wide label is trusted only when the bytes look wide.
  const wide = declared !== null && isUtf16Or32(declared);
  if (wide && looksWide(bytes)) return decodeWith(declared, bytes).normalize('NFC');

  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return utf8.normalize('NFC');

  // Not UTF-8: a header that says utf-8 (or a wide encoding the bytes do not show) is wrong, so
  // fall through to the prolog, then cp1252.
  let name = declared;
  if (name === 'utf-8' || wide) name = normalizeCharset(prologEncoding(bytes));
  if (!name || name === 'utf-8' || isUtf16Or32(name)) name = 'windows-1252';
  return decodeWith(name, bytes).normalize('NFC');
}
