/**
 * Which stages share a queue is configuration, not code. A topology is an ordered list of groups;
 * each group is one BullMQ queue whose job runs the group's stages in order.
 *   split = normalize | translate-tag | enrich | publish   (a queue per stage)
 *   fused = normalize+translate-tag+enrich+publish          (one job per story)
 */
import { STAGE_NAMES, type StageName } from '../workers/stage.js';

export interface StageGroup {
  /** Queue name: the group's stage names joined by '+'. */
  queue: string;
  stages: StageName[];
}

export interface Topology {
  name: string;
  groups: StageGroup[];
}

const PRESETS: Record<string, string> = {
  split: 'normalize,translate-tag,enrich,publish',
  fused: 'normalize+translate-tag+enrich+publish',
};

/** Parses `split`, `fused` or a custom spec such as `normalize+translate-tag,enrich+publish`. */
export function parseTopology(spec: string): Topology {
  const text = PRESETS[spec] ?? spec;
  const groups: StageGroup[] = text.split(',').map((group) => {
    const stages = group.split('+').map((s) => s.trim());
    for (const s of stages) {
      if (!(STAGE_NAMES as readonly string[]).includes(s)) {
        throw new Error(`unknown stage "${s}" in topology "${spec}" (stages: ${STAGE_NAMES.join(', ')}; presets: split, fused)`);
      }
    }
    return { queue: stages.join('+'), stages: stages as StageName[] };
  });
  const order = groups.flatMap((g) => g.stages);
  if (order.join(',') !== STAGE_NAMES.join(',')) {
    throw new Error(`topology "${spec}" must run every stage once, in order: ${STAGE_NAMES.join(' → ')}`);
  }
  return { name: spec, groups };
}
