/**
 * Prometheus text exposition for several BullMQ queues at once. BullMQ writes one exposition per
 * queue, each with its own `# HELP`/`# TYPE` lines; the format allows those once per metric
 * family, so the per-queue texts are merged family by family.
 */

const COMMENT = /^# (HELP|TYPE) (\S+)/;
const SAMPLE = /^([A-Za-z_:][A-Za-z0-9_:]*)/;

interface Family {
  help: string | null;
  type: string | null;
  samples: string[];
}

/** One exposition from many: each metric family's HELP and TYPE once, then all its samples. */
export function mergeExpositions(texts: readonly string[]): string {
  const families = new Map<string, Family>();
  const family = (name: string): Family => {
    let f = families.get(name);
    if (!f) families.set(name, (f = { help: null, type: null, samples: [] }));
    return f;
  };
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const comment = COMMENT.exec(line);
      if (comment) {
        const f = family(comment[2] as string);
        if (comment[1] === 'HELP') f.help ??= line;
        else f.type ??= line;
        continue;
      }
      const sample = SAMPLE.exec(line);
      if (sample) family(sample[1] as string).samples.push(line);
    }
  }
  const out: string[] = [];
  for (const f of families.values()) {
    if (f.help) out.push(f.help);
    if (f.type) out.push(f.type);
    out.push(...f.samples);
  }
  return `${out.join('\n')}\n`;
}

/** A metric family with one unlabeled sample, in exposition format. */
export function metric(name: string, type: 'gauge' | 'counter', help: string, value: number): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${name} ${value}\n`;
}
