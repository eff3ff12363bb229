/**
 * Entity extraction, form by form: each row is a sentence in one of the forms the stage must
 * handle, with what it must (and must not) find.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/workers/enrich/index.js';
import { CREDIT } from '../../../src/workers/enrich/extract.js';
import { articleFrom } from './fixtures.js';

const run = (body: string, language = 'vi', extra: Partial<Parameters<typeof articleFrom>[0]> = {}) =>
  extractEntities(articleFrom({ headline: '', body, language, ...extra }));

describe('people and roles', () => {
  it.each([
    ['title before the name', 'Phó Chủ tịch UBND tỉnh Hà Giang Trần Đức Quý nhận định tình hình.', 'vi', 'Trần Đức Quý', 'Phó Chủ tịch UBND tỉnh Hà Giang'],
    ['apposition after an honorific', 'Theo ông Đỗ Thái Hòa, Giám đốc Sở Thông tin và Truyền thông Hà Giang, công tác này quan trọng.', 'vi', 'Đỗ Thái Hòa', 'Giám đốc Sở Thông tin và Truyền thông Hà Giang'],
    ['honorific only', 'Bà Nguyễn Thị Lan cho biết lúa đã chín.', 'vi', 'Nguyễn Thị Lan', null],
    ['foreign name after a title', 'Đại sứ Hàn Quốc Park Jin-woo đến chào từ biệt.', 'vi', 'Park Jin-woo', 'Đại sứ Hàn Quốc'],
    ['Lao name with apposition', 'Ông Sengphet Keomany, Tổng Thư ký Liên đoàn Bóng đá Lào, cho biết.', 'vi', 'Sengphet Keomany', 'Tổng Thư ký Liên đoàn Bóng đá Lào'],
    ['English title before the name', "Vice Chairman of the provincial People's Committee Tran Duc Quy said the plan was ready.", 'en', 'Tran Duc Quy', "Vice Chairman of the provincial People's Committee"],
    ['English apposition', 'Daniel Whitfield, country director of Oxfam in Vietnam, said funds were short.', 'en', 'Daniel Whitfield', 'country director of Oxfam in Vietnam'],
    ['French title with commas', "Le ministre de l'Agriculture, Lê Văn Thành, a salué l'accord.", 'fr', 'Lê Văn Thành', "ministre de l'Agriculture"],
    ['rank yields to the office in apposition', 'Trung tướng Lê Văn Tuyến, Thứ trưởng Bộ Công an, đã gửi thư khen.', 'vi', 'Lê Văn Tuyến', 'Thứ trưởng Bộ Công an'],
    ['four-part name whose middle is also a family name', 'Thứ trưởng Bộ Công Thương Nguyễn Sinh Nhật Tân cho biết giá gạo tăng.', 'vi', 'Nguyễn Sinh Nhật Tân', 'Thứ trưởng Bộ Công Thương'],
    ['a youth union before the name (Đoàn is a family name too)', 'Bí thư Tỉnh Đoàn Trần Anh Tuấn phát biểu tại hội nghị.', 'vi', 'Trần Anh Tuấn', 'Bí thư Tỉnh Đoàn'],
    ['a hospital whose name ends in a family name', 'Giám đốc Bệnh viện Bạch Mai Đào Bích Ngọc cho biết.', 'vi', 'Đào Bích Ngọc', 'Giám đốc Bệnh viện Bạch Mai'],
    ['a district whose name ends in a family name', 'Trưởng Công an huyện Lâm Hà Vũ Hoài Nam cho biết.', 'vi', 'Vũ Hoài Nam', 'Trưởng Công an huyện Lâm Hà'],
    ['three-part name with a family-name middle', 'Thứ trưởng Bộ Công Thương Nguyễn Hoàng Long cho biết giá gạo tăng.', 'vi', 'Nguyễn Hoàng Long', 'Thứ trưởng Bộ Công Thương'],
  ])('%s', (_form, body, lang, name, role) => {
    const { people } = run(body, lang);
    expect(people).toContainEqual({ name, role });
    expect(people).toHaveLength(1);
  });

  it('folds a later "title + given name" mention into the full name', () => {
    const { people } = run('Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn tiếp khách. Bộ trưởng Sơn khẳng định quan hệ tốt đẹp. Ông Sơn cảm ơn.');
    expect(people).toEqual([{ name: 'Bùi Thanh Sơn', role: 'Bộ trưởng Bộ Ngoại giao' }]);
  });

  it('folds "Mr Park" and "M. Brochet" into the full foreign names', () => {
    expect(run('Ambassador Park Jin-woo met reporters. Mr Park said trade grew.', 'en').people).toEqual([{ name: 'Park Jin-woo', role: 'Ambassador' }]);
    expect(run("L'ambassadeur de France, Olivier Brochet, a parlé. M. Brochet a rappelé les projets.", 'fr').people.map((p) => p.name)).toEqual(['Olivier Brochet']);
  });

  it('does not list the photographer or writer unless the text names them', () => {
    const { people } = run('Các đại biểu dự tập huấn. (Ảnh: Minh Tâm/TTXVN) Ông Trần Văn Nam phát biểu.', 'vi', {
      byline: ['Minh Tâm'],
      credits: [{ role: 'photo', name: 'Minh Tâm', agency: 'TTXVN', caption: null }],
    });
    expect(people.map((p) => p.name)).toEqual(['Trần Văn Nam']);
  });

  it('keeps the text after a "(Ảnh:" that is never closed', () => {
    // Unbounded, the credit ran on to the next ")" anywhere in the section and blanked the names in between.
    const { people } = run('Ảnh tư liệu (Ảnh: TTXVN. Sau đó, ông Trần Văn Nam, Giám đốc Sở Y tế Hà Giang, phát biểu tại hội nghị tổng kết (năm 2025).');
    expect(people.map((p) => p.name)).toEqual(['Trần Văn Nam']);
  });

  it('bounds the body of a credit, so an unclosed one costs a bounded scan, not one to the end of the section', () => {
    // Any open-ended quantifier other than the spacing before the colon lets each stray "(Ảnh:"
    // scan to the section's end: quadratic in the number of them (1.2 s on a 48 KB paragraph).
    const openEnded = CREDIT.source.replaceAll('\\s*', '').match(/[*+]|\{\d+,\}/gu);
    expect(openEnded).toBeNull();
    expect('(Ảnh: Minh Tâm/TTXVN)'.replace(CREDIT, '')).toBe('');
  });

  it('does not take places, streets or schools for people', () => {
    const { people } = run('Tại đường Lê Văn Lương và Trường THPT Nguyễn Trãi ở Hà Giang, người dân đèo Mã Pí Lèng tham gia.');
    expect(people).toEqual([]);
  });
});

describe('organisations', () => {
  it('links an abbreviation to the full name and joins later uses of it', () => {
    const { organisations } = run('Liên đoàn Bóng đá Việt Nam (VFF) vừa họp. Chủ tịch VFF Trần Quốc Tuấn cho biết VFF sẽ hỗ trợ.');
    expect(organisations).toEqual([{ name: 'Liên đoàn Bóng đá Việt Nam', abbreviation: 'VFF' }]);
  });

  it('expands UBND and stops before the person named after it', () => {
    const { organisations } = run('Phó Chủ tịch UBND tỉnh Hà Giang Trần Đức Quý phát biểu.');
    expect(organisations).toEqual([{ name: 'Ủy ban nhân dân tỉnh Hà Giang', abbreviation: 'UBND tỉnh Hà Giang' }]);
  });

  it('stops a name before a verb and splits two bodies joined by a dash', () => {
    const { organisations } = run('Cục Thông tin đối ngoại - Bộ Thông tin và Truyền thông tổ chức chương trình. Sở Y tế Hà Nội khuyến cáo người dân.');
    expect(organisations.map((o) => o.name)).toEqual(['Cục Thông tin đối ngoại', 'Bộ Thông tin và Truyền thông', 'Sở Y tế Hà Nội']);
  });

  it.each([
    ['en', "The Ministry of Foreign Affairs and the Vietnam News Agency (VNA) met.", ['Ministry of Foreign Affairs', 'Vietnam News Agency']],
    ['fr', "Le ministère des Affaires étrangères et l'Agence vietnamienne d'information ont signé.", ['ministère des Affaires étrangères', "Agence vietnamienne d'information"]],
  ])('finds %s names', (lang, body, names) => {
    expect(run(body, lang).organisations.map((o) => o.name)).toEqual(names);
  });

  it('does not take conferences, the army or a bare "Bộ" for organisations', () => {
    expect(run('Hội nghị diễn ra sáng nay. Bộ đội biên phòng tuần tra. Bộ sẽ ban hành hướng dẫn.').organisations).toEqual([]);
  });
});

describe('places', () => {
  it.each([
    ['title before the name', 'Chủ tịch UBND tỉnh Quảng Ninh Cao Tường Huy cho biết tỉnh đã sơ tán người dân.', 'Quảng Ninh', 'VN-2025:22'],
    ['the authority on its own', 'UBND tỉnh Quảng Ninh cho biết đã sơ tán người dân.', 'Quảng Ninh', 'VN-2025:22'],
    ['council of a city', 'Chủ tịch HĐND TP Hải Phòng Lê Văn Hà phát biểu.', 'Hải Phòng', 'VN-2025:31'],
  ])('keeps the province of an abbreviated local authority, as of the written-out one: %s', (_form, body, name, code) => {
    expect(run(body).places.map((p) => [p.name, p.code])).toEqual([[name, code]]);
    // The same body written out already kept it.
    expect(run(body.replace('UBND', 'Ủy ban nhân dân').replace('HĐND', 'Hội đồng nhân dân')).places.map((p) => p.name)).toEqual([name]);
    // A club named after its city is no local authority ("CLB Becamex TP Hồ Chí Minh").
    expect(run('CLB Becamex TP Hồ Chí Minh thắng 2-1.').places).toEqual([]);
  });

  it('keeps the name as written and resolves a former province to its 2025 unit', () => {
    const { places } = run('Tỉnh Hà Giang và tỉnh Khánh Hoà đón khách từ Mỹ, Pháp và Nhật Bản.');
    expect(places.map((p) => [p.name, p.code])).toEqual([
      ['Hà Giang', 'VN-2025:08'],
      ['Khánh Hoà', 'VN-2025:56'],
      ['Mỹ', 'US'],
      ['Pháp', 'FR'],
      ['Nhật Bản', 'JP'],
    ]);
    expect(places[0]?.lat).toBeCloseTo(22.49, 1);
  });

  it('reads unaccented English and half-accented French spellings', () => {
    expect(run('Floods hit Ha Giang and Quang Nam provinces.', 'en').places.map((p) => p.code)).toEqual(['VN-2025:08', 'VN-2025:48']);
    expect(run('Le typhon a frappé Nghê An et Hà Tinh.', 'fr').places.map((p) => p.code)).toEqual(['VN-2025:40', 'VN-2025:42']);
  });

  it('finds places introduced by a head word, dropping administrative heads only', () => {
    const { places } = run('Sạt lở tại xã Trà Leng, huyện Nam Trà My; nước sông Thu Bồn dâng cao.');
    expect(places.map((p) => [p.name, p.kind])).toEqual([
      ['Trà Leng', 'commune'],
      ['Nam Trà My', 'district'],
      ['sông Thu Bồn', 'river'],
    ]);
  });

  it('needs a cue for names that are also common words ("Anh", "Ý")', () => {
    expect(run('Anh Tuấn cho biết ý kiến. Ý kiến của chị Lan rất rõ.').places).toEqual([]);
    expect(run('Du khách đến từ Pháp, Đức và Anh.').places.map((p) => p.code)).toEqual(['FR', 'DE', 'GB']);
  });

  it('names regions', () => {
    expect(run('Đồng bằng sông Cửu Long và Tây Nguyên thiếu nước.').places.map((p) => p.kind)).toEqual(['region', 'region']);
  });
});
