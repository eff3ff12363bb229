/** The stage functions by name, so a topology can pick them by configuration. */
import { normalize } from './normalize/index.js';
import { translateTag } from './translate-tag/index.js';
import { enrich, makeEnrich, type EnrichOptions } from './enrich/index.js';
import { createPublishStage, type PublishTargets } from './publish/index.js';
import type { ArticleStage, NormalizeStage, StageName } from './stage.js';

export interface StageSet {
  normalize: NormalizeStage;
  'translate-tag': ArticleStage;
  enrich: ArticleStage;
  publish: ArticleStage;
}

/** The stages that need no outside service: what `wirepipe process` runs. */
export const OFFLINE_STAGES: readonly StageName[] = ['normalize', 'translate-tag', 'enrich'];

/** Every stage; publish writes to the given targets; enrich may use an archive-learned IDF. */
export function createStages(targets: PublishTargets | null, enrichOptions?: EnrichOptions): StageSet {
  return {
    normalize,
    'translate-tag': translateTag,
    enrich: enrichOptions ? makeEnrich(enrichOptions) : enrich,
    publish: targets
      ? createPublishStage(targets)
      : async () => {
          throw new Error('the publish stage was asked to run without publish targets');
        },
  };
}
