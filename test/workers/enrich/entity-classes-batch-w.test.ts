/**
 * Classes of copy that batch W missed on first contact, each pinned with sentences that are not
 * the batch's own (other names, bodies and places): weekdays before a title, English and French
 * names with commas and "and"/"et", Vietnamese names running through lowercase words, ranks and
 * degrees before an office, two offices in one apposition.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/workers/enrich/index.js';
import { articleFrom } from './fixtures.js';

const run = (body: string, language = 'vi') => extractEntities(articleFrom({ headline: '', body, language }));
const orgNames = (body: string, language = 'vi') => run(body, language).organisations.map((o) => o.name);

describe('people and their roles', () => {
  it.each([
    ['English: a weekday before a title', 'en', 'Speaking on Thursday, Deputy Minister of Health Do Xuan Tuyen said the vaccine stock was sufficient.', 'Do Xuan Tuyen', 'Deputy Minister of Health'],
    ['a rank and a degree before an office in apposition', 'vi', 'Đại tá, PGS.TS Lê Văn Quân, Giám đốc Bệnh viện Quân y 175, cho biết bệnh viện đã sẵn sàng.', 'Lê Văn Quân', 'Giám đốc Bệnh viện Quân y 175'],
    ['a specialist degree before an office in apposition', 'vi', 'Bác sĩ CKI Hà Văn Dũng, Giám đốc Trung tâm Y tế huyện Mường Lát, cho biết ca bệnh đã ổn định.', 'Hà Văn Dũng', 'Giám đốc Trung tâm Y tế huyện Mường Lát'],
    ['a region before a degree that opens the next person', 'vi', 'Ở miền Trung, GS.TS Hoàng Văn Nam, Giám đốc Đại học Huế, cho biết điểm chuẩn tăng.', 'Hoàng Văn Nam', 'Giám đốc Đại học Huế'],
    ['a deputy chief inspector', 'vi', 'Ông Trần Văn Long, Phó Chánh Thanh tra Bộ Tài chính, cho biết đoàn đã làm việc.', 'Trần Văn Long', 'Phó Chánh Thanh tra Bộ Tài chính'],
    ['the head of a foreign delegation', 'vi', 'Ông Peter Müller, Trưởng phái đoàn UNHCR tại Việt Nam, cho biết đợt cứu trợ đã xong.', 'Peter Müller', 'Trưởng phái đoàn UNHCR tại Việt Nam'],
    ['French: a deputy governor before the name', 'fr', 'Le texte a été signé par le vice-gouverneur de la BCL, Phan Van Long, arrivé la veille.', 'Phan Van Long', 'vice-gouverneur de la BCL'],
    ['two offices joined by a comma', 'vi', 'Dự hội nghị có đồng chí Trần Thanh Sơn, Ủy viên Bộ Chính trị, Trưởng Ban Tuyên giáo Trung ương; đại diện các bộ, ngành.', 'Trần Thanh Sơn', 'Ủy viên Bộ Chính trị, Trưởng Ban Tuyên giáo Trung ương'],
  ])('%s', (_class, lang, body, name, role) => {
    expect(run(body, lang).people).toEqual([{ name, role }]);
  });

  it('English: words of a listed body name between commas are no people', () => {
    expect(run("Sok Lim, director general at Laos's Ministry of Energy, Mines, Science and Environment, said more was needed.", 'en').people).toEqual([
      { name: 'Sok Lim', role: "director general at Laos's Ministry of Energy, Mines, Science and Environment" },
    ]);
  });

  it('French: "La" opening a sentence before a bank is no family name', () => {
    const r = run("La Banque d'État du Laos (BEL) et la Banque de France ont signé un accord.", 'fr');
    expect(r.people).toEqual([]);
    expect(r.organisations.map((o) => [o.name, o.abbreviation])).toEqual([["Banque d'État du Laos", 'BEL'], ['Banque de France', null]]);
  });
});

describe('organisation names: where they end', () => {
  it.each([
    ['English: a ministry listing four fields', 'en', 'Officials from the Ministry of Energy, Mines, Water and Environment said exports grew.', ['Ministry of Energy, Mines, Water and Environment']],
    ['English: a committee with commas and its acronym', 'en', 'The ASEAN Committee on Culture, Arts and Information (COCAI) met in Hue.', ['ASEAN Committee on Culture, Arts and Information']],
    ['French: a body running through lowercase words to its acronym', 'fr', "L'Organisation internationale pour les réfugiés (OIR) a publié un rapport.", ['Organisation internationale pour les réfugiés']],
    ['a department of a ministry with a lowercase field', 'vi', 'Vụ Tín dụng các ngành kinh tế cho biết dư nợ tăng.', ['Vụ Tín dụng các ngành kinh tế']],
    ['a department named by a currency field', 'vi', 'Theo Vụ Quản lý ngoại hối, dự trữ tăng.', ['Vụ Quản lý ngoại hối']],
    ['a field noun joined by "và"', 'vi', 'Cục Quản lý nhà và công sở đề nghị các địa phương báo cáo.', ['Cục Quản lý nhà và công sở']],
    ['a capitalized word finished by a lowercase syllable', 'vi', 'Trung tâm Lưu ký và Bù trừ chứng khoán Hà Nội cho biết.', ['Trung tâm Lưu ký và Bù trừ chứng khoán Hà Nội']],
    ['an adverb opening the predicate is no part of the name', 'vi', 'Thứ trưởng đề nghị Cục Quân nhu sớm mở rộng mạng lưới kho.', ['Cục Quân nhu']],
    ['a consulate with its host city and level word', 'vi', 'Tổng Lãnh sự quán Nhật Bản tại TP Đà Nẵng đã cấp thị thực.', ['Tổng Lãnh sự quán Nhật Bản tại TP Đà Nẵng']],
    ['a level word closing a party committee', 'vi', 'Hội nghị giới thiệu nhân sự vào Ban Chấp hành Đảng bộ huyện khóa mới.', ['Ban Chấp hành Đảng bộ huyện']],
    ['the central committee of a mass organisation', 'vi', 'Bà Nguyễn Thị Hoa, Chủ tịch Trung ương Hội Nông dân Việt Nam, cho biết.', ['Trung ương Hội Nông dân Việt Nam']],
  ])('%s', (_class, lang, body, names) => {
    expect(orgNames(body, lang)).toEqual(names);
  });

  it('a company whose name holds a name-shaped tail is no person', () => {
    const r = run('Sở Giao dịch đưa cổ phiếu của Công ty Cổ phần Gạch Tân Hưng Phát với mã THP. Ông Nguyễn Văn An cho biết Gạch Tân Hưng Phát là doanh nghiệp thứ 9.');
    expect(r.people).toEqual([{ name: 'Nguyễn Văn An', role: null }]);
    expect(r.organisations.map((o) => o.name)).toContain('Công ty Cổ phần Gạch Tân Hưng Phát');
  });
});
