import { describe, expect, it } from 'vitest';
import { parseCaptionLine } from '../../../src/workers/normalize/credits.js';
import { isBoilerplateLine, isSignOff, parseBylineLine, stripEndMark } from '../../../src/workers/normalize/tail.js';

describe('bylines and sign-offs', () => {
  it.each([
    ['Minh Tâm', ['Minh Tâm']],
    ['Xuân Khu - Thu Hương', ['Xuân Khu', 'Thu Hương']],
    ['Minh Tâm/TTXVN', ['Minh Tâm']],
    ['Thanh Tùng (TTXVN)', ['Thanh Tùng']],
    ['Bài và ảnh: Phạm Kiên', ['Phạm Kiên']],
    ['Tin, ảnh: Dương Giang', ['Dương Giang']],
    ['Nguyễn Văn A, Trần Thị B và Lê C', ['Nguyễn Văn A', 'Trần Thị B', 'Lê C']],
    ['By Thanh Nga', ['Thanh Nga']],
    ['Par Minh Anh', ['Minh Anh']],
    ['PV', []],
  ])('%s → %j', (line, names) => {
    expect(parseBylineLine(line)).toEqual(names);
  });

  it.each([['Hội nghị kết thúc'], ['Các đại biểu dự tập huấn.'], ['Phát biểu tại hội nghị, ông Nguyễn Văn A nhấn mạnh vai trò của địa phương']])('not a byline: %s', (line) => {
    expect(parseBylineLine(line)).toBeNull();
  });

  it.each([['TTXVN'], ['VNA'], ['CVN/VNA'], ['VNA/VNS'], ['Theo TTXVN'], ['TTXVN/Vietnam+'], ['(VNA)'], ['– VNA'], ['Nguồn: TTXVN']])('%s is an agency sign-off, not a person', (line) => {
    expect(isSignOff(line)).toBe(true);
    expect(parseBylineLine(line) ?? []).toEqual([]);
  });

  it.each([['Tin liên quan'], ['Xem thêm'], ['Xem thêm: Giá vàng tăng mạnh'], ['Related news'], ['Read more: Vietnam exports rise'], ['Chia sẻ'], ['In bài'], ['Lire aussi : Hanoï plante des arbres'], ['Facebook | Twitter | Zalo']])('%s is boilerplate', (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each([
    ['Chia sẻ với phóng viên TTXVN, ông Nguyễn Văn An cho biết tỉnh sẽ mở rộng vùng trồng chè.'],
    ['Bình luận về diễn biến này, bà Lê Thị Hoa nhận định giá sẽ còn tăng.'],
    ['Share prices of Vietnamese banks led the decline on Friday, the exchange said.'],
    ['Tags of origin are now required on every export crate, the ministry said.'],
  ])('a body sentence that opens with a widget word is not boilerplate: %s', (line) => {
    expect(isBoilerplateLine(line)).toBe(false);
  });

  it.each([['Chia sẻ bài viết'], ['Tags: kinh tế, xuất khẩu'], ['Share this story']])('%s is a widget line', (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each([
    ['tại địa phương./.', 'tại địa phương.'],
    ['tại địa phương. /.', 'tại địa phương.'],
    ['tại địa phương/.', 'tại địa phương.'],
    ['“Đó là niềm tự hào”./.', '“Đó là niềm tự hào”.'],
    ['Có phải vậy?/.', 'Có phải vậy?'],
  ])('end mark: %s → %s', (input, output) => {
    expect(stripEndMark(input)).toBe(output);
  });
});

describe('captions and credits', () => {
  it.each([
    ['Các đại biểu dự tập huấn. (Ảnh: Minh Tâm/TTXVN)', 'Các đại biểu dự tập huấn.', [['photo', 'Minh Tâm', 'TTXVN']]],
    ['Đoàn tàu chạy thử. (Ảnh: TTXVN phát)', 'Đoàn tàu chạy thử.', [['photo', 'TTXVN', 'TTXVN']]],
    ['Ảnh minh họa: TTXVN', null, [['photo', 'TTXVN', 'TTXVN']]],
    ['Delegates at the meeting. (Photo: VNA)', 'Delegates at the meeting.', [['photo', 'VNA', 'VNA']]],
    ['La cérémonie. (Photo : Thu Hà/VNA)', 'La cérémonie.', [['photo', 'Thu Hà', 'VNA']]],
    ['Niềm vui của cầu thủ. (Ảnh: Hoàng Hải - Thanh Vũ/TTXVN)', 'Niềm vui của cầu thủ.', [['photo', 'Hoàng Hải', 'TTXVN'], ['photo', 'Thanh Vũ', 'TTXVN']]],
    ['Toàn cảnh phiên họp. Ảnh: Dương Giang/TTXVN', 'Toàn cảnh phiên họp.', [['photo', 'Dương Giang', 'TTXVN']]],
    ['Lũ quét ở Lào Cai. (Ảnh: Quốc Khánh/TTXVN) (Video: Hồng Nhung/TTXVN)', 'Lũ quét ở Lào Cai.', [['photo', 'Quốc Khánh', 'TTXVN'], ['video', 'Hồng Nhung', 'TTXVN']]],
    ['Cơ cấu GDP năm 2024. (Đồ họa: Hồng Nhung)', 'Cơ cấu GDP năm 2024.', [['graphic', 'Hồng Nhung', null]]],
    ['Xe tăng trên đường phố. (Ảnh: AFP/TTXVN)', 'Xe tăng trên đường phố.', [['photo', 'AFP', 'TTXVN']]],
  ])('%s', (line, caption, credits) => {
    const got = parseCaptionLine(line);
    expect(got?.caption).toBe(caption);
    expect(got?.credits.map((c) => [c.role, c.name, c.agency])).toEqual(credits);
    expect(got?.credits.every((c) => c.caption === caption)).toBe(true);
  });

  it.each([
    ['Theo ông Hòa, công tác thông tin đối ngoại là nhiệm vụ quan trọng: cần đổi mới cách làm.'],
    ['Phó Chủ tịch nhấn mạnh: Tỉnh xác định tầm nhìn đến năm 2045.'],
  ])('not a caption: %s', (line) => {
    expect(parseCaptionLine(line)).toBeNull();
  });
});
