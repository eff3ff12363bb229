/**
 * A tiny, safe XML writer for the feed renderers. Every string that reaches the output goes
 * through `cleanText` (XML 1.0 forbids most control characters, and a single one makes the whole
 * document not well-formed), then through entity escaping. We never emit CDATA: escaping is
 * always correct, while CDATA breaks on `]]>` and tempts one to skip the cleaning.
 */

/**
 * Characters outside the XML 1.0 `Char` production (C0 controls except tab/LF/CR, lone
 * surrogates, U+FFFE/U+FFFF), plus the C1 controls and DEL that XML 1.0 "discourages" and the W3C
 * feed validator flags. With the `u` flag a lone surrogate is one code point in D800-DFFF, so it
 * is matched and dropped too.
 */
const XML_ILLEGAL = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// Fast-path gate: a superset of XML_ILLEGAL (every surrogate, paired or not) without the `u` flag,
// which makes it ~7x faster on long bodies; no `g`, so it keeps no `lastIndex` state.
const MAYBE_XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/;
const HAS_TEXT_SPECIAL = /[&<>\r]/;
const AMP = /&/g;
const LT = /</g;
const GT = />/g;
const CR = /\r/g;
const ATTR_SPECIALS = /[&<>"'\t\n\r]/g;
const ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Parsers normalise a literal CR (and, in attributes, tab/LF) away; a character reference survives.
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};
const PLAIN_TEXT_SPECIALS = /[&<>\r]/g;
const HEX_ENTITY: Readonly<Record<string, string>> = { '&': '&#x26;', '<': '&#x3C;', '>': '&gt;', '\r': '&#13;' };
const HTML_SPECIALS = /[&<>"']/g;
const HTML_ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Attribute values; `null`/`undefined` attributes are omitted, numbers are written as-is. */
export type XmlAttrs = Readonly<Record<string, string | number | null | undefined>>;

/** Returns `text` without any character that XML 1.0 forbids or discourages (never throws). */
export function cleanText(text: string): string {
  // Fast path: almost every string is clean, and `test` avoids allocating a copy.
  if (!MAYBE_XML_ILLEGAL.test(text)) return text;
  return text.replace(XML_ILLEGAL, '');
}

/** Returns `text` cleaned and escaped for use as XML character data. */
export function escapeXmlText(text: string): string {
  const clean = cleanText(text);
  if (!HAS_TEXT_SPECIAL.test(clean)) return clean;
  // Chained literal replaces beat one callback replace on long HTML bodies (many '<' and '>').
  return clean.replace(AMP, '&amp;').replace(LT, '&lt;').replace(GT, '&gt;').replace(CR, '&#13;');
}

/**
 * Like escapeXmlText, but `&` and `<` as hexadecimal references: the RSS Best Practices Profile
 * asks for that in plain-text RSS elements (title, category, …) so readers do not take the text
 * for HTML, and the W3C validator warns otherwise.
 */
export function escapeXmlPlainText(text: string): string {
  return cleanText(text).replace(PLAIN_TEXT_SPECIALS, (c) => HEX_ENTITY[c] ?? c);
}

/** Returns `value` cleaned and escaped for use inside a double-quoted XML attribute. */
export function escapeXmlAttr(value: string): string {
  return cleanText(value).replace(ATTR_SPECIALS, (c) => ENTITY[c] ?? c);
}

/** Returns plain `text` as an HTML fragment that displays exactly that text. */
export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIALS, (c) => HTML_ENTITY[c] ?? c);
}

function openTag(name: string, attrs: XmlAttrs | undefined): string {
  let out = `<${name}`;
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined) continue;
      out += ` ${key}="${escapeXmlAttr(String(value))}"`;
    }
  }
  return out;
}

/** An element holding escaped `text` (`<name a="…">text</name>`). */
export function textElement(name: string, text: string, attrs?: XmlAttrs): string {
  return `${openTag(name, attrs)}>${escapeXmlText(text)}</${name}>`;
}

/** An element holding plain `text` escaped per the RSS profile (`&#x26;`, `&#x3C;`). */
export function plainTextElement(name: string, text: string, attrs?: XmlAttrs): string {
  return `${openTag(name, attrs)}>${escapeXmlPlainText(text)}</${name}>`;
}

/** An element holding already-serialised child elements, or an empty element when none. */
export function parentElement(name: string, children: readonly string[], attrs?: XmlAttrs): string {
  if (children.length === 0) return `${openTag(name, attrs)}/>`;
  return `${openTag(name, attrs)}>\n${children.join('\n')}\n</${name}>`;
}

/** An empty element (`<name a="…"/>`). */
export function emptyElement(name: string, attrs: XmlAttrs): string {
  return `${openTag(name, attrs)}/>`;
}

/** The XML declaration every feed starts with; we always write UTF-8. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
