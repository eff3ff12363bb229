/**
 * The default map from a source's own section label ("Hội nhập", "Thể thao", "Politics") to
 * IPTC Media Topics, with how much the label alone says. Broad desks ("Thời sự" current affairs,
 * "Thế giới" world, "Xã hội" society) carry little weight: their stories span every topic, so
 * the text rules must agree before such a code is given. A source's own categoryMap (config)
 * overrides entries here per label.
 */

/** One topic a section label argues for, and how strongly (0..1). */
export interface CategoryTopic {
  readonly code: string;
  readonly confidence: number;
}

type Entry = readonly [labels: readonly string[], topics: readonly (readonly [code: string, confidence: number])[]];

// [section labels as sources write them (vi/en/fr/es), [code without prefix, confidence]]
const ENTRIES: readonly Entry[] = [
  [['Thời sự', 'Tin tức', 'Tin mới nhất', 'Top stories', 'Breaking news', 'À la une'], [['11000000', 0.4]]],
  [['Hội nhập', 'Hội nhập quốc tế'], [['20000638', 0.75]]],
  [['Đối ngoại', 'Ngoại giao', 'Diplomacy'], [['20000639', 0.8]]],
  [['Thế giới', 'Quốc tế', 'World', 'International', 'Monde', 'Internacional', 'Asia-Pacific'], [['20000638', 0.4]]],
  [['Chính trị', 'Politics', 'Politique', 'Política'], [['11000000', 0.85]]],
  [['Quốc phòng - An ninh', 'Quốc phòng', 'An ninh', 'Defence', 'Défense'], [['11000000', 0.6]]],
  [['Kinh tế', 'Business', 'Economy', 'Économie', 'Economía', 'Kinh doanh'], [['04000000', 0.8]]],
  [['Tài chính - Ngân hàng', 'Tài chính', 'Ngân hàng', 'Finance', 'Markets', 'Chứng khoán'], [['04000000', 0.8], ['20000385', 0.5]]],
  [['Bất động sản', 'Real estate', 'Immobilier'], [['20000209', 0.75]]],
  [['Nông nghiệp', 'Nông nghiệp - Nông thôn', 'Agriculture'], [['20000210', 0.8]]],
  // Traffic desks report crashes and fines as much as roads and rails: the label alone is not enough.
  [['Giao thông', 'Transport', 'Transports'], [['20000209', 0.45]]],
  [['Du lịch', 'Travel', 'Tourism', 'Tourisme', 'Voyage'], [['20000538', 0.75]]],
  [['Thể thao', 'Sports', 'Sport', 'Deportes'], [['15000000', 0.9]]],
  [['Văn hóa', 'Văn hóa - Nghệ thuật', 'Culture', 'Cultura', 'Arts'], [['01000000', 0.8], ['20000038', 0.5]]],
  [['Giải trí', 'Entertainment', 'Divertissement'], [['20000002', 0.75]]],
  [['Xã hội', 'Society', 'Société', 'Sociedad'], [['14000000', 0.4]]],
  [['Đời sống', 'Life', 'Lifestyle', 'Vie quotidienne'], [['10000000', 0.35]]],
  [['Người Việt bốn phương', 'Kiều bào', 'Overseas Vietnamese'], [['20000768', 0.7]]],
  [['Giáo dục', 'Education', 'Éducation', 'Educación', 'Giáo dục - Đào tạo'], [['05000000', 0.85]]],
  [['Y tế', 'Sức khỏe', 'Health', 'Santé', 'Salud'], [['07000000', 0.85]]],
  [['Pháp luật', 'Law', 'Justice', 'Crime', 'Justicia'], [['02000000', 0.85]]],
  [['Faits divers', 'Sự kiện', 'Incidents'], [['02000000', 0.35], ['03000000', 0.35]]],
  [['Môi trường', 'Environment', 'Environnement', 'Medio ambiente', 'Tài nguyên - Môi trường'], [['06000000', 0.8]]],
  [['Khoa học - Công nghệ', 'Khoa học', 'Công nghệ', 'Science & Technology', 'Science', 'Technology', 'Sciences et technologies', 'Sciences', 'Ciencia'], [['13000000', 0.85]]],
  [['Thời tiết', 'Weather', 'Météo'], [['17000000', 0.9]]],
  [['Lao động - Việc làm', 'Lao động', 'Việc làm', 'Labour', 'Jobs', 'Emploi'], [['09000000', 0.85]]],
  [['Tôn giáo', 'Religion', 'Religión'], [['12000000', 0.9]]],
  [['Biển đảo', 'Biển Đông', 'East Sea'], [['20000638', 0.5]]],
];

/** The built-in map: section label (as written) → topics with confidences. */
export const DEFAULT_CATEGORY_MAP: ReadonlyMap<string, readonly CategoryTopic[]> = new Map(
  ENTRIES.flatMap(([labels, topics]) => {
    const mapped = Object.freeze(topics.map(([code, confidence]) => Object.freeze({ code: `medtop:${code}`, confidence })));
    return labels.map((label) => [label, mapped] as const);
  }),
);
