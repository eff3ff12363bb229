/**
 * Stopwords for keyword extraction: Vietnamese function syllables and newsroom filler, plus short
 * English and French lists. Keyed tone-insensitively (see fold.ts).
 */
import { phraseKey } from './fold.js';

// Single function syllables: never start, end or sit inside a keyword.
const VI = `và của là có được cho các những một này đó với trong khi để đã sẽ đang vừa cũng thì mà
về từ tại theo như trên dưới ra vào lên xuống nhiều ít rất hơn nhất đến hay hoặc nhưng nếu vì do nên
không chưa chỉ còn lại đều mới qua sau trước giữa ngoài cùng bằng bởi người năm ngày tháng lần việc
ấy nào gì ai đâu sao thế vậy nhằm đây kia hết mọi mỗi từng cả số thêm nay hôm sáng chiều tối ông bà
anh chị em cô chú sự cuộc phải cần thể hai ba bốn sáu bảy tám chín mười trăm nghìn triệu tỷ đồng
usd km ha tấn thứ tới khoảng gần vẫn luôn chính rằng nói biết`;

/** Newsroom phrases that are never keywords on their own ("cho biết", "tiếp tục"). */
const VI_PHRASES = `đồng thời, bên cạnh, tất cả, cho biết, đồng chí, bao gồm, đối với, thông qua, tiếp tục, đặc biệt,
hiện nay, vừa qua, góp phần, có thể, thực hiện, tiến hành, triển khai, nhận định, nhấn mạnh, khẳng định,
cho rằng, phát biểu, chia sẻ, bày tỏ, tham dự, tham gia, đề nghị, yêu cầu, tuy nhiên, ngoài ra, mặt khác,
trong đó, theo đó, lên tới, quan trọng, hiệu quả, phát triển, tăng cường, đẩy mạnh, thời gian, kết quả`;

const EN = `a an the and or but of in on at to for from by with as is are was were be been being has have
had will would can could should may might must this that these those it its their his her they he she
we our you your said says say told also not no than then there here which who whom whose what when
where while after before during over under about into out up down more most other some such only own
same so too very just year years day days week month according new`;

const FR = `le la les un une des du de d l et ou mais donc car ni que qui quoi dont où à au aux en dans par
pour sur sous avec sans chez vers entre est sont été être avoir a ont sera seront il elle ils elles on
nous vous leur leurs son sa ses ce cet cette ces plus moins très aussi ainsi selon lors après avant
depuis pendant contre comme tout tous toute toutes a-t-il déclaré indiqué souligné année ans jour mois`;

/** Words that never start, end or sit inside a keyword. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  [VI, EN, FR].flatMap((list) => list.split(/\s+/u).filter(Boolean).map(phraseKey)),
);

/** Two-syllable phrases that are never keywords. */
export const STOP_PHRASES: ReadonlySet<string> = new Set(
  VI_PHRASES.split(',').map((p) => phraseKey(p.trim())).filter(Boolean),
);

/** First words of STOP_PHRASES: only after one of these is a pair worth looking up. */
export const STOP_PHRASE_STARTS: ReadonlySet<string> = new Set([...STOP_PHRASES].map((p) => p.split(' ')[0] ?? ''));

/** Per first word of a two-word stop phrase, its second words: a pair is checked without joining the two into one string. */
const STOP_PHRASE_SECONDS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const m = new Map<string, Set<string>>();
  for (const p of STOP_PHRASES) {
    const words = p.split(' ');
    if (words.length !== 2) continue;
    const [a = '', b = ''] = words;
    let seconds = m.get(a);
    if (!seconds) {
      seconds = new Set();
      m.set(a, seconds);
    }
    seconds.add(b);
  }
  return m;
})();

/** True when `first second` (two token keys) is a stop phrase, as STOP_PHRASES.has(`${first} ${second}`). */
export function isStopPhrase(first: string, second: string): boolean {
  return STOP_PHRASE_SECONDS.get(first)?.has(second) ?? false;
}
