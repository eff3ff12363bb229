/**
 * Legacy Vietnamese encodings (TCVN3, VNI, VIQR) against the European text whose letters and
 * quotes they share: a code counts only when its word reads as a Vietnamese syllable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RawItemSchema } from '../../../src/shared/raw-item.js';
import { readRawItem } from '../../../src/workers/normalize/index.js';
import { convertLegacyEncoding, detectLegacyEncoding, fixLegacyEncoding } from '../../../src/workers/normalize/legacy-encoding.js';
import { isVietnameseSyllable } from '../../../src/workers/normalize/legacy-syllable.js';
import { cleanField, readContent } from '../../../src/workers/normalize/read-raw.js';
import { FIXTURE_ROOT } from './fixtures.js';

// Wire-style paragraphs. Each was read as TCVN3, VNI or VIQR (and "converted" to mojibake) before
// words were weighed, except the French one, which guards the French letters TCVN3 left out.
const EUROPEAN: ReadonlyArray<[string, string]> = [
  ['German (ö ü ß)', 'Die Bundesregierung hat am Dienstag in Berlin beschlossen, die Förderung für Wärmepumpen zu erhöhen. Größere Städte wie München, Köln und Düsseldorf müssen bis 2028 ihre Pläne für die Straßenbahn vorlegen, sagte der Bürgermeister gegenüber der Presse. Außerdem sollen Schüler künftig günstiger fahren.'],
  ['Danish (ø å æ)', 'Regeringen i København har besluttet at øge støtten til grøn energi. Statsministeren sagde på et pressemøde, at det første skridt bliver større havvindmølleparker ud for Jylland, og at forbrugerne kan få lavere priser på strøm næste år. Også økonomer på Aarhus Universitet bakker op, og de forventer, at ældre boliger bliver isoleret først.'],
  ['Norwegian (ø å æ)', 'Statsministeren sa på en pressekonferanse i Oslo at regjeringen vil bruke mer penger på skole og helse. Kommunene i Nord-Norge får økte overføringer, og fiskeriministeren skal møte næringen i Tromsø neste uke. Også bøndene på Østlandet får støtte etter tørken i år, og de er fornøyde.'],
  ['Swedish (å ä ö)', 'Regeringen i Stockholm meddelade på tisdagen att skatten på bensin sänks från och med nästa år. Näringsministern sade att företagen i Göteborg och Malmö behöver bättre förutsättningar, och att förslaget ska läggas fram för riksdagen före årsskiftet. Kritiker menar att åtgärden är för svag och kommer för sent.'],
  ['Icelandic (þ ð æ ö)', 'Forsætisráðherra Íslands sagði á blaðamannafundi í Reykjavík að ríkisstjórnin ætli að þrefalda framlög til jarðhitaverkefna. Þingmenn frá öllum flokkum fögnuðu ákvörðuninni, en sérfræðingar við Háskóla Íslands vöruðu við því að kostnaðurinn gæti orðið meiri en áætlað er.'],
  ['Hungarian (ő ű ö)', 'A magyar kormány kedden bejelentette, hogy jövőre növeli a családi pótlékot. A miniszterelnök szerint a döntés több mint egymillió gyermeket érint, az igénylés egyszerű lesz, és az összeg már januártól elérhető. Az ellenzék szerint a lépés túl későn jön, és nem oldja meg a bérek problémáját.'],
  ['Czech (ú ý ř č)', 'Vláda České republiky v úterý schválila nový zákon o státním rozpočtu na příští rok. Ministr financí uvedl, že schodek bude nižší než letos, a že výdaje na důchody a zdravotnictví porostou. Opozice návrh kritizovala a poslanci o něm budou hlasovat v pátek ve Sněmovně.'],
  ['Finnish (ä ö)', 'Suomen hallitus päätti tiistaina, että sähkön arvonlisävero laskee ensi vuoden alusta. Pääministerin mukaan päätös helpottaa kotitalouksien tilannetta, kun sähkön hinta on noussut syksyn aikana. Myös yrittäjät ovat vaatineet hallitukselta nopeita toimia.'],
  ['Spanish (ñ, VNI\'s "đ")', 'El presidente del Gobierno de España anunció el martes que el año próximo subirá el salario mínimo. La señora ministra dijo que los niños y las niñas de familias pobres recibirán ayudas, y que mañana se reunirá con los sindicatos en la sede del Ministerio para negociar el acuerdo.'],
  ['English with single-quoted words', "The minister called the plan a 'good idea' and said the delegation would travel to 'Hanoi' next week. Officials described the talks as 'frank' and 'positive', while critics said the term 'free trade' was used too loosely. The agreement, dubbed 'Asia' in the draft, is due to be signed in 'Manila'."],
  ['English with quoted short words', "Asked about the 'no' vote, the minister said the 'go' decision and the 'Hue' plan were 'done' and final."],
  ['French (œ ç ê ë)', "Le Premier ministre français s'est rendu à Noël dans une école de Besançon. « Nous devons être à la hauteur », a-t-il déclaré devant les élèves, évoquant l'œuvre de Molière et le cœur des Français. La maîtresse a reçu les félicitations du ministre, qui a été accueilli par le maire."],
];

describe('European text is not legacy Vietnamese', () => {
  it.each(EUROPEAN)('%s', (_language, text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
    expect(fixLegacyEncoding(text)).toEqual({ text, encoding: null });
  });

  it('leaves multiplication signs alone (TCVN3 reads "×" as "ì", a word on its own)', () => {
    const text = 'Jamaica won the 4×100 m relay ahead of the United States, Britain took the 4×400 m, and Kenya the 3×3 basketball final; the 4×200 m was cancelled.';
    expect(fixLegacyEncoding(text)).toEqual({ text, encoding: null });
  });

  it('keeps a German title and a Danish summary as written through cleanField', () => {
    expect(cleanField('Größere Städte müssen für die Straßenbahn zahlen', false)).toBe('Größere Städte müssen für die Straßenbahn zahlen');
    expect(cleanField('<p>Også økonomer på Aarhus Universitet støtter grøn energi</p>', true)).toBe('Også økonomer på Aarhus Universitet støtter grøn energi');
  });

  it('keeps a German HTML body as written through the stage', () => {
    const paragraph = EUROPEAN[0]![1];
    const raw = RawItemSchema.parse({
      sourceId: 'feed', format: 'feed-item', identity: 'de-1', title: 'Förderung für Wärmepumpen', summary: null,
      content: `<p>${paragraph}</p>`, contentType: 'html', published: '2026-11-27T03:00:00Z', receivedAt: '2026-11-27T03:05:00Z',
    });
    const read = readRawItem(raw);
    expect(read.legacyEncoding).toBeNull();
    expect(read.bodyText).toContain('Größere Städte wie München, Köln und Düsseldorf');
  });
});

describe('legacy Vietnamese is still read', () => {
  const fixture = (encoding: string): string => readFileSync(join(FIXTURE_ROOT, 'text', `vi-legacy-${encoding}.txt`), 'utf8').normalize('NFC');

  it.each([
    ['tcvn3', 'Xuất khẩu gạo tháng 7 tăng mạnh nhờ giá cao', 'Hiệp hội Lương thực Việt Nam dự báo'],
    ['vni', 'Đà Nẵng đón hơn một triệu lượt khách quốc tế trong sáu tháng', 'Các thị trường dẫn đầu gồm Hàn Quốc'],
    ['viqr', 'Hơn một triệu thí sinh bước vào kỳ thi tốt nghiệp trung học phổ thông', 'Giáo dục và Đào tạo cho biết công tác chuẩn bị đã hoàn tất'],
  ])('a %s story is detected and converted', (encoding, headline, later) => {
    const { text, encoding: found } = fixLegacyEncoding(fixture(encoding));
    expect(found).toBe(encoding);
    expect(text).toContain(headline);
    expect(text).toContain(later);
  });

  it.each([
    ['tcvn3', 'Gi¸ x¨ng dÇu t¨ng m¹nh', 'Giá xăng dầu tăng mạnh'],
    ['tcvn3', 'Bé Th\u00AD¬ng m¹i c«ng bè gi¸ míi', 'Bộ Thương mại công bố giá mới'],
    ['vni', 'Ñaø Naüng ñoùn khaùch quoác teá', 'Đà Nẵng đón khách quốc tế'],
    ['viqr', 'Ha` No^.i mo+? ro^.ng ddu+o+`ng', 'Hà Nội mở rộng đường'],
  ])('a short %s title: %s', (encoding, title, expected) => {
    expect(fixLegacyEncoding(title)).toEqual({ text: expected, encoding });
  });

  it('reads a TCVN3 story in which a few coded words are no syllable (foreign names)', () => {
    const story = 'C¸c doanh nghiÖp ViÖt Nam ®· ký hîp ®ång xuÊt khÈu cµ phª sang Köln vµ København trong n¨m nay, theo Bé C«ng Th\u00AD¬ng.';
    const { text, encoding } = fixLegacyEncoding(story);
    expect(encoding).toBe('tcvn3');
    expect(text).toContain('Các doanh nghiệp Việt Nam đã ký hợp đồng xuất khẩu cà phê sang');
    expect(text).toContain('trong năm nay, theo Bộ Công Thương.');
  });

  it('converts a piece of a detected whole without detecting again (one HTML text node)', () => {
    expect(fixLegacyEncoding('Hµ Néi')).toEqual({ text: 'Hµ Néi', encoding: null });
    expect(convertLegacyEncoding('Hµ Néi', 'tcvn3')).toBe('Hà Nội');
    expect(convertLegacyEncoding('Ñaø Naüng', 'vni')).toBe('Đà Nẵng');
    expect(convertLegacyEncoding('Ha` No^.i', 'viqr')).toBe('Hà Nội');
  });

  it.each([
    ['tcvn3', 'Kú häp thø 10 H§ND tØnh §¾k L¾k khãa X', 'Kỳ họp thứ 10 HĐND tỉnh Đắk Lắk khóa X'],
    ['tcvn3', '§¾k L¾k: M\u00ADa lín g©y ngËp nhiÒu n¬i', 'Đắk Lắk: Mưa lớn gây ngập nhiều nơi'],
    ['vni', 'Giaûi cöùu chuù voi bò thöông taïi röøng Ñaék Laék', 'Giải cứu chú voi bị thương tại rừng Đắk Lắk'],
    ['viqr', "Ky` ho.p thu+' 10 HDDND ti?nh DDa('k La('k kho'a X", 'Kỳ họp thứ 10 HĐND tỉnh Đắk Lắk khóa X'],
    ['vni', 'VIEÄT NAM VAØ TRUNG QUOÁC KYÙ HIEÄP ÑÒNH', 'VIỆT NAM VÀ TRUNG QUỐC KÝ HIỆP ĐỊNH'],
    ['vni', 'HAØ NOÄI: MÖA LÔÙN GAÂY NGAÄP', 'HÀ NỘI: MƯA LỚN GÂY NGẬP'],
    ['viqr', 'VIE^.T NAM VA` TRUNG QUO^\'C KY\' HIE^.P DDI.NH', 'VIỆT NAM VÀ TRUNG QUỐC KÝ HIỆP ĐỊNH'],
  ])('a short %s title naming Đắk Lắk or the HĐND, or in capitals: %s', (encoding, title, expected) => {
    expect(fixLegacyEncoding(title)).toEqual({ text: expected, encoding });
  });

  it('weighs a long run of codes without a word boundary in linear time (a hostile or broken item)', () => {
    // Finding each match's word again made these quadratic: 1.8–92 s each, the worker blocked.
    // None is Vietnamese; each must come back long before the test's timeout.
    expect(detectLegacyEncoding('a.b'.repeat(33_334))).toBeNull();
    expect(detectLegacyEncoding('Vieät'.repeat(4_000))).toBeNull();
    expect(detectLegacyEncoding(`Vie^.t a.b a.b${'.'.repeat(20_000)}x`)).toBeNull();
  });

  it('reads a VIQR sentence that quotes a word', () => {
    expect(detectLegacyEncoding("Ho.c sinh go.i ddo' la` 'nha` mo+'i' cu?a ca? lo+'p.")).toBe('viqr');
  });
});

describe('isVietnameseSyllable', () => {
  it.each(['Việt', 'người', 'nghiêng', 'khuyến', 'quốc', 'giữ', 'gì', 'hoà', 'hòa', 'thuý', 'khuya', 'Đà', 'ĐƯỜNG', 'ươn', 'a', 'Đắk', 'Lắk', 'Búk'])('%s is one', (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });

  it.each([
    ['Kứbenhavn', 'two vowel groups'],
    ['Straòe', 'a cluster and a second vowel'],
    ['fỹr', 'no "f", no final "r"'],
    ['pồ', 'a bare "p" (Scandinavian "på")'],
    ['ideá', 'no rhyme "iea"'],
    ['Espađa', 'two syllables'],
    ['việtá', 'two tones'],
    ['ửr', 'no final "r"'],
  ])('%s is not (%s)', (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
});

describe('readContent of a legacy HTML body', () => {
  it('converts every text node of a body detected as a whole, short ones too', () => {
    // Each node used to be detected again on its own: "Hµ Néi" alone is too short to tell, and stayed mojibake.
    const html = '<p><strong>Hµ Néi</strong> (TTXVN) - Ngµy 5/8, theo sè liÖu cña Tæng côc H¶i quan, kim ng¹ch xuÊt khÈu g¹o th¸ng 7 ®¹t h¬n 520 triÖu USD.</p>';
    const c = readContent(RawItemSchema.parse({ sourceId: 's', format: 'feed-item', identity: 'x', content: html, contentType: 'html', receivedAt: '2024-05-04T05:00:00Z' }));
    expect(c.legacyEncoding).toBe('tcvn3');
    expect(c.blocks.map((b) => b.text)).toEqual(['Hà Nội (TTXVN) - Ngày 5/8, theo số liệu của Tổng cục Hải quan, kim ngạch xuất khẩu gạo tháng 7 đạt hơn 520 triệu USD.']);
  });

  it('converts a VNI heading node with the encoding found for the whole body', () => {
    const html = '<h2>Kyø hoïp thöù 10 HÑND tænh Ñaék Laék</h2><p>Trong saùu thaùng ñaàu naêm, thaønh phoá Ñaø Naüng ñaõ ñoùn hôn moät trieäu löôït khaùch quoác teá, taêng maïnh so vôùi cuøng kyø naêm tröôùc.</p>';
    const c = readContent(RawItemSchema.parse({ sourceId: 's', format: 'feed-item', identity: 'y', content: html, contentType: 'html', receivedAt: '2024-05-04T05:00:00Z' }));
    expect(c.legacyEncoding).toBe('vni');
    expect(c.blocks[0]?.text).toBe('Kỳ họp thứ 10 HĐND tỉnh Đắk Lắk');
  });
});
