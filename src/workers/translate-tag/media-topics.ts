/**
 * The IPTC Media Topics this stage tags with: the 17 top-level topics, the second-level topics a
 * general news wire uses, and a few third-level ones the Vietnamese desks use daily. Codes and
 * English names are IPTC's (https://cv.iptc.org/newscodes/mediatopic/, CC BY 4.0); the
 * Vietnamese labels are ours. `broader` is the nearest ancestor present in this list.
 */

/** One Media Topic: code `medtop:NNNNNNNN`, IPTC English name, labels per language. */
export interface MediaTopic {
  readonly code: string;
  readonly name: string;
  readonly labels: { readonly en: string; readonly vi: string };
  /** Nearest broader topic in this list, null for the 17 top-level topics. */
  readonly broader: string | null;
}

type Row = readonly [code: string, name: string, vi: string, broader: string | null];

// [code without prefix, IPTC name, Vietnamese label, broader code without prefix]
const ROWS: readonly Row[] = [
  ["01000000", "arts, culture, entertainment and media", "văn hóa, nghệ thuật, giải trí và truyền thông", null],
  ["02000000", "crime, law and justice", "tội phạm, pháp luật và tư pháp", null],
  ["03000000", "disaster, accident and emergency incident", "thảm họa, tai nạn và sự cố khẩn cấp", null],
  ["04000000", "economy, business and finance", "kinh tế, kinh doanh và tài chính", null],
  ["05000000", "education", "giáo dục", null],
  ["06000000", "environment", "môi trường", null],
  ["07000000", "health", "y tế, sức khỏe", null],
  ["08000000", "human interest", "đời sống, chuyện lạ", null],
  ["09000000", "labour", "lao động, việc làm", null],
  ["10000000", "lifestyle and leisure", "lối sống và giải trí", null],
  ["11000000", "politics", "chính trị", null],
  ["12000000", "religion", "tôn giáo", null],
  ["13000000", "science and technology", "khoa học và công nghệ", null],
  ["14000000", "society", "xã hội", null],
  ["15000000", "sport", "thể thao", null],
  ["16000000", "conflict, war and peace", "xung đột, chiến tranh và hòa bình", null],
  ["17000000", "weather", "thời tiết", null],
  ["20000002", "arts and entertainment", "nghệ thuật và giải trí", "01000000"],
  ["20000038", "culture", "văn hóa", "01000000"],
  ["20000045", "mass media", "báo chí, truyền thông", "01000000"],
  ["20000053", "act of terror", "khủng bố", "16000000"],
  ["20000056", "armed conflict", "xung đột vũ trang", "16000000"],
  ["20000065", "civil unrest", "bất ổn dân sự", "16000000"],
  ["20000070", "coup d'etat", "đảo chính", "16000000"],
  ["20000073", "peace process", "tiến trình hòa bình", "16000000"],
  ["20000077", "post-war reconstruction", "tái thiết sau chiến tranh", "16000000"],
  ["20000080", "prisoners of war", "tù binh chiến tranh", "16000000"],
  ["20000082", "crime", "tội phạm", "02000000"],
  ["20000106", "judiciary", "tư pháp, tòa án", "02000000"],
  ["20000119", "justice", "công lý", "02000000"],
  ["20000121", "law", "pháp luật", "02000000"],
  ["20000129", "law enforcement", "thực thi pháp luật", "02000000"],
  ["20000139", "accident and emergency incident", "tai nạn và sự cố", "03000000"],
  ["20000148", "disaster", "thiên tai, thảm họa", "03000000"],
  ["20000168", "emergency response", "ứng phó khẩn cấp, cứu hộ cứu nạn", "03000000"],
  ["20000170", "business information", "thông tin doanh nghiệp", "04000000"],
  ["20000209", "economic sector", "ngành kinh tế", "04000000"],
  ["20000344", "economy", "kinh tế", "04000000"],
  ["20000385", "market and exchange", "thị trường và sàn giao dịch", "04000000"],
  ["20000398", "parents group", "hội phụ huynh", "05000000"],
  ["20000400", "school", "trường học", "05000000"],
  ["20000412", "curriculum", "chương trình giảng dạy", "05000000"],
  ["20000413", "educational testing and examinations", "thi cử, kiểm tra đánh giá", "05000000"],
  ["20000414", "entrance examination", "thi tuyển sinh", "05000000"],
  ["20000415", "students", "học sinh, sinh viên", "05000000"],
  ["20000416", "teachers", "giáo viên", "05000000"],
  ["20001216", "vocational education", "giáo dục nghề nghiệp", "05000000"],
  ["20001338", "education policy", "chính sách giáo dục", "05000000"],
  ["20000418", "climate change", "biến đổi khí hậu", "06000000"],
  ["20000420", "conservation", "bảo tồn", "06000000"],
  ["20000424", "environmental pollution", "ô nhiễm môi trường", "06000000"],
  ["20000430", "natural resources", "tài nguyên thiên nhiên", "06000000"],
  ["20000441", "nature", "thiên nhiên", "06000000"],
  ["20000446", "diseases and conditions", "bệnh tật", "07000000"],
  ["20000461", "health facility", "cơ sở y tế", "07000000"],
  ["20000463", "health organisations", "tổ chức y tế", "07000000"],
  ["20000464", "health treatment", "điều trị", "07000000"],
  ["20000480", "government health care", "y tế công", "07000000"],
  ["20000483", "health insurance", "bảo hiểm y tế", "07000000"],
  ["20000485", "medical profession", "nghề y", "07000000"],
  ["20000498", "award and prize", "giải thưởng", "08000000"],
  ["20000499", "record and achievement", "kỷ lục và thành tích", "08000000"],
  ["20000500", "animal", "động vật", "08000000"],
  ["20000501", "ceremony", "lễ kỷ niệm, nghi lễ", "08000000"],
  ["20000505", "celebrity", "người nổi tiếng", "08000000"],
  ["20001237", "anniversary", "ngày kỷ niệm", "08000000"],
  ["20000509", "employment", "việc làm", "09000000"],
  ["20000521", "employment legislation", "pháp luật lao động", "09000000"],
  ["20000523", "labour market", "thị trường lao động", "09000000"],
  ["20000524", "labour relations", "quan hệ lao động", "09000000"],
  ["20000531", "retirement", "nghỉ hưu", "09000000"],
  ["20000533", "unemployment", "thất nghiệp", "09000000"],
  ["20000536", "unions", "công đoàn", "09000000"],
  ["20000538", "leisure", "giải trí, nghỉ ngơi", "10000000"],
  ["20000565", "lifestyle", "lối sống", "10000000"],
  ["20001339", "wellness", "chăm sóc sức khỏe", "10000000"],
  ["20000574", "election", "bầu cử", "11000000"],
  ["20000587", "fundamental rights", "quyền cơ bản", "11000000"],
  ["20000593", "government", "chính phủ", "11000000"],
  ["20000621", "government policy", "chính sách của chính phủ", "11000000"],
  ["20000638", "international relations", "quan hệ quốc tế", "11000000"],
  ["20000646", "non-governmental organisation", "tổ chức phi chính phủ", "11000000"],
  ["20000647", "political crisis", "khủng hoảng chính trị", "11000000"],
  ["20000649", "political process", "tiến trình chính trị", "11000000"],
  ["20000657", "belief systems", "tín ngưỡng", "12000000"],
  ["20000690", "religious festival and holiday", "lễ hội tôn giáo", "12000000"],
  ["20000697", "religious facility", "cơ sở tôn giáo", "12000000"],
  ["20000703", "religious leader", "chức sắc tôn giáo", "12000000"],
  ["20000710", "biomedical science", "khoa học y sinh", "13000000"],
  ["20000715", "mathematics", "toán học", "13000000"],
  ["20000717", "natural science", "khoa học tự nhiên", "13000000"],
  ["20000735", "scientific research", "nghiên cứu khoa học", "13000000"],
  ["20000741", "scientific institution", "viện nghiên cứu khoa học", "13000000"],
  ["20000742", "social sciences", "khoa học xã hội", "13000000"],
  ["20000756", "technology and engineering", "công nghệ và kỹ thuật", "13000000"],
  ["20000768", "communities", "cộng đồng", "14000000"],
  ["20000770", "demographics", "dân số", "14000000"],
  ["20000771", "immigration", "nhập cư", "14000000"],
  ["20000772", "emigration", "di cư ra nước ngoài", "14000000"],
  ["20000775", "discrimination", "phân biệt đối xử", "14000000"],
  ["20000780", "family", "gia đình", "14000000"],
  ["20000799", "social condition", "điều kiện xã hội", "14000000"],
  ["20000802", "social problem", "tệ nạn xã hội", "14000000"],
  ["20000817", "welfare", "an sinh xã hội", "14000000"],
  ["20000822", "competition discipline", "môn thi đấu", "15000000"],
  ["20001103", "disciplinary action in sport", "kỷ luật thể thao", "15000000"],
  ["20001104", "drug use in sport", "doping trong thể thao", "15000000"],
  ["20001108", "sport event", "sự kiện thể thao", "15000000"],
  ["20001124", "sport industry", "công nghiệp thể thao", "15000000"],
  ["20001125", "sport organisation", "tổ chức thể thao", "15000000"],
  ["20001126", "sport venue", "địa điểm thi đấu", "15000000"],
  ["20001301", "sport achievement", "thành tích thể thao", "15000000"],
  ["20001128", "weather forecast", "dự báo thời tiết", "17000000"],
  ["20001129", "weather phenomena", "hiện tượng thời tiết", "17000000"],
  ["20001130", "weather statistic", "số liệu thời tiết", "17000000"],
  ["20001131", "weather warning", "cảnh báo thời tiết", "17000000"],
  ["20000639", "diplomacy", "ngoại giao", "20000638"],
  ["20000210", "agriculture", "nông nghiệp", "20000209"],
  ["20000350", "central bank", "ngân hàng trung ương", "20000344"],
  ["20000370", "inflation", "lạm phát", "20000344"],
  ["20000373", "international trade", "thương mại quốc tế", "20000344"],
];

/** Every topic, top-level first, in vocabulary order. */
export const MEDIA_TOPICS: readonly MediaTopic[] = Object.freeze(
  ROWS.map(([code, name, vi, broader]) =>
    Object.freeze({
      code: `medtop:${code}`,
      name,
      labels: Object.freeze({ en: name, vi }),
      broader: broader === null ? null : `medtop:${broader}`,
    }),
  ),
);

/** Topics by code. */
export const MEDIA_TOPIC_BY_CODE: ReadonlyMap<string, MediaTopic> = new Map(MEDIA_TOPICS.map((t) => [t.code, t]));

/** The chain of broader topics above `code`, nearest first (empty for a top-level topic). */
export function broaderTopics(code: string): string[] {
  const out: string[] = [];
  let current = MEDIA_TOPIC_BY_CODE.get(code)?.broader ?? null;
  while (current !== null) {
    out.push(current);
    current = MEDIA_TOPIC_BY_CODE.get(current)?.broader ?? null;
  }
  return out;
}
