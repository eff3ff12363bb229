/**
 * The most frequent function words of the Latin-script languages eld may answer. Counting them
 * is a cheap way to spot a sentence in another language inside a longer text (a quoted English
 * sentence in French copy) without running the statistical detector on every sentence.
 */
import { isLetter } from '../normalize/char-classes.js';
import { WordVocabulary } from './word-ids.js';

const WORDS: Readonly<Record<string, string>> = {
  en: 'the and of to in is was were for with on that said by from has have had will at this are its it be an as which who not',
  fr: 'le la les des du de et est en un une dans pour que qui sur au aux par avec ont été sont ce cette il elle ne pas se son sa leurs',
  es: 'el la los las de del y en que por con para un una es se al fue como más su sus este esta han ha',
  de: 'der die das und ist nicht mit von den dem ein eine zu auf für im sich auch wird wurde',
  it: 'il di che e la per un una non con del della sono è nel alla gli le ha',
  pt: 'o a os as de do da dos das e em que um uma para com não no na é foi ao pelo pela',
};

const LANGUAGES: readonly string[] = Object.keys(WORDS);
// The function words, and by word id the languages (indexes into LANGUAGES) each belongs to: a
// sentence's words are looked up where they lie, not cut out as strings for a Map.
const FUNCTION_WORDS = new WordVocabulary();
const LANGUAGES_BY_WORD_ID: readonly (readonly number[])[] = (() => {
  const byId: number[][] = [];
  LANGUAGES.forEach((lang, l) => {
    for (const word of WORDS[lang]!.split(' ')) {
      const id = FUNCTION_WORDS.add(word);
      (byId[id] ??= []).push(l);
    }
  });
  return byId;
})();

// Longer words are never function words: they are skipped without being looked up.
const LONGEST_WORD = Math.max(...Object.values(WORDS).flatMap((list) => list.split(' ').map((w) => w.length)));

// Function words per language of the sentence being read, and the languages in the order first
// counted (the order ties are settled in): shared by every call, emptied after each.
const counts = new Int32Array(LANGUAGES.length);
const counted = new Int32Array(LANGUAGES.length);

/**
 * The language whose function words clearly dominate a sentence (at least two of them, and at
 * least twice as many as any other language's), or null when they do not tell. Words are the
 * runs of letters (/\p{L}+/gu) of the lowercased sentence.
 */
export function functionWordVote(text: string): string | null {
  let languagesCounted = 0;
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
    const id = FUNCTION_WORDS.idAt(lower, start, i);
    if (id < 0) continue;
    for (const l of LANGUAGES_BY_WORD_ID[id]!) if (counts[l]!++ === 0) counted[languagesCounted++] = l;
  }
  let best: string | null = null;
  let bestCount = 0;
  let second = 0;
  for (let k = 0; k < languagesCounted; k++) {
    const l = counted[k]!;
    const n = counts[l]!;
    counts[l] = 0;
    if (n > bestCount) {
      second = bestCount;
      best = LANGUAGES[l]!;
      bestCount = n;
    } else if (n > second) second = n;
  }
  return best !== null && bestCount >= 2 && bestCount >= 2 * second ? best : null;
}
