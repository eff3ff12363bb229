/**
 * Whether a word can be one Vietnamese syllable. The legacy-encoding detector asks it of the words
 * that hold a legacy code, read as Vietnamese: "ViÖt" reads "Việt", but the same bytes in a European
 * word do not read as a syllable ("København" reads "Kứbenhavn", "Straße" reads "Straòe").
 * Vietnamese writes one syllable per word, from a closed set of initial consonants, at most one
 * vowel group and a final of at most two letters (c ch m n ng nh p t, k in names, or a glide i y o u), with at
 * most one tone mark; the consonant clusters, second vowel groups and finals such as r, l, s, rn of
 * European words cannot occur.
 */

// Each toned vowel (NFC, lower case) and the vowel without its tone: "ệ" → "ê", "á" → "a". The
// vowel marks (circumflex, breve, horn) stay, as they make other letters (â ă ê ô ơ ư).
const WITHOUT_TONE: ReadonlyMap<string, string> = new Map(
  [...'aăâeêioôơuưy'].flatMap((vowel) => ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].map((tone): [string, string] => [(vowel + tone).normalize('NFC'), vowel])),
);

// Initial consonants, longest spellings first. A bare "p" is left out: it begins only loanwords
// ("pin"), while Scandinavian "på" reads "pồ".
const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnrstvx])?';
// Rhyme: an optional medial o/u ("hoa", "tuy"), one vowel or diphthong, an optional final. Looser
// than the real rhyme table (it allows "ou"), which is enough: what it must refuse is a word that
// is not one syllable at all.
// The final "k" is for the Central Highlands' names written the Ede and Mnong way ("Đắk Lắk",
// "Đắk Nông", "Krông Búk"), which Vietnamese copy writes every day.
const RHYME = '[ou]?(?:iê|yê|ia|ya|uô|ua|ươ|ưa|[aăâeêioôơuưy])(?:ch|nh|ng|[cmnptk]|[iyou])?';
const SYLLABLE_RE = new RegExp(`^${INITIAL}${RHYME}$`, 'u');

/** True when `word` (letters only, NFC, any case) is spelled like one Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  let toneless = '';
  let tones = 0;
  for (const c of word.toLowerCase()) {
    const vowel = WITHOUT_TONE.get(c);
    if (vowel === undefined) {
      toneless += c;
    } else {
      toneless += vowel;
      tones++;
    }
  }
  return tones <= 1 && SYLLABLE_RE.test(toneless);
}
