/** Atom 1.0 and Atom 0.3 documents → item drafts. */
import { absoluteUrl, clean, emptyDraft, type ItemDraft } from './item-draft.js';
import { renditionFrom, mediaRenditions } from './map-media.js';
import { NS, childOf, childrenOf, childText, serializeHtml, textOf, type XmlElement, type XmlNode } from './xml-tree.js';
import type { FeedDraft } from './feed-draft.js';

const TAG = /<[^>]*>/g;

/** The Atom 1.0 xhtml construct wraps its content in one xhtml div that is not part of it. */
function xhtmlChildren(el: XmlElement): readonly XmlNode[] {
  const elements = el.children.filter((c): c is XmlElement => typeof c !== 'string');
  const only = elements.length === 1 ? elements[0] : undefined;
  if (only && only.local === 'div' && only.ns === NS.xhtml) return only.children;
  return el.children;
}

/** Plain text made safe to read as HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An Atom text construct as HTML, plus whether it carried markup. */
function textConstruct(el: XmlElement | undefined, atom03: boolean): { html: string; isHtml: boolean } | null {
  if (!el || el.attrs['src'] !== undefined) return null;
  const type = (el.attrs['type'] ?? 'text').toLowerCase();
  if (atom03) {
    const mode = (el.attrs['mode'] ?? 'xml').toLowerCase();
    if (mode === 'base64') {
      const html = Buffer.from(textOf(el), 'base64').toString('utf8');
      return { html, isHtml: type.includes('html') };
    }
    if (mode === 'xml') {
      const kids = xhtmlChildren(el);
      const hasElements = kids.some((k) => typeof k !== 'string');
      return hasElements ? { html: serializeHtml(kids).trim(), isHtml: true } : { html: textOf(el).trim(), isHtml: type.includes('html') };
    }
    return { html: textOf(el).trim(), isHtml: type.includes('html') };
  }
  if (type === 'xhtml') return { html: serializeHtml(xhtmlChildren(el)).trim(), isHtml: true };
  if (type === 'html' || type === 'text/html') return { html: textOf(el).trim(), isHtml: true };
  return { html: textOf(el).trim(), isHtml: false };
}

/** A title or other short construct as plain text (markup removed). */
function plainText(el: XmlElement | undefined, atom03: boolean): string | null {
  const t = textConstruct(el, atom03);
  if (t === null) return null;
  const plain = t.isHtml ? t.html.replace(TAG, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&') : t.html;
  return clean(plain.replace(/\s+/g, ' '));
}

function personNames(parent: XmlElement, ns: string | null): string[] {
  const out: string[] = [];
  for (const a of childrenOf(parent, ns, 'author')) {
    const name = childText(a, ns, 'name') ?? childText(a, ns, 'email');
    if (name !== null) out.push(name);
  }
  return out;
}

function alternateLink(entry: XmlElement, ns: string | null): string | null {
  const links = childrenOf(entry, ns, 'link');
  const alts = links.filter((l) => (l.attrs['rel'] ?? 'alternate') === 'alternate');
  const pick = alts.find((l) => (l.attrs['type'] ?? 'text/html').includes('html')) ?? alts[0];
  if (!pick) return null;
  return absoluteUrl(clean(pick.attrs['href']), pick.base);
}

function mapEntry(entry: XmlElement, ns: string | null, feedAuthors: string[], feedLang: string | null): ItemDraft {
  const atom03 = ns === NS.atom03;
  const d = emptyDraft('feed-item');
  d.id = childText(entry, ns, 'id');
  d.url = alternateLink(entry, ns);
  d.title = plainText(childOf(entry, ns, 'title'), atom03);
  const summaryEl = childOf(entry, ns, 'summary');
  const contentEl = childOf(entry, ns, 'content');
  const summary = textConstruct(summaryEl, atom03);
  const content = textConstruct(contentEl, atom03);
  // The raw item's summary is HTML: a type="text" summary is escaped so "< 5%" stays text.
  d.summary = summary ? clean(summary.isHtml ? summary.html : escapeHtml(summary.html)) : null;
  const body = content ?? summary;
  d.content = body ? body.html : null;
  // Plain text constructs are escaped so the item's content is HTML throughout.
  if (body && !body.isHtml) d.content = escapeHtml(body.html);
  d.contentType = 'html';

  const authors = personNames(entry, ns);
  const source = childOf(entry, ns, 'source');
  d.authors = authors.length > 0 ? authors : source ? personNames(source, ns) : [];
  if (d.authors.length === 0) d.authors = [...feedAuthors];
  for (const c of childrenOf(entry, ns, 'category')) {
    const term = clean(c.attrs['term']) ?? clean(textOf(c));
    if (term !== null) d.categories.push({ term, scheme: clean(c.attrs['scheme']) });
  }
  for (const c of childrenOf(entry, NS.dc, 'subject')) {
    const t = clean(textOf(c));
    if (t !== null) d.categories.push({ term: t, scheme: null });
  }
  d.publishedRaw = atom03
    ? [childText(entry, ns, 'issued'), childText(entry, ns, 'created')]
    : [childText(entry, ns, 'published'), childText(entry, NS.dc, 'date')];
  d.updatedRaw = atom03 ? [childText(entry, ns, 'modified')] : [childText(entry, ns, 'updated')];
  d.language = contentEl?.lang ?? entry.lang ?? feedLang;
  for (const l of childrenOf(entry, ns, 'link')) {
    if (l.attrs['rel'] !== 'enclosure') continue;
    const r = renditionFrom(l, 'href', clean(l.attrs['type']), clean(l.attrs['title']), l.base);
    if (r) d.renditions.push(r);
  }
  d.renditions.push(...mediaRenditions(entry, entry.base));
  d.baseUrl = contentEl?.base ?? entry.base ?? d.url;
  return d;
}

/** Maps an Atom <feed> root (1.0 or 0.3, told apart by namespace). */
export function mapAtom(root: XmlElement): FeedDraft {
  // A namespace-less <feed> is read as Atom 1.0 with the same (empty) namespace for its children.
  const ns = root.ns;
  const feedAuthors = personNames(root, ns);
  return {
    title: plainText(childOf(root, ns, 'title'), ns === NS.atom03),
    language: root.lang,
    ttlSeconds: null,
    items: childrenOf(root, ns, 'entry').map((e) => mapEntry(e, ns, feedAuthors, root.lang)),
  };
}

/** True when an element is an Atom feed root of either version. */
export function isAtomRoot(root: XmlElement): boolean {
  return root.local === 'feed' && (root.ns === NS.atom || root.ns === NS.atom03 || root.ns === null);
}
