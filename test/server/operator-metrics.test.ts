/**
 * What operators watch while the pipeline runs, on a real pipeline with workers: GET /status
 * with jobs completed and failed (totals, this minute, per minute) per stage group and the
 * dead-letter count; GET /metrics with the same for Prometheus, one HELP/TYPE per family.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentToRawItems } from '../../src/producers/sniff.js';
import type { RawItem } from '../../src/shared/raw-item.js';
import { readJson } from '../support/http.js';
import { drained, eventually, startTestPipeline, type PipelineHarness } from '../support/pipeline-harness.js';

const OPERATOR = 'operator-token-0123456789';
const WIRE = new URL('../fixtures/wire-samples/wire-vi-hagiang.txt', import.meta.url);
const auth = { authorization: `Bearer ${OPERATOR}` };
/** Queue names such as `normalize+translate-tag` are literal text inside a pattern. */
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function stories(n: number): Promise<RawItem[]> {
  const text = await readFile(WIRE, 'utf8');
  const items: RawItem[] = [];
  for (let i = 0; i < n; i++) {
    items.push(...(await documentToRawItems(Buffer.from(text.replace('Bồi dưỡng', `Bồi dưỡng (lần ${i})`)), { sourceId: `vna-${i}`, fileName: `s${i}.txt`, receivedAt: new Date('2023-08-02T09:00:00Z') })));
  }
  return items;
}

describe.each(['fused', 'split'])('operator metrics, %s topology', (topology) => {
  let h: PipelineHarness;
  beforeAll(async () => {
    h = await startTestPipeline(`metrics-${topology}`, { OPERATOR_TOKEN: OPERATOR, TOPOLOGY: topology });
    const good = await stories(3);
    // An item with neither title nor text fails for good at normalize: one failed job, one dead letter.
    const empty: RawItem = { ...good[0]!, sourceId: 'vna-empty', identity: 'empty-1', title: null, summary: null, content: '  ' };
    await h.pipeline.sink([...good, empty]);
    await eventually(async () => ((await h.pipeline.store.list('all', 10)).length === 3 ? true : undefined), 30_000, 'three stories published');
    await drained(h.pipeline);
  }, 60_000);
  afterAll(async () => h?.stop());

  it('GET /status counts what each stage group completed and failed, and the dead letters', async () => {
    const status = await readJson(await fetch(`${h.pipeline.baseUrl}/status`, { headers: auth }));
    const [first] = status.queues;
    const last = status.queues.at(-1);
    // The first group saw all four items and failed one; the last group published three.
    expect(first.failed.total).toBe(1);
    expect(first.completed.total).toBe(3);
    expect(last.completed.total).toBe(3);
    // All of it happened in the last minute or so: this minute plus the one before hold every job.
    expect(last.completed.thisMinute + (last.completed.perMinute[0] ?? 0)).toBe(3);
    expect(status.deadLetters).toBe(1);
  });

  it('GET /metrics is one Prometheus exposition with per-queue samples', async () => {
    const res = await fetch(`${h.pipeline.baseUrl}/metrics`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text.match(/^# TYPE bullmq_job_completed_total counter$/gm)).toHaveLength(1);
    for (const q of h.pipeline.queues.queues) expect(text).toMatch(new RegExp(`^bullmq_job_completed_total\\{queue="${literal(q.name)}"\\} \\d+$`, 'm'));
    const lastQueue = h.pipeline.queues.queues.at(-1)!.name;
    expect(text).toMatch(new RegExp(`^bullmq_job_completed_total\\{queue="${literal(lastQueue)}"\\} 3$`, 'm'));
    expect(text).toMatch(/^# TYPE wirepipe_dead_letters_total counter$/m);
    expect(text).toMatch(/^wirepipe_dead_letters_total 1$/m);
    expect((await fetch(`${h.pipeline.baseUrl}/metrics`)).status).toBe(401);
  });
});
