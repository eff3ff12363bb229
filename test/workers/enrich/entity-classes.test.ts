/**
 * Entity extraction by class of name: each row is a sentence of one class the stage must handle
 * in copy it has not seen (long and reformed Vietnamese bodies, companies and brands, English and
 * French bodies, international bodies, ranks and transliterated names), with what it must find.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/workers/enrich/index.js';
import { articleFrom } from './fixtures.js';

const run = (body: string, language = 'vi') => extractEntities(articleFrom({ headline: '', body, language }));
const orgNames = (body: string, language = 'vi') => run(body, language).organisations.map((o) => o.name);

describe('Vietnamese organisation names: where they end', () => {
  it.each([
    ['lowercase field words', 'Trung tâm Kiểm soát bệnh tật tỉnh Nghệ An ghi nhận 120 ca.', ['Trung tâm Kiểm soát bệnh tật tỉnh Nghệ An']],
    ['"về" with commas', 'Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, lãng phí, tiêu cực họp phiên thứ 25.', ['Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, lãng phí, tiêu cực']],
    ['"về" after a lowercase field', 'Ủy ban hỗn hợp về thương mại Việt Nam - Thái Lan họp lần thứ 5.', ['Ủy ban hỗn hợp về thương mại Việt Nam - Thái Lan']],
    ['commas and "và"', 'Bộ Văn hóa, Thể thao và Du lịch vừa ban hành kế hoạch.', ['Bộ Văn hóa, Thể thao và Du lịch']],
    ['long project board', 'Ông Thanh yêu cầu Ban Quản lý dự án đầu tư xây dựng công trình giao thông thành phố bảo đảm tiến độ.', ['Ban Quản lý dự án đầu tư xây dựng công trình giao thông thành phố']],
    ['"các" inside the name', 'Ban Quản lý các khu công nghiệp tỉnh Bình Dương thu hút 2 tỷ USD.', ['Ban Quản lý các khu công nghiệp tỉnh Bình Dương']],
    ['a comma inside a field word', 'Cục Quản lý Khám, chữa bệnh (Bộ Y tế) đề nghị các bệnh viện.', ['Cục Quản lý Khám, chữa bệnh', 'Bộ Y tế']],
    ['a number after the name', 'Bộ Tư lệnh Quân khu 4 tăng cường thêm hai xe lội nước.', ['Bộ Tư lệnh Quân khu 4']],
    ['a campus after "tại"', 'Đại học California tại Santa Barbara mời ông làm giáo sư.', ['Đại học California tại Santa Barbara']],
    ['a foreign chamber here, with its short name', 'Phòng Thương mại và Công nghiệp Hàn Quốc tại Việt Nam (KoCham) đã tìm hiểu cơ hội.', ['Phòng Thương mại và Công nghiệp Hàn Quốc tại Việt Nam']],
    ['a trailing level word', 'Phó Chủ tịch yêu cầu Bộ Chỉ huy Quân sự thành phố huy động lực lượng.', ['Bộ Chỉ huy Quân sự thành phố']],
  ])('%s', (_class, body, names) => {
    expect(orgNames(body)).toEqual(names);
  });

  it.each([
    ['a verb after a field word', 'Bộ Y tế cảnh báo dịch bệnh sốt xuất huyết.', ['Bộ Y tế']],
    ['a verb and its object at a full stop', 'Sở Giao thông vận tải kiểm tra an toàn.', ['Sở Giao thông vận tải']],
    ['a verb and a number', 'Tập đoàn Vingroup đầu tư 2 tỷ USD.', ['Tập đoàn Vingroup']],
    ['a person after the name', 'Chiều cùng ngày, Thứ trưởng Bộ Nông nghiệp và Môi trường Nguyễn Hữu Khánh đã kiểm tra.', ['Bộ Nông nghiệp và Môi trường']],
    ['"thuộc" and its parent', 'Trường Đại học Công nghệ thuộc Đại học Quốc gia Hà Nội tuyển sinh.', ['Trường Đại học Công nghệ', 'Đại học Quốc gia Hà Nội']],
    ['a bare head that refers back', 'Bà Hà cho biết Tổng Lãnh sự quán sẵn sàng hỗ trợ doanh nghiệp.', []],
  ])('stops before %s', (_class, body, names) => {
    expect(orgNames(body)).toEqual(names);
  });

  it('keeps a national department apart from the provincial one of the same name', () => {
    const names = orgNames('Cục Hải quan tỉnh Quảng Ninh phát hiện vụ buôn lậu. Cục Hải quan (Bộ Tài chính) cho biết cả nước có 8.000 vụ.');
    expect(names).toEqual(['Cục Hải quan tỉnh Quảng Ninh', 'Cục Hải quan', 'Bộ Tài chính']);
  });

  it('still joins a short later mention of a provincial department to its full name', () => {
    expect(orgNames('Sở Du lịch Khánh Hòa đón khách. Theo Sở Du lịch, lượng khách tăng.')).toEqual(['Sở Du lịch Khánh Hòa']);
  });

  it.each([
    ['Bộ Dân tộc và Tôn giáo vừa công bố danh sách.', 'Bộ Dân tộc và Tôn giáo'],
    ['Sở Khoa học và Công nghệ Hà Nội tổ chức hội thảo.', 'Sở Khoa học và Công nghệ Hà Nội'],
    ['Sở Nông nghiệp và Môi trường tỉnh Lâm Đồng cho biết diện tích tăng.', 'Sở Nông nghiệp và Môi trường tỉnh Lâm Đồng'],
  ])('names a body of the 2025 reform: %s', (body, name) => {
    expect(orgNames(body)).toEqual([name]);
  });
});

describe('companies and brands', () => {
  it.each([
    ['vi', 'Công ty Cổ phần Sữa Việt Nam (Vinamilk) xuất khẩu sang 60 nước.', [{ name: 'Công ty Cổ phần Sữa Việt Nam', abbreviation: 'Vinamilk' }]],
    ['vi', 'Ngày 12/9, VinFast bàn giao 500 xe cho hãng taxi Xanh SM Indonesia.', [{ name: 'VinFast', abbreviation: null }, { name: 'Xanh SM Indonesia', abbreviation: null }]],
    ['vi', 'Techcombank và HDBank giảm lãi suất cho vay.', [{ name: 'Techcombank', abbreviation: null }, { name: 'HDBank', abbreviation: null }]],
    ['vi', 'Ông Park Ji-hoon, Tổng Giám đốc Samsung Việt Nam, cho biết.', [{ name: 'Samsung Việt Nam', abbreviation: null }]],
    ['vi', 'Dự án do Copenhagen Infrastructure Partners (CIP) đầu tư.', [{ name: 'Copenhagen Infrastructure Partners', abbreviation: 'CIP' }]],
    ['en', 'Samsung Electronics Vietnam plans to invest more.', [{ name: 'Samsung Electronics Vietnam', abbreviation: null }]],
    ['fr', 'Le vaccin, mis au point par le laboratoire japonais Takeda, sera administré.', [{ name: 'Takeda', abbreviation: null }]],
  ])('%s: %s', (lang, body, orgs) => {
    expect(run(body, lang).organisations).toEqual(orgs);
  });

  it('does not take a prize or a whose-word for a company', () => {
    expect(orgNames('Bà được trao Giải Đặc biệt VinFuture 2024. Doanh nghiệp Việt tại Lyon và nhà đầu tư Nhật Bản tham dự.')).toEqual([]);
  });

  it('joins a club named with and without its head word', () => {
    const { organisations } = run('Hoàng Anh Gia Lai thắng Becamex TP Hồ Chí Minh. Tối 20/9, CLB Hoàng Anh Gia Lai (HAGL) thắng CLB Becamex TP Hồ Chí Minh 2-1.');
    expect(organisations.map((o) => o.abbreviation)).toEqual(['HAGL', 'CLB Becamex TP Hồ Chí Minh']);
  });
});

describe('English and French bodies', () => {
  it.each([
    ['en', 'The Ministry of Agriculture and Environment said rice exports rose.', ['Ministry of Agriculture and Environment']],
    ['en', 'Its Department of Agriculture said on Monday the pause would remain.', ['Department of Agriculture']],
    ['en', 'HSBC Vietnam and Standard Chartered Bank reported profits.', ['Standard Chartered Bank']],
    ['en', 'The University of Oxford and the National University of Singapore joined.', ['University of Oxford', 'National University of Singapore']],
    ['en', 'The Vietnam General Confederation of Labour called for higher wages.', ['Vietnam General Confederation of Labour']],
    ['fr', 'La Banque mondiale et la Banque asiatique de développement ont salué les réformes.', ['Banque mondiale', 'Banque asiatique de développement']],
    ['fr', 'Le Programme des Nations unies pour le développement (PNUD) soutient le Vietnam.', ['Programme des Nations unies pour le développement']],
    ['fr', 'Selon le Département des pêches et de la surveillance des pêches, le nombre a chuté.', ['Département des pêches et de la surveillance des pêches']],
    ['fr', "Selon l'Association vietnamienne des exportateurs et producteurs de produits aquatiques (VASEP), le coût est élevé.", ['Association vietnamienne des exportateurs et producteurs de produits aquatiques']],
    ['fr', 'Le directeur médical du SAMU de Paris a témoigné.', ['SAMU de Paris']],
    ['fr', 'Le groupe Vingroup et la compagnie Vietnam Airlines ont signé un accord.', ['groupe Vingroup', 'compagnie Vietnam Airlines']],
  ])('%s: %s', (lang, body, names) => {
    expect(orgNames(body, lang)).toEqual(names);
  });
});

describe('international bodies by their short names', () => {
  it('links each acronym to its body', () => {
    const { organisations } = run('Đại diện UNDP, FAO, ADB, JICA, KOICA, USAID và EU tham dự hội nghị.');
    expect(organisations.map((o) => o.abbreviation)).toEqual(['UNDP', 'FAO', 'ADB', 'JICA', 'KOICA', 'USAID', 'EU']);
  });

  it('reads the Vietnamese names of the UN agencies whole', () => {
    expect(orgNames('Tổ chức Y tế Thế giới (WHO) và Quỹ Nhi đồng Liên hợp quốc (UNICEF) hỗ trợ. Quỹ Dân số Liên hợp quốc (UNFPA) cũng tham gia.')).toEqual([
      'Tổ chức Y tế Thế giới',
      'Quỹ Nhi đồng Liên hợp quốc',
      'Quỹ Dân số Liên hợp quốc',
    ]);
  });
});

describe('people: ranks, degrees, transliterated names, honorifics', () => {
  it.each([
    ['vi', 'Thượng úy Nguyễn Văn An đã cứu 3 người.', 'Nguyễn Văn An', 'Thượng úy'],
    ['vi', 'Đại tá Lê Văn Sinh, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Quảng Trị, cho biết.', 'Lê Văn Sinh', 'Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Quảng Trị'],
    ['vi', 'Chuẩn Đô đốc Phạm Văn Luân, Phó Tư lệnh Quân chủng Hải quân, dẫn đầu đoàn.', 'Phạm Văn Luân', 'Phó Tư lệnh Quân chủng Hải quân'],
    ['vi', 'PGS.TSKH Trần Văn Bình nhận định thị trường sẽ phục hồi.', 'Trần Văn Bình', 'PGS.TSKH'],
    ['vi', 'Chủ tọa phiên tòa là Thẩm phán Nguyễn Thị Thủy.', 'Nguyễn Thị Thủy', 'Thẩm phán'],
    ['vi', 'Đến phút 81, trung vệ Rơ Châm Hiếu đánh đầu ấn định tỷ số.', 'Rơ Châm Hiếu', 'trung vệ'],
    ['vi', 'Tỉnh trưởng tỉnh Phông-xa-lỳ Khăm-pheng Xi-xổm-bắt chủ trì lễ ký.', 'Khăm-pheng Xi-xổm-bắt', 'Tỉnh trưởng tỉnh Phông-xa-lỳ'],
    ['vi', 'Thủ tướng Nhật Bản Ishiba Shigeru hội đàm trực tuyến.', 'Ishiba Shigeru', 'Thủ tướng Nhật Bản'],
    ['en', 'Ms. Pauline Tamesis, UN Resident Coordinator in Vietnam, said the plan was sound.', 'Pauline Tamesis', 'UN Resident Coordinator in Vietnam'],
    ['en', 'Senior Lieutenant General Nguyen Van Hien, Deputy Minister of National Defence, received them.', 'Nguyen Van Hien', 'Deputy Minister of National Defence'],
    ['fr', 'Le commissaire européen chargé de la Pêche et des Océans, Andreas Kyriakou, a salué des progrès.', 'Andreas Kyriakou', 'commissaire européen chargé de la Pêche et des Océans'],
    ['fr', 'Mme Catherine Colonna, ancienne ministre, était présente.', 'Catherine Colonna', 'ancienne ministre'],
    ['fr', "Sophie Marchand, épidémiologiste à l'Institut Pasteur de Paris, estime que les données sont utiles.", 'Sophie Marchand', "épidémiologiste à l'Institut Pasteur de Paris"],
  ])('%s: %s', (lang, body, name, role) => {
    expect(run(body, lang).people).toEqual([{ name, role }]);
  });

  it('folds the short mention of a transliterated name into the full one', () => {
    const { people } = run('Tỉnh trưởng tỉnh Phông-xa-lỳ Khăm-pheng Xi-xổm-bắt chủ trì. Ông Khăm-pheng cảm ơn.');
    expect(people.map((p) => p.name)).toEqual(['Khăm-pheng Xi-xổm-bắt']);
  });

  it('does not take the end of a company name in a role for a person', () => {
    const { people, organisations } = run('Trương Quốc Vinh (sinh năm 1979), Tổng Giám đốc Công ty Cổ phần Địa ốc Phú An Khang, đã chỉ đạo cấp dưới.');
    expect(people.map((p) => p.name)).toEqual(['Trương Quốc Vinh']);
    expect(organisations.map((o) => o.name)).toEqual(['Công ty Cổ phần Địa ốc Phú An Khang']);
  });

  it('does not take a commune-like word inside a cooperative for a person or a place', () => {
    const { people, places } = run('Giám đốc Hợp tác xã Nông nghiệp Mỹ Thành cho biết.');
    expect(people).toEqual([]);
    expect(places).toEqual([]);
  });
});

describe('places next to people and foreign names', () => {
  it('reads a person\'s given name as that person, not as the city of the same name', () => {
    const { places } = run('Trương Quốc Vinh bị truy tố. Kế toán khai được Vinh chỉ đạo lập sổ sách. Ông về quê ở Vinh.');
    expect(places.map((p) => p.name)).toEqual(['Vinh']);
    expect(places[0]?.code).toBe('VN-2025:40');
  });

  it('finds foreign towns after "ở" in Vietnamese copy', () => {
    expect(run('Các nhà máy mới ở Kumamoto và Hokkaido cần nhiều kỹ sư.').places.map((p) => p.name)).toEqual(['Kumamoto', 'Hokkaido']);
  });
});
