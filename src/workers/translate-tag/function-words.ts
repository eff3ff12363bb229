/**
 * The most frequent function words of the Latin-script languages eld may answer. Counting them
 * is a cheap way to spot a sentence in another language inside a longer text (a quoted English
 * sentence in French copy) without running the statistical detector on every sentence.
 */
import { isLetter } from '../normalize/char-classes.js';

const WORDS: Readonly<Record<string, string>> = {
  en: 'the and of to in is was were for with on that said by from has have had will at this are its it be an as which who not',
  fr: 'le la les des du de et est en un une dans pour que qui sur au aux par avec ont été sont ce cette il elle ne pas se son sa leurs',
  es: 'el la los las de del y en que por con para un una es se al fue como más su sus este esta han ha',
  de: 'der die das und ist nicht mit von den dem ein eine zu auf für im sich auch wird wurde',
  it: 'il di che e la per un una non con del della sono è nel alla gli le ha',
  pt: 'o a os as de do da dos das e em que um uma para com não no na é foi ao pelo pela',
};

const LANGUAGES_BY_WORD: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [lang, list] of Object.entries(WORDS)) {
    for (const word of list.split(' ')) map.set(word, [...(map.get(word) ?? []), lang]);
  }
  return map;
})();

// Longer words are never function words: they are skipped without being cut out and looked up.
const LONGEST_WORD = Math.max(...[...LANGUAGES_BY_WORD.keys()].map((w) => w.length));

/**
 * The language whose function words clearly dominate a sentence (at least two of them, and at
 * least twice as many as any other language's), or null when they do not tell. Words are the
 * runs of letters (/\p{L}+/gu) of the lowercased sentence.
 */
export function functionWordVote(text: string): string | null {
  const counts = new Map<string, number>();
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; ) {
    const start = i;
    let c = lower.codePointAt(i)!;
    while (isLetter(c)) {
      i += c > 0xffff ? 2 : 1;
      if (i >= lower.length) break;
      c = lower.codePointAt(i)!;
    }
    if (i === start) {
      i += c > 0xffff ? 2 : 1;
      continue;
    }
    if (i - start > LONGEST_WORD) continue;
    for (const lang of LANGUAGES_BY_WORD.get(lower.slice(start, i)) ?? []) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  let second = 0;
  for (const [lang, n] of counts) {
    if (n > bestCount) {
      second = bestCount;
      best = lang;
      bestCount = n;
    } else if (n > second) second = n;
  }
  return best !== null && bestCount >= 2 && bestCount >= 2 * second ? best : null;
}
