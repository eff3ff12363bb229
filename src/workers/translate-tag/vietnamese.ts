/**
 * Vietnamese rules: Vietnamese is the one Latin-script language whose letters give it away
 * (ơ, ư, đ, ă and the stacked tone marks), and whose words are all single syllables of a known
 * shape, which also catches text typed without diacritics ("Thu tuong Pham Minh Chinh").
 */
import { foldDiacritics } from '../normalize/fold.js';

// Letters no other served Latin-script language uses: đ ă ơ ư ĩ ũ and the Latin Extended
// Additional block U+1EA0–U+1EF9 (ạ ả ấ … ỹ), which exists for Vietnamese.
const VI_MARKED = /[đĐăĂơƠưƯĩĨũŨ\u1EA0-\u1EF9]/u;

/** True when the word holds a letter that only Vietnamese writes. */
export function hasVietnameseLetter(word: string): boolean {
  return VI_MARKED.test(word);
}

// Lowercase, every diacritic removed, đ → d ("Đường" → "duong"): shared with normalize.
export { foldDiacritics };

// A Vietnamese syllable, folded: optional onset, a nucleus of one to three vowels, optional coda.
// Loose on purpose (it admits a few non-syllables) because it is one vote among several; what
// matters is that English and French words with clusters like "pr", "str", "-ed", "-s" fail it.
const VI_SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

/** True when a folded lowercase word has the shape of a Vietnamese syllable. */
export function isVietnameseSyllable(folded: string): boolean {
  return VI_SYLLABLE.test(folded);
}

// Frequent Vietnamese words, folded: their presence tells Vietnamese typed without diacritics
// from English/French text whose short words happen to look like syllables ("to", "la", "de").
const VI_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'cua va la cac nhung duoc trong cho voi nguoi nam tai da se khong mot nay do cung tu theo ve ' +
    'tinh thanh pho ong ba viet nha nuoc chinh phu thu tuong bo truong hoi nghi kinh xa dang ' +
    'quoc gia dan toc cong tac phat trien ngay thang lan nhieu hon sau truoc tren duoi giua ' +
    'khi neu vi nen thi ma rang chung toi ho minh cho nhu dong thoi tiep tuc hien bao ' +
    'uy ban huyen xa quan phuong tru dong tien gia hang dau tu hop tac doi ngoai thao van hoa ' +
    'giao duc y te phap luat moi canh khoa hoc cong nghe an ninh quoc phong su gioi thoi ' +
    'nhap tin nhat doi song bien dao nong nghiep lich chinh tri'
  ).split(' '),
);

/** Counts that argue for or against Vietnamese in a list of words. */
export interface VietnameseEvidence {
  words: number;
  /** Share of words holding a Vietnamese-only letter. */
  markedShare: number;
  /** Share of words shaped like a Vietnamese syllable once folded. */
  syllableShare: number;
  /** Share of words that are frequent Vietnamese words once folded. */
  functionShare: number;
}

interface WordCounts {
  marked: number;
  syllables: number;
  functionWords: number;
}

function measureWord(word: string): WordCounts {
  let syllables = 0;
  let functionWords = 0;
  const count = (folded: string): void => {
    if (isVietnameseSyllable(folded)) syllables += 1;
    if (VI_FUNCTION_WORDS.has(folded)) functionWords += 1;
  };
  const folded = foldDiacritics(word);
  // A "word" holding spaces counts as the words it holds.
  if (folded.includes(' ')) folded.split(' ').forEach(count);
  else count(folded);
  return { marked: hasVietnameseLetter(word) ? 1 : 0, syllables, functionWords };
}

// A cached word's counts, packed in a small integer: bit 0 a Vietnamese-only letter, then its
// syllable shapes and frequent Vietnamese words (a cached word has at most 12 characters, so
// 15 bits each are plenty).
const SYLLABLE_SHIFT = 1;
const FUNCTION_SHIFT = 16;
const COUNT_MASK = 0x7fff;

// Only short words are remembered (and packed): nearly every word is short, and a long one could
// overflow the packed counts.
const CACHED_WORD_MAX_LENGTH = 12;

function packedMeasure(word: string): number {
  const c = measureWord(word);
  return c.marked | (c.syllables << SYLLABLE_SHIFT) | (c.functionWords << FUNCTION_SHIFT);
}

// Remembered words at most: the table is emptied when full (as boundedMemo does).
const REMEMBERED_WORDS = 50_000;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * packedMeasure of short words, remembered, and looked up by the word's place in a text: the
 * words of a sentence are counted where they lie, where a Map would need each cut out as a
 * string and hashed. Open addressing over typed arrays, at most half full.
 */
class PackedWordMemo {
  #words: string[] = [];
  #hashes: number[] = [];
  #values: number[] = [];
  // id + 1 per slot, 0 for an empty one.
  #slots = new Int32Array(1 << 12);

  /** packedMeasure(text.slice(start, end)), remembered. */
  get(text: string, start: number, end: number): number {
    let hash = FNV_OFFSET;
    for (let k = start; k < end; k++) hash = Math.imul(hash ^ text.charCodeAt(k), FNV_PRIME);
    const length = end - start;
    const mask = this.#slots.length - 1;
    let at = hash & mask;
    for (let slot = this.#slots[at]!; slot !== 0; slot = this.#slots[at]!) {
      const id = slot - 1;
      const word = this.#words[id]!;
      if (this.#hashes[id] === hash && word.length === length) {
        let k = 0;
        while (k < length && word.charCodeAt(k) === text.charCodeAt(start + k)) k++;
        if (k === length) return this.#values[id]!;
      }
      at = (at + 1) & mask;
    }
    const word = text.slice(start, end);
    const value = packedMeasure(word);
    if (this.#words.length >= REMEMBERED_WORDS) {
      this.#clear();
      return this.#add(word, hash, value);
    }
    this.#words.push(word);
    this.#hashes.push(hash);
    this.#values.push(value);
    if (this.#words.length * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    else this.#slots[at] = this.#words.length;
    return value;
  }

  #add(word: string, hash: number, value: number): number {
    this.#words.push(word);
    this.#hashes.push(hash);
    this.#values.push(value);
    this.#place(this.#words.length - 1);
    return value;
  }

  #place(id: number): void {
    const mask = this.#slots.length - 1;
    let at = this.#hashes[id]! & mask;
    while (this.#slots[at] !== 0) at = (at + 1) & mask;
    this.#slots[at] = id + 1;
  }

  #rehash(capacity: number): void {
    this.#slots = new Int32Array(capacity);
    for (let id = 0; id < this.#words.length; id++) this.#place(id);
  }

  #clear(): void {
    this.#words = [];
    this.#hashes = [];
    this.#values = [];
    this.#slots.fill(0);
  }
}

const shortWords = new PackedWordMemo();

function evidence(words: number, marked: number, syllables: number, functionWords: number): VietnameseEvidence {
  const n = words || 1;
  return { words, markedShare: marked / n, syllableShare: syllables / n, functionShare: functionWords / n };
}

/** Measures how Vietnamese a list of words looks (see VietnameseEvidence). */
export function vietnameseEvidence(words: readonly string[]): VietnameseEvidence {
  let marked = 0;
  let syllables = 0;
  let functionWords = 0;
  for (const word of words) {
    if (word.length > CACHED_WORD_MAX_LENGTH) {
      const c = measureWord(word);
      marked += c.marked;
      syllables += c.syllables;
      functionWords += c.functionWords;
      continue;
    }
    const packed = shortWords.get(word, 0, word.length);
    marked += packed & 1;
    syllables += (packed >>> SYLLABLE_SHIFT) & COUNT_MASK;
    functionWords += packed >>> FUNCTION_SHIFT;
  }
  return evidence(words.length, marked, syllables, functionWords);
}

/**
 * vietnameseEvidence of the words text[starts[k], ends[k]) for k < count, without cutting them
 * out; marks[k] is set to 1 when word k holds a Vietnamese-only letter (hasVietnameseLetter), else 0.
 */
export function vietnameseEvidenceAt(
  text: string,
  starts: Int32Array,
  ends: Int32Array,
  count: number,
  marks: Uint8Array,
): VietnameseEvidence {
  let marked = 0;
  let syllables = 0;
  let functionWords = 0;
  for (let k = 0; k < count; k++) {
    const start = starts[k]!;
    const end = ends[k]!;
    if (end - start > CACHED_WORD_MAX_LENGTH) {
      const c = measureWord(text.slice(start, end));
      marks[k] = c.marked;
      marked += c.marked;
      syllables += c.syllables;
      functionWords += c.functionWords;
      continue;
    }
    const packed = shortWords.get(text, start, end);
    marks[k] = packed & 1;
    marked += packed & 1;
    syllables += (packed >>> SYLLABLE_SHIFT) & COUNT_MASK;
    functionWords += packed >>> FUNCTION_SHIFT;
  }
  return evidence(count, marked, syllables, functionWords);
}
