/**
 * BCP 47 codes ↔ DeepL's language codes, from DeepL's "Languages supported" page. DeepL wants
 * upper case, bare codes for the source (`VI`, `EN`) and a variant for some targets (`EN-GB`,
 * `PT-PT`, `ZH-HANS`): a bare `EN` target is deprecated. Vietnamese is a supported source and
 * target (served by DeepL's next-gen models), so vi → en/fr goes to DeepL as `VI`.
 */
import { baseLanguage } from './provider.js';

const SOURCES: ReadonlySet<string> = new Set([
  'AR', 'BG', 'CS', 'DA', 'DE', 'EL', 'EN', 'ES', 'ET', 'FI', 'FR', 'HE', 'HU', 'ID', 'IT', 'JA',
  'KO', 'LT', 'LV', 'NB', 'NL', 'PL', 'PT', 'RO', 'RU', 'SK', 'SL', 'SV', 'TH', 'TR', 'UK', 'VI', 'ZH',
]);

/** Targets that need no variant: the bare code is the current, non-deprecated one. */
const PLAIN_TARGETS: ReadonlySet<string> = new Set([
  'AR', 'BG', 'CS', 'DA', 'DE', 'EL', 'ES', 'ET', 'FI', 'FR', 'HE', 'HU', 'ID', 'IT', 'JA', 'KO',
  'LT', 'LV', 'NB', 'NL', 'PL', 'RO', 'RU', 'SK', 'SL', 'SV', 'TH', 'TR', 'UK', 'VI',
]);

/** Region/script variants DeepL names as targets, keyed by our lower-case BCP 47 code. */
const VARIANT_TARGETS: ReadonlyMap<string, string> = new Map([
  ['en-gb', 'EN-GB'],
  ['en-us', 'EN-US'],
  ['pt-pt', 'PT-PT'],
  ['pt-br', 'PT-BR'],
  ['es-419', 'ES-419'],
  ['zh-hans', 'ZH-HANS'],
  ['zh-hant', 'ZH-HANT'],
  ['zh-cn', 'ZH-HANS'],
  ['zh-tw', 'ZH-HANT'],
]);

/** Norwegian: DeepL only has Bokmål, which is what "no" means in practice. */
const ALIASES: ReadonlyMap<string, string> = new Map([['no', 'NB']]);

export type EnglishVariant = 'EN-GB' | 'EN-US';

/** DeepL's source code for a BCP 47 tag (`vi` → `VI`, `en-GB` → `EN`), or null if unsupported. */
export function deeplSource(lang: string): string | null {
  const base = baseLanguage(lang);
  const code = ALIASES.get(base) ?? base.toUpperCase();
  return SOURCES.has(code) ? code : null;
}

/**
 * DeepL's target code for a BCP 47 tag: a known variant as asked, bare `en` → `englishVariant`,
 * bare `pt` → `PT-PT`, bare `zh` → `ZH-HANS`; null if DeepL cannot translate into it.
 */
export function deeplTarget(lang: string, englishVariant: EnglishVariant = 'EN-GB'): string | null {
  const lower = lang.toLowerCase();
  const variant = VARIANT_TARGETS.get(lower);
  if (variant !== undefined) return variant;
  const base = baseLanguage(lower);
  if (base === 'en') return englishVariant;
  if (base === 'pt') return 'PT-PT';
  if (base === 'zh') return 'ZH-HANS';
  const code = ALIASES.get(base) ?? base.toUpperCase();
  return PLAIN_TARGETS.has(code) ? code : null;
}
