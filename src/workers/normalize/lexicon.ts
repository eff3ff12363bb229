/**
 * Small fixed word lists an editor carries in their head: agency marks, section labels and
 * place names. Loaded once at module level and frozen; matching goes through toneInsensitiveKey.
 */
import { toneInsensitiveKey } from './text.js';

/** Agency marks as a regex source (no groups): "TTXVN", "VNA", "Vietnam+", "AFP", ... */
export const AGENCY_MARK_SOURCE =
  '(?:TTXVN|VNA|Vietnam\\+|VietnamPlus|CVN|VNS|VNP|VOV|VTV|BNEWS|AFP|AP|Reuters|Xinhua|TASS|Kyodo|Yonhap|Bernama|Antara|PNA|Sputnik|KPL|AKP|ANI|PTI|RIA|EFE|ANSA|DPA|dpa|Prensa Latina|WAM|SPA|KUNA|IRNA|MENA|Anadolu|Lusa|QNA)';

/** One or more agency marks joined by "/" ("CVN/VNA", "TTXVN/Vietnam+"). */
export const AGENCY_CHAIN_SOURCE = `${AGENCY_MARK_SOURCE}(?:\\s*\\/\\s*${AGENCY_MARK_SOURCE}){0,3}`;

const AGENCY_ONLY_RE = new RegExp(`^${AGENCY_CHAIN_SOURCE}$`, 'u');

/** True when the text is nothing but agency marks ("TTXVN", "CVN/VNA"): a source, not a person. */
export function isAgencyMark(text: string): boolean {
  return AGENCY_ONLY_RE.test(text.trim());
}

function keySet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map((w) => toneInsensitiveKey(w)));
}

const SECTION_LABELS = keySet([
  'Thời sự', 'Chính trị', 'Kinh tế', 'Xã hội', 'Thế giới', 'Văn hóa', 'Thể thao', 'Hội nhập',
  'Pháp luật', 'Giáo dục', 'Y tế', 'Sức khỏe', 'Khoa học', 'Công nghệ', 'Khoa học - Công nghệ',
  'Du lịch', 'Đời sống', 'Môi trường', 'Quốc phòng', 'An ninh', 'Quốc phòng - An ninh', 'Đối ngoại',
  'Địa phương', 'Bất động sản', 'Tài chính', 'Doanh nghiệp', 'Giải trí', 'Người Việt bốn phương',
  'Kiều bào', 'Biển đảo', 'ASEAN', 'Chứng khoán', 'Nông nghiệp', 'Thị trường', 'Tin tức',
  'Văn hóa - Xã hội', 'Kinh tế - Xã hội', 'Đông Nam Á', 'Châu Á - Thái Bình Dương', 'Dân tộc thiểu số',
  'Politics', 'Business', 'Economy', 'Society', 'Culture', 'Sports', 'Sport', 'World', 'Environment',
  'Travel', 'Sci-Tech', 'Science', 'Health', 'Education', 'Law', 'National', 'Vietnam', 'Opinion',
  'Life', 'Culture - Sports', 'News', 'Politique', 'Économie', 'Société', 'Monde', 'Environnement',
  'Sciences', 'Santé', 'Tourisme', 'Francophonie', 'Éducation', 'Diplomatie', 'Culture-Société',
  'Sports-Culture', 'Sciences-Technologies', 'Rubrique',
]);

const PLACES = keySet([
  'An Giang', 'Bà Rịa - Vũng Tàu', 'Bà Rịa-Vũng Tàu', 'Bắc Giang', 'Bắc Kạn', 'Bạc Liêu', 'Bắc Ninh',
  'Bến Tre', 'Bình Định', 'Bình Dương', 'Bình Phước', 'Bình Thuận', 'Cà Mau', 'Cần Thơ', 'Cao Bằng',
  'Đà Nẵng', 'Đắk Lắk', 'Đắk Nông', 'Điện Biên', 'Đồng Nai', 'Đồng Tháp', 'Gia Lai', 'Hà Giang',
  'Hà Nam', 'Hà Nội', 'Hà Tĩnh', 'Hải Dương', 'Hải Phòng', 'Hậu Giang', 'Hòa Bình', 'Hưng Yên',
  'Khánh Hòa', 'Kiên Giang', 'Kon Tum', 'Lai Châu', 'Lâm Đồng', 'Lạng Sơn', 'Lào Cai', 'Long An',
  'Nam Định', 'Nghệ An', 'Ninh Bình', 'Ninh Thuận', 'Phú Thọ', 'Phú Yên', 'Quảng Bình', 'Quảng Nam',
  'Quảng Ngãi', 'Quảng Ninh', 'Quảng Trị', 'Sóc Trăng', 'Sơn La', 'Tây Ninh', 'Thái Bình',
  'Thái Nguyên', 'Thanh Hóa', 'Thừa Thiên - Huế', 'Thừa Thiên Huế', 'Huế', 'TP Hồ Chí Minh',
  'TP. Hồ Chí Minh', 'TP.HCM', 'TPHCM', 'Thành phố Hồ Chí Minh', 'Tiền Giang', 'Trà Vinh',
  'Tuyên Quang', 'Vĩnh Long', 'Vĩnh Phúc', 'Yên Bái', 'Hanoi', 'Ho Chi Minh City', 'Da Nang',
  'Hanoï', 'Hô Chi Minh-Ville', 'Hai Phong', 'Can Tho', 'Washington', 'New York', 'Paris', 'Bắc Kinh',
  'Beijing', 'Pékin', 'Tokyo', 'Moskva', 'Moscow', 'Moscou', 'Luân Đôn', 'London', 'Londres',
  'Bangkok', 'Vientiane', 'Viêng Chăn', 'Phnom Penh', 'Jakarta', 'Singapore', 'Kuala Lumpur', 'Manila',
  'Seoul', 'Canberra', 'Berlin', 'Brussels', 'Bruxelles', 'Geneva', 'Genève', 'Ottawa', 'La Habana',
  'Havana', 'New Delhi', 'Yangon', 'Naypyidaw', 'Bandar Seri Begawan', 'Dili', 'Côn Đảo', 'Phú Quốc',
  'Trường Sa', 'Hoàng Sa', 'Sa Pa', 'Hạ Long', 'Nha Trang', 'Đà Lạt', 'Vinh', 'Buôn Ma Thuột',
]);

/** True for a section label the agencies use ("Hội nhập", "Politics", "Société"). */
export function isKnownSectionLabel(text: string): boolean {
  return SECTION_LABELS.has(toneInsensitiveKey(text));
}

/** True for a province, city or capital that datelines and location lines name. */
export function isKnownPlace(text: string): boolean {
  return PLACES.has(toneInsensitiveKey(text));
}
