/**
 * Feed ingest cost: parseFeed (our fast-xml-parser tree + format mapping into RawItems) on a
 * generated 1,000-item RSS 2.0 and Atom 1.0 feed, each item with about 3 KB of HTML, against
 * fast-xml-parser's own parse of the same text (attributes on, as any feed reader needs).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseFeed } from '../src/producers/feed/parse-feed.js';
import { repoRoot } from './lib/root.js';
import { round, summarize } from './lib/stats.js';
import type { Row, Scenario, ScenarioResult } from './scenario.js';

const ITEMS = 1_000;
const HTML_BYTES = 3 * 1024;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** About 3 KB of article HTML built from real sample prose (paragraphs, a link, an image). */
export async function sampleHtml(): Promise<string> {
  const text = await readFile(join(repoRoot(), 'samples/wire/wire-vi-hagiang.txt'), 'utf8');
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 80);
  let html = '<figure><img src="https://example.vn/anh/1.jpg" alt="Ảnh minh họa"/><figcaption>Ảnh: TTXVN</figcaption></figure>';
  for (let i = 0; Buffer.byteLength(html) < HTML_BYTES; i++) {
    const p = paragraphs[i % Math.max(1, paragraphs.length)] ?? 'Nội dung bài viết.';
    html += `<p>${escapeXml(p)} <a href="https://example.vn/tin/${i}">Xem thêm</a></p>`;
  }
  return html;
}

/** A 1,000-item RSS 2.0 document (HTML in CDATA, as most agencies send it). */
export function generateRss(html: string, items = ITEMS): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">', '<channel><title>Bench</title><link>https://example.vn/</link><description>bench feed</description><language>vi</language>'];
  for (let i = 0; i < items; i++) {
    const date = new Date(Date.UTC(2026, 10, 27, 0, 0, i)).toUTCString();
    out.push(
      `<item><title>Tin số ${i}: Hà Giang phát triển du lịch cộng đồng</title><link>https://example.vn/tin/${i}.html</link>` +
        `<guid isPermaLink="false">bench-${i}</guid><pubDate>${date}</pubDate><dc:creator>Minh Tâm</dc:creator><category>Hội nhập</category>` +
        `<description>${escapeXml('Tóm tắt bài viết số ' + i)}</description><content:encoded><![CDATA[${html}]]></content:encoded></item>`,
    );
  }
  out.push('</channel></rss>');
  return out.join('\n');
}

/** A 1,000-entry Atom 1.0 document (HTML escaped in content type="html"). */
export function generateAtom(html: string, items = ITEMS): string {
  const escaped = escapeXml(html);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi"><title>Bench</title><id>urn:bench</id><updated>2026-11-27T00:00:00Z</updated>'];
  for (let i = 0; i < items; i++) {
    const date = new Date(Date.UTC(2026, 10, 27, 0, 0, i)).toISOString();
    out.push(
      `<entry><title>Tin số ${i}: Hà Giang phát triển du lịch cộng đồng</title><id>urn:bench:${i}</id><link href="https://example.vn/tin/${i}.html"/>` +
        `<updated>${date}</updated><author><name>Minh Tâm</name></author><category term="Hội nhập"/><summary>Tóm tắt bài viết số ${i}</summary>` +
        `<content type="html">${escaped}</content></entry>`,
    );
  }
  out.push('</feed>');
  return out.join('\n');
}

/**
 * Median ms of parseFeed and of the bare parse on `text`, and the items parseFeed returned. Runs
 * alternate (ours, bare, ours, …) so a noisy neighbour weighs on both sides alike.
 */
export async function compareParse(text: string, runs: number): Promise<{ ours: number; bare: number; items: number }> {
  const bareParser = new XMLParser({ ignoreAttributes: false });
  const ctx = { sourceId: 'bench', feedUrl: 'https://example.vn/feed', receivedAt: new Date() };
  const items = (await parseFeed(text, ctx)).items.length;
  bareParser.parse(text);
  const ours: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await parseFeed(text, ctx);
    ours.push(performance.now() - t);
    t = performance.now();
    bareParser.parse(text);
    bare.push(performance.now() - t);
  }
  return { ours: summarize(ours).median, bare: summarize(bare).median, items };
}

export const ingestParseScenario: Scenario = {
  name: 'ingest-parse',
  title: 'Feed ingest: parseFeed vs bare fast-xml-parser (1,000 items × ~3 KB HTML)',
  async run(ctx): Promise<ScenarioResult> {
    const html = await sampleHtml();
    const runs = ctx.opts.quick ? 3 : 7;
    const rows: Row[] = [];
    const figures: Record<string, number | null> = {};
    const checks = [];
    for (const [kind, text] of [['rss', generateRss(html)], ['atom', generateAtom(html)]] as const) {
      ctx.progress(`ingest-parse: ${kind}, ${(Buffer.byteLength(text) / 2 ** 20).toFixed(1)} MB, ${runs} runs`);
      const r = await compareParse(text, runs);
      const q = r.ours / r.bare;
      rows.push({ metric: `${kind}: parseFeed`, value: round(r.ours, 1), unit: 'ms', note: `${r.items} items` });
      rows.push({ metric: `${kind}: fast-xml-parser bare parse`, value: round(r.bare, 1), unit: 'ms' });
      rows.push({ metric: `${kind}: ratio`, value: round(q), unit: 'ratio' });
      figures[`ingest_parse_ratio_${kind}`] = round(q);
      figures[`ingest_parse_ms_${kind}`] = round(r.ours, 1);
      checks.push({ name: `parseFeed ÷ bare parse, ${kind}`, value: round(q), target: '≤ 1.5', pass: r.items === ITEMS && q <= 1.5 });
    }
    return { rows, figures, checks };
  },
};
