/** Media RSS (media:content, media:group, media:thumbnail) and enclosures → renditions. */
import type { Rendition } from '../../shared/article.js';
import { absoluteUrl, clean } from './item-draft.js';
import { NS, childrenOf, childText, type XmlElement } from './xml-tree.js';

function dimension(v: string | undefined): number | null {
  if (v === undefined) return null;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) && n > 0 ? n : null;
}

function caption(...els: (XmlElement | undefined)[]): string | null {
  for (const el of els) {
    if (!el) continue;
    const c = childText(el, NS.media, 'description') ?? childText(el, NS.media, 'title');
    if (c !== null) return c;
  }
  return null;
}

/** A rendition from an element with a URL attribute, resolved against the element's xml:base. */
export function renditionFrom(el: XmlElement, urlAttr: string, type: string | null, cap: string | null, base: string | null): Rendition | null {
  const href = absoluteUrl(clean(el.attrs[urlAttr]), el.hasXmlBase ? el.base : (base ?? el.base));
  if (href === null) return null;
  return {
    href,
    type,
    width: dimension(el.attrs['width']),
    height: dimension(el.attrs['height']),
    caption: cap,
  };
}

function mediaContentType(el: XmlElement): string | null {
  const t = clean(el.attrs['type']);
  if (t !== null) return t;
  // media:content may give only medium="image"; a type-less rendition is still worth keeping.
  return null;
}

/** Renditions from media:content / media:group / media:thumbnail children of an item or entry. */
export function mediaRenditions(item: XmlElement, base: string | null): Rendition[] {
  const out: Rendition[] = [];
  const groups = [item, ...childrenOf(item, NS.media, 'group')];
  for (const g of groups) {
    for (const mc of childrenOf(g, NS.media, 'content')) {
      const r = renditionFrom(mc, 'url', mediaContentType(mc), caption(mc, g === item ? undefined : g, item), base);
      if (r) out.push(r);
    }
    for (const th of childrenOf(g, NS.media, 'thumbnail')) {
      const r = renditionFrom(th, 'url', null, caption(g === item ? undefined : g, item), base);
      if (r) out.push(r);
    }
  }
  return out;
}

/** Renditions from RSS <enclosure url type length>. */
export function enclosureRenditions(item: XmlElement, ns: string | null, base: string | null): Rendition[] {
  const out: Rendition[] = [];
  for (const enc of childrenOf(item, ns, 'enclosure')) {
    const r = renditionFrom(enc, 'url', clean(enc.attrs['type']), caption(item), base);
    if (r) out.push(r);
  }
  return out;
}

