/**
 * Classes of copy that batch H missed on first contact, each pinned with sentences that are not
 * the batch's own (other names, places and bodies): roles across commas and asides, English and
 * French appositions, French and English body names, places without head words, ward codes.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/workers/enrich/index.js';
import { articleFrom } from './fixtures.js';

const run = (body: string, language = 'vi') => extractEntities(articleFrom({ headline: '', body, language }));
const orgNames = (body: string, language = 'vi') => run(body, language).organisations.map((o) => o.name);
const placeNames = (body: string, language = 'vi') => run(body, language).places.map((p) => p.name);

describe('roles as first written', () => {
  it.each([
    ['an office before a rank, across its comma', 'vi', 'Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Điện Biên, Đại tá Nguyễn Văn Hùng, cho biết lực lượng đã sẵn sàng.', 'Nguyễn Văn Hùng', 'Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Điện Biên'],
    ['a unit and its parent body after a comma', 'vi', 'TS Lê Văn Minh, Phó Giám đốc Trung tâm Chống độc, Bệnh viện Bạch Mai, cho biết bệnh nhân đã qua cơn nguy kịch.', 'Lê Văn Minh', 'Phó Giám đốc Trung tâm Chống độc, Bệnh viện Bạch Mai'],
    ['a field name written with commas', 'vi', 'Thượng tá Trần Văn Nam, Trưởng phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh Nghệ An, cho biết đám cháy đã được dập tắt.', 'Trần Văn Nam', 'Trưởng phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh Nghệ An'],
    ['an apposition after an aside in brackets', 'vi', 'Theo cáo trạng, Nguyễn Văn Hải (sinh năm 1975), Giám đốc Công ty Cổ phần Xây dựng Hòa Bình, đã chỉ đạo cấp dưới.', 'Nguyễn Văn Hải', 'Giám đốc Công ty Cổ phần Xây dựng Hòa Bình'],
    ['a long project board before the name', 'vi', 'Giám đốc Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng tỉnh Nghệ An Phạm Văn Tâm cho biết dự án chậm tiến độ.', 'Phạm Văn Tâm', 'Giám đốc Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng tỉnh Nghệ An'],
    ['a deputy named by status alone', 'vi', 'Đại biểu Lê Thị Hoa đề nghị thành phố sớm ban hành chính sách.', 'Lê Thị Hoa', 'Đại biểu'],
    ['a lowercase occupation in apposition', 'vi', 'Chị Võ Thị Lan, đồng sáng lập Sen Vàng AI, cho biết công ty sẽ mở rộng.', 'Võ Thị Lan', 'đồng sáng lập Sen Vàng AI'],
    ['an upland family name after a party office', 'vi', 'Bí thư Huyện ủy Điêu Chính Tới cho biết huyện sẽ ưu tiên vốn.', 'Điêu Chính Tới', 'Bí thư Huyện ủy'],
    ['English: an indefinite apposition', 'en', 'Tran Van Binh, a farmer in Cai Be district, said his orchard had flooded.', 'Tran Van Binh', 'farmer in Cai Be district'],
    ['English: a lowercase noun before the title', 'en', 'In Muong Te, commune health worker Lo Thi Mai walks two hours to each hamlet.', 'Lo Thi Mai', 'commune health worker'],
    ['English: a nationality and a noun before the title', 'en', 'French marine biologist Claire Dubois said the reef was recovering.', 'Claire Dubois', 'French marine biologist'],
    // A guard for the article rule above: an acronym is no article.
    ['English: an acronym before the title stays', 'en', 'Ms. Pauline Tamesis, UN Resident Coordinator in Vietnam, said the plan was sound.', 'Pauline Tamesis', 'UN Resident Coordinator in Vietnam'],
    ['French: a possessive before the title', 'fr', 'Son directeur, Jean-Paul Mercier, a expliqué que la filière ouvrira en septembre.', 'Jean-Paul Mercier', 'directeur'],
    ['French: a member of a board', 'fr', "« Les PME arrivent plus tard », observe Luc Martin, membre du conseil d'administration de la Chambre de commerce.", 'Luc Martin', "membre du conseil d'administration de la Chambre de commerce"],
    ['French: an official in apposition', 'fr', "Anna Kowalska, responsable paludisme de l'OMS, a salué l'approche.", 'Anna Kowalska', "responsable paludisme de l'OMS"],
  ])('%s', (_class, lang, body, name, role) => {
    expect(run(body, lang).people).toEqual([{ name, role }]);
  });
});

describe('organisation names: where they end', () => {
  it.each([
    ['a committee with its parliament', 'vi', 'Ủy ban Kinh tế của Quốc hội họp phiên toàn thể.', ['Ủy ban Kinh tế của Quốc hội']],
    ['a military region by number alone', 'vi', 'Quân khu 7 tổ chức diễn tập phòng thủ.', ['Quân khu 7']],
    ['a friendship group with a country pair', 'vi', 'Nhóm Nghị sĩ hữu nghị Việt Nam - Nhật Bản tổ chức gặp mặt.', ['Nhóm Nghị sĩ hữu nghị Việt Nam - Nhật Bản']],
    ['lowercase start-up field words', 'vi', 'Trung tâm Hỗ trợ khởi nghiệp sáng tạo Cần Thơ kết nối nhà đầu tư.', ['Trung tâm Hỗ trợ khởi nghiệp sáng tạo Cần Thơ']],
    ['"và" and a Vietnamese word after an acronym', 'vi', 'Luật sư Đỗ Văn An, Trung tâm WTO và Hội nhập, lưu ý doanh nghiệp.', ['Trung tâm WTO và Hội nhập']],
    ['a French school with its nationality', 'fr', 'Le Lycée français Marguerite-Duras a ouvert une classe.', ['Lycée français Marguerite-Duras']],
    ['a French legal form as head', 'fr', 'Le navire accoste à la Société par actions du port de Da Nang.', ['Société par actions du port de Da Nang']],
    ['a French name running to its abbreviation', 'fr', "Organisée par l'Agence flamande à l'exportation et aux investissements (FIT), la mission arrive.", ["Agence flamande à l'exportation et aux investissements"]],
    ['a French name with commas, known', 'fr', 'Financée par le Fonds mondial de lutte contre le sida, la tuberculose et le paludisme, la campagne avance.', ['Fonds mondial de lutte contre le sida, la tuberculose et le paludisme']],
    ['a French NGO with lowercase words, known', 'fr', 'Médecins sans frontières (MSF) a mis en garde contre les ruptures de stock.', ['Médecins sans frontières']],
    ['a chamber named in its host country', 'en', 'The European Chamber of Commerce in Vietnam (EuroCham) said exports rose.', ['European Chamber of Commerce in Vietnam']],
  ])('%s', (_class, lang, body, names) => {
    expect(orgNames(body, lang)).toEqual(names);
  });

  it('lists two parties after "et", not one name', () => {
    expect(orgNames("L'accord entre l'Union européenne et le Japon est signé.", 'fr')).toEqual(['Union européenne']);
  });

  it('drops the possessive ending of an owner', () => {
    const names = orgNames("Amkor Technology opened a plant. David Reinholt, Amkor's general director in Vietnam, said lines would open.", 'en');
    expect(names.some((n) => /['’]s$/u.test(n))).toBe(false);
  });
});

describe('places without head words, and ward codes', () => {
  it('lists the names after a plural head, each with its ward code', () => {
    const places = run('Số ca tăng ở các phường Hoàn Kiếm, Ba Đình và xã Sóc Sơn, nơi có nhiều khu dân cư.').places;
    expect(places.map((p) => [p.name, p.code])).toEqual([
      ['Hoàn Kiếm', 'VN-2025:01:00070'],
      ['Ba Đình', 'VN-2025:01:00004'],
      ['Sóc Sơn', 'VN-2025:01:00376'],
    ]);
  });

  it('takes a plural head with a lowercase modifier, but no direction', () => {
    expect(placeNames('Lực lượng phản công tại các xã biên giới Mường Nhé, Sín Thầu.')).toEqual(['Mường Nhé', 'Sín Thầu']);
    expect(placeNames('Doanh nghiệp tìm hiểu thị trường các tỉnh phía Bắc.')).toEqual([]);
  });

  it('finds a 2025 unit named without its head after a place cue, with no code', () => {
    const places = run('Nhiệt độ cao nhất tại Quỳnh Lưu, Diễn Châu có nơi trên 40 độ C.').places;
    expect(places.map((p) => [p.name, p.code])).toEqual([
      ['Quỳnh Lưu', null],
      ['Diễn Châu', null],
    ]);
  });

  it('finds a Vietnamese unit in French copy without diacritics after "à"', () => {
    expect(placeNames('Des travaux ont commencé à Mai Chau et dans les communes voisines.', 'fr')).toEqual(['Mai Chau']);
  });
});
