/**
 * A small namespace-aware, order-preserving XML tree built on fast-xml-parser. Feeds need three
 * things rss-parser does not give: real namespace resolution (prefixes vary), inherited xml:base
 * and xml:lang, and mixed content kept in order (Atom type="xhtml").
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PermanentError } from '../../shared/errors.js';
import { decodeXmlEntities } from './entities.js';

export interface XmlElement {
  /** Qualified name as written, e.g. "dc:creator". */
  name: string;
  local: string;
  /** Resolved namespace URI, null for none. */
  ns: string | null;
  /** Attributes by qualified name, values entity-decoded. */
  attrs: Readonly<Record<string, string>>;
  children: XmlNode[];
  /** Effective xml:base (absolute when resolvable), inherited from ancestors. */
  base: string | null;
  /** True when `base` comes from an xml:base on this element or an ancestor, not the document URL. */
  hasXmlBase: boolean;
  /** Effective xml:lang, inherited from ancestors. */
  lang: string | null;
}
export type XmlNode = XmlElement | string;

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss1: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  media: 'http://search.yahoo.com/mrss/',
  xhtml: 'http://www.w3.org/1999/xhtml',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** Prefixes feeds use without declaring them; a declared prefix always wins. */
const WELL_KNOWN_PREFIXES: Readonly<Record<string, string>> = {
  xml: NS.xml,
  dc: NS.dc,
  dcterms: NS.dcterms,
  content: NS.content,
  media: NS.media,
  atom: NS.atom,
  rdf: NS.rdf,
};

const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities are decoded by us: fast-xml-parser's own expansion is what XXE guards are about.
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
  allowBooleanAttributes: true,
});

const TEXT = '#text';
const CDATA = '#cdata';
const COMMENT = '#comment';
const ATTRS = ':@';

/** End of a <!DOCTYPE ...> declaration (index after '>'), and whether it has an internal subset. */
function doctypeExtent(text: string, start: number): { end: number; internalSubset: boolean } {
  let quote: string | null = null;
  for (let i = start + 9; i < text.length; i++) {
    const ch = text[i];
    if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') return { end: i, internalSubset: true };
    else if (ch === '>') return { end: i + 1, internalSubset: false };
  }
  return { end: text.length, internalSubset: false };
}

/**
 * Returns the text with any harmless DOCTYPE blanked out, or throws FEED_DTD_REFUSED when it
 * declares entities or has an internal subset (XXE, billion laughs). A linear scan: hostile input
 * is refused before any parser expands it. A bare DOCTYPE with only a public/system id is kept
 * out of the parser but accepted, because RSS 0.91 feeds carry Netscape's, and HTML pages theirs;
 * nothing here ever fetches an external DTD.
 */
export function refuseDtd(text: string): string {
  let out = text;
  let i = text.indexOf('<!');
  while (i !== -1) {
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end === -1) return out;
      i = text.indexOf('<!', end + 3);
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return out;
      i = text.indexOf('<!', end + 3);
      continue;
    }
    const word = text.slice(i + 2, i + 9).toUpperCase();
    if (word.startsWith('ENTITY')) {
      throw new PermanentError('FEED_DTD_REFUSED', 'feed declares entities; refused', { offset: i });
    }
    if (word === 'DOCTYPE') {
      const { end, internalSubset } = doctypeExtent(text, i);
      if (internalSubset) throw new PermanentError('FEED_DTD_REFUSED', 'feed declares a DTD internal subset; refused', { offset: i });
      out = out.slice(0, i) + ' '.repeat(end - i) + out.slice(end);
      i = text.indexOf('<!', end);
      continue;
    }
    i = text.indexOf('<!', i + 2);
  }
  return out;
}

/**
 * A CDATA section or comment (kept as written), or an `&` that starts no reference the strict
 * check accepts. Names stop at 20 characters because the validator refuses longer ones; every
 * reference decodeXmlEntities would turn into a character is left alone.
 */
const CDATA_COMMENT_OR_BARE_AMP = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&(?!#\d+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]{0,19};)/g;

/**
 * Escapes the bare ampersands of hand-made feeds ("Q&A", "?a=1&b=2"), which are the commonest
 * reason a real feed is not well-formed and which feed readers accept: one of them would otherwise
 * lose every item of the feed on every poll. An escaped `&` decodes back to the literal `&`, which
 * is what decodeXmlEntities leaves for a reference it does not know, so the text is unchanged.
 */
function escapeBareAmpersands(text: string): string {
  return text.replace(CDATA_COMMENT_OR_BARE_AMP, (m) => (m === '&' ? '&amp;' : m));
}

/** The text when it is well-formed, after escaping bare ampersands; else throws FEED_PARSE. */
function wellFormed(text: string): string {
  let valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid === true) return text;
  // Only a document the strict check refuses is rewritten: well-formed feeds pay nothing.
  const repaired = escapeBareAmpersands(text);
  if (repaired !== text) {
    valid = XMLValidator.validate(repaired, { allowBooleanAttributes: true });
    if (valid === true) return repaired;
  }
  // Line numbers hold; a column may count the four characters of each "amp;" added before it.
  throw new PermanentError('FEED_PARSE', `not well-formed XML: ${valid.err.msg}`, {
    line: valid.err.line,
    col: valid.err.col,
  });
}

type RawNode = Record<string, unknown>;

function resolveUrl(ref: string, base: string | null): string | null {
  try {
    return new URL(ref, base ?? undefined).href;
  } catch {
    return base === null ? null : base;
  }
}

function nodeText(raw: unknown): string {
  if (!Array.isArray(raw)) return '';
  let out = '';
  for (const part of raw as RawNode[]) {
    const t = part[TEXT];
    if (typeof t === 'string' || typeof t === 'number') out += String(t);
  }
  return out;
}

function buildElement(
  raw: RawNode,
  name: string,
  scope: Readonly<Record<string, string>>,
  parentBase: string | null,
  parentHasXmlBase: boolean,
  parentLang: string | null,
): XmlElement {
  const rawAttrs = (raw[ATTRS] ?? {}) as Record<string, unknown>;
  const attrs: Record<string, string> = {};
  let localScope = scope;
  for (const [k, v] of Object.entries(rawAttrs)) {
    const value = v === true ? '' : decodeXmlEntities(String(v));
    attrs[k] = value;
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      if (localScope === scope) localScope = { ...scope };
      (localScope as Record<string, string>)[k === 'xmlns' ? '' : k.slice(6)] = value;
    }
  }
  const colon = name.indexOf(':');
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  const local = colon === -1 ? name : name.slice(colon + 1);
  const ns = localScope[prefix] ?? (prefix ? (WELL_KNOWN_PREFIXES[prefix] ?? null) : null);
  const xmlBase = attrs['xml:base'];
  const base = xmlBase !== undefined ? resolveUrl(xmlBase, parentBase) : parentBase;
  const lang = attrs['xml:lang'] !== undefined ? attrs['xml:lang'] || null : parentLang;
  const hasXmlBase = parentHasXmlBase || (xmlBase !== undefined && base !== null);
  const el: XmlElement = { name, local, ns: ns || null, attrs, children: [], base, hasXmlBase, lang };
  const kids = raw[name];
  if (Array.isArray(kids)) {
    for (const kid of kids as RawNode[]) {
      const node = buildNode(kid, localScope, base, hasXmlBase, lang);
      if (node !== null) el.children.push(node);
    }
  }
  return el;
}

function buildNode(
  raw: RawNode,
  scope: Readonly<Record<string, string>>,
  base: string | null,
  hasXmlBase: boolean,
  lang: string | null,
): XmlNode | null {
  for (const key of Object.keys(raw)) {
    if (key === ATTRS) continue;
    if (key === TEXT) return decodeXmlEntities(String(raw[TEXT]));
    if (key === CDATA) return nodeText(raw[CDATA]);
    if (key === COMMENT) return null;
    if (key.startsWith('?')) return null;
    return buildElement(raw, key, scope, base, hasXmlBase, lang);
  }
  return null;
}

/**
 * Parses well-formed XML into a tree rooted at the document element. DTDs with declarations are
 * refused first; bare ampersands are read as text; otherwise malformed documents throw FEED_PARSE.
 */
export function parseXmlTree(text: string, documentUrl: string | null): XmlElement {
  const safe = wellFormed(refuseDtd(text));
  const doc = PARSER.parse(safe) as RawNode[];
  const base = documentUrl ? resolveUrl(documentUrl, null) : null;
  for (const top of doc) {
    const node = buildNode(top, WELL_KNOWN_PREFIXES, base, false, null);
    if (node !== null && typeof node !== 'string') return node;
  }
  throw new PermanentError('FEED_PARSE', 'document has no root element');
}

/** Namespace URIs compare without a trailing slash or hash: feeds get the mrss one wrong. */
function sameNs(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return a.replace(/[/#]$/, '') === b.replace(/[/#]$/, '');
}

/** Child elements with this namespace (null = none, '*' = any) and local name. */
export function childrenOf(el: XmlElement, ns: string | null | '*', local: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c !== 'string' && c.local === local && (ns === '*' || sameNs(c.ns, ns))) out.push(c);
  }
  return out;
}

/** The first matching child element, or undefined. */
export function childOf(el: XmlElement, ns: string | null | '*', local: string): XmlElement | undefined {
  for (const c of el.children) {
    if (typeof c !== 'string' && c.local === local && (ns === '*' || sameNs(c.ns, ns))) return c;
  }
  return undefined;
}

/** All descendant text, concatenated. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}

/** Trimmed text of the first matching child, or null when absent or blank. */
export function childText(el: XmlElement, ns: string | null | '*', local: string): string | null {
  const t = textOf(childOf(el, ns, local)).trim();
  return t === '' ? null : t;
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/** Serialises children back to HTML (Atom xhtml content): prefixes and xmlns dropped. */
export function serializeHtml(nodes: readonly XmlNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (typeof n === 'string') {
      out += escapeText(n);
      continue;
    }
    let attrs = '';
    for (const [k, v] of Object.entries(n.attrs)) {
      if (k === 'xmlns' || k.startsWith('xmlns:') || k.startsWith('xml:')) continue;
      attrs += ` ${k}="${escapeAttr(v)}"`;
    }
    const tag = n.local.toLowerCase();
    if (VOID_ELEMENTS.has(tag)) out += `<${tag}${attrs}>`;
    else out += `<${tag}${attrs}>${serializeHtml(n.children)}</${tag}>`;
  }
  return out;
}
