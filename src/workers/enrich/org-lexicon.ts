/**
 * Organisation head words and well-known organisations (with abbreviations) in Vietnamese,
 * English and French. Names are matched tone-insensitively; each written form is its own entry,
 * and forms of one body share an `id` so a story naming it twice yields one organisation.
 */

/** [id, form as usually written, abbreviation or null]; the first form of an id is its canonical name. */
export const KNOWN_ORGS: readonly (readonly [string, string, string | null])[] = [
  ['ttxvn', 'Thông tấn xã Việt Nam', 'TTXVN'],
  ['ttxvn', 'Vietnam News Agency', 'VNA'],
  ['ttxvn', "Agence vietnamienne d'information", 'AVI'],
  ['qh', 'Quốc hội', null],
  ['qh', 'National Assembly', null],
  ['qh', 'Assemblée nationale', null],
  ['ubtvqh', 'Ủy ban Thường vụ Quốc hội', null],
  ['cp', 'Chính phủ', null],
  ['bct', 'Bộ Chính trị', null],
  ['bct', 'Politburo', null],
  ['bbt', 'Ban Bí thư', null],
  ['bchtw', 'Ban Chấp hành Trung ương Đảng', null],
  ['dcsvn', 'Đảng Cộng sản Việt Nam', 'ĐCSVN'],
  ['dcsvn', 'Communist Party of Vietnam', 'CPV'],
  ['dcsvn', 'Parti communiste vietnamien', 'PCV'],
  ['mttq', 'Mặt trận Tổ quốc Việt Nam', 'MTTQ'],
  ['mttq', 'Vietnam Fatherland Front', null],
  ['vff', 'Liên đoàn Bóng đá Việt Nam', 'VFF'],
  ['vff', 'Vietnam Football Federation', 'VFF'],
  ['vff', 'Fédération vietnamienne de football', 'VFF'],
  ['sbv', 'Ngân hàng Nhà nước Việt Nam', 'NHNN'],
  ['sbv', 'Ngân hàng Nhà nước', 'NHNN'],
  ['sbv', 'State Bank of Vietnam', 'SBV'],
  ['evn', 'Tập đoàn Điện lực Việt Nam', 'EVN'],
  ['pvn', 'Tập đoàn Dầu khí Việt Nam', 'PVN'],
  ['pvn', 'Petrovietnam', null],
  ['vcci', 'Liên đoàn Thương mại và Công nghiệp Việt Nam', 'VCCI'],
  ['vcci', 'Phòng Thương mại và Công nghiệp Việt Nam', 'VCCI'],
  ['vcci', 'Vietnam Chamber of Commerce and Industry', 'VCCI'],
  ['asean', 'Hiệp hội các quốc gia Đông Nam Á', 'ASEAN'],
  ['asean', 'Association of Southeast Asian Nations', 'ASEAN'],
  ['un', 'Liên hợp quốc', 'LHQ'],
  ['un', 'United Nations', 'UN'],
  ['un', 'Nations unies', 'ONU'],
  ['un', 'Organisation des Nations unies', 'ONU'],
  ['who', 'Tổ chức Y tế Thế giới', 'WHO'],
  ['who', 'World Health Organization', 'WHO'],
  ['who', 'Organisation mondiale de la santé', 'OMS'],
  ['wb', 'Ngân hàng Thế giới', 'WB'],
  ['wb', 'World Bank', 'WB'],
  ['wb', 'Banque mondiale', null],
  ['imf', 'Quỹ Tiền tệ Quốc tế', 'IMF'],
  ['imf', 'International Monetary Fund', 'IMF'],
  ['imf', 'Fonds monétaire international', 'FMI'],
  ['adb', 'Ngân hàng Phát triển châu Á', 'ADB'],
  ['adb', 'Asian Development Bank', 'ADB'],
  ['adb', 'Banque asiatique de développement', 'BAD'],
  ['eu', 'Liên minh châu Âu', 'EU'],
  ['eu', 'European Union', 'EU'],
  ['eu', 'Union européenne', 'UE'],
  ['wto', 'Tổ chức Thương mại Thế giới', 'WTO'],
  ['wto', 'World Trade Organization', 'WTO'],
  ['wto', 'Organisation mondiale du commerce', 'OMC'],
  ['unesco', 'UNESCO', 'UNESCO'],
  ['unicef', 'UNICEF', 'UNICEF'],
  ['undp', 'Chương trình Phát triển Liên hợp quốc', 'UNDP'],
  ['undp', 'United Nations Development Programme', 'UNDP'],
  ['fao', 'Tổ chức Lương thực và Nông nghiệp Liên hợp quốc', 'FAO'],
  ['fao', 'Food and Agriculture Organization', 'FAO'],
  ['apec', 'Diễn đàn Hợp tác kinh tế châu Á - Thái Bình Dương', 'APEC'],
  ['apec', 'APEC', 'APEC'],
  ['aipa', 'Đại hội đồng Liên nghị viện ASEAN', 'AIPA'],
  ['ipu', 'Liên minh Nghị viện thế giới', 'IPU'],
  ['nato', 'NATO', 'NATO'],
  ['xinhua', 'Tân Hoa xã', null],
  ['xinhua', 'Xinhua', null],
  ['afp', 'AFP', 'AFP'],
  ['reuters', 'Reuters', null],
  ['ap', 'AP', 'AP'],
  ['kyodo', 'Kyodo', null],
  ['yonhap', 'Yonhap', null],
  ['yonhap', 'Yonhap News Agency', null],
  ['yonhap', 'hãng thông tấn Yonhap', null],
  ['xinhua', 'Xinhua News Agency', null],
  ['kyodo', 'Kyodo News', null],
  ['kpl', 'Thông tấn xã Lào', 'KPL'],
  ['kpl', 'KPL', 'KPL'],
  ['vtv', 'Đài Truyền hình Việt Nam', 'VTV'],
  ['vov', 'Đài Tiếng nói Việt Nam', 'VOV'],
  ['vov', 'Voice of Vietnam', 'VOV'],
  ['nhandan', 'Báo Nhân Dân', null],
  ['vna-air', 'Vietnam Airlines', null],
  ['viettel', 'Viettel', null],
  ['viettel', 'Tập đoàn Công nghiệp - Viễn thông Quân đội', 'Viettel'],
  ['vingroup', 'Vingroup', null],
  ['fpt', 'FPT', 'FPT'],
  ['vinamilk', 'Vinamilk', null],
  ['oxfam', 'Oxfam', null],
  ['samsung', 'Samsung', null],
  ['jica', 'JICA', 'JICA'],
  ['koica', 'KOICA', 'KOICA'],
  ['usaid', 'USAID', 'USAID'],
  ['tandtc', 'Tòa án nhân dân tối cao', 'TANDTC'],
  ['vksndtc', 'Viện Kiểm sát nhân dân tối cao', 'VKSNDTC'],
  ['ktnn', 'Kiểm toán Nhà nước', 'KTNN'],
  ['vpcp', 'Văn phòng Chính phủ', null],
  ['bnnmt', 'Bộ Nông nghiệp và Môi trường', null],
  ['bnnptnt', 'Bộ Nông nghiệp và Phát triển nông thôn', 'NN&PTNT'],
  ['bvhttdl', 'Bộ Văn hóa, Thể thao và Du lịch', 'VHTTDL'],
  ['bldtbxh', 'Bộ Lao động - Thương binh và Xã hội', 'LĐ-TB&XH'],
  ['bkhcn', 'Bộ Khoa học và Công nghệ', 'KH&CN'],
  ['btttt', 'Bộ Thông tin và Truyền thông', 'TT&TT'],
  ['bdttg', 'Bộ Dân tộc và Tôn giáo', null],
  ['bkhdt', 'Bộ Kế hoạch và Đầu tư', 'KH&ĐT'],
  ['btnmt', 'Bộ Tài nguyên và Môi trường', 'TN&MT'],
  ['bgddt', 'Bộ Giáo dục và Đào tạo', 'GD&ĐT'],
  ['bgtvt', 'Bộ Giao thông vận tải', 'GTVT'],
  ['bqp', 'Bộ Quốc phòng', null],
  ['bca', 'Bộ Công an', null],
  ['redcross', 'Hội Chữ thập đỏ Việt Nam', null],
  ['redcross', 'Vietnam Red Cross Society', null],
  ['redcross', 'Croix-Rouge du Vietnam', null],
  ['redcross', 'Croix-Rouge vietnamienne', null],
];

/** Abbreviations that stand for an organisation head and are expanded in the name. */
export const HEAD_ABBREVIATIONS: Readonly<Record<string, string>> = {
  UBND: 'Ủy ban nhân dân',
  HĐND: 'Hội đồng nhân dân',
  MTTQ: 'Mặt trận Tổ quốc',
  ĐHQG: 'Đại học Quốc gia',
  CLB: 'Câu lạc bộ',
  BHXH: 'Bảo hiểm xã hội',
  NHNN: 'Ngân hàng Nhà nước',
  BCH: 'Ban Chấp hành',
  TAND: 'Tòa án nhân dân',
  VKSND: 'Viện Kiểm sát nhân dân',
};

/** Vietnamese head words: an organisation name starts with one, followed by a capitalized word. */
export const VI_ORG_HEADS: readonly string[] = [
  'Bộ', 'Sở', 'Cục', 'Tổng cục', 'Vụ', 'Ủy ban', 'Uỷ ban', 'Ủy ban nhân dân', 'Uỷ ban nhân dân', 'Hội đồng',
  'Hội đồng nhân dân', 'Ban', 'Hội', 'Hiệp hội', 'Liên đoàn', 'Liên hiệp', 'Trung tâm', 'Đại sứ quán',
  'Tổng Lãnh sự quán', 'Lãnh sự quán', 'Ngân hàng', 'Tập đoàn', 'Tổng công ty', 'Công ty', 'Công ty Cổ phần',
  'Công ty cổ phần', 'Công ty TNHH', 'Trường', 'Trường Đại học', 'Đại học', 'Học viện', 'Viện', 'Bệnh viện',
  'Đảng bộ', 'Đảng ủy', 'Đảng uỷ', 'Tỉnh ủy', 'Tỉnh uỷ', 'Thành ủy', 'Thành uỷ', 'Huyện ủy', 'Huyện uỷ',
  'Văn phòng', 'Quỹ', 'Tổ chức', 'Câu lạc bộ', 'Báo', 'Đài', 'Tạp chí', 'Thông tấn xã', 'Tòa án', 'Toà án',
  'Tòa án nhân dân', 'Viện Kiểm sát', 'Viện Kiểm sát nhân dân', 'Công an', 'Bộ Tư lệnh', 'Bộ Chỉ huy',
  'Quân khu', 'Quân đoàn', 'Sư đoàn', 'Mặt trận', 'Đoàn Thanh niên', 'Liên minh', 'Hợp tác xã', 'Kho bạc',
  'Thanh tra', 'Cơ quan đại diện', 'Cơ quan', 'Nhà hát', 'Bảo tàng', 'Thư viện', 'Thượng viện', 'Hạ viện', 'Liên doanh', 'Phái đoàn', 'Nhà xuất bản', 'Cảng vụ', 'Hãng', 'Nhà máy',
  'Chi cục', 'Phòng', 'Khối', 'Bảo hiểm xã hội', 'Tổng Liên đoàn', 'Hội Liên hiệp', 'Đảng', 'Chương trình',
  'Diễn đàn', 'Ban Quản lý', 'Ban Chỉ đạo', 'Ban Tuyên giáo', 'Ban Tổ chức', 'Ban Đối ngoại', 'Ban Dân vận',
  'Ban Kinh tế', 'Ban Nội chính', 'Cổng Thông tin điện tử',
];

/** Heads after which "tại <place>" still belongs to the name ("Đại sứ quán Việt Nam tại Pháp"). */
export const MISSION_HEADS: readonly string[] = [
  'Đại sứ quán', 'Tổng Lãnh sự quán', 'Lãnh sự quán', 'Cơ quan đại diện', 'Phái đoàn', 'Văn phòng',
];

/** Lowercase words that continue a Vietnamese organisation name. */
export const VI_ORG_LOWER: readonly string[] = [
  'nhân dân', 'quốc gia', 'trung ương', 'tối cao', 'cổ phần', 'trách nhiệm hữu hạn', 'thường vụ',
  'chấp hành', 'nhà nước', 'quốc tế', 'thế giới', 'điện tử', 'và',
];

/** Lowercase administrative words that continue a name when a capitalized place follows ("UBND tỉnh Hà Giang"). */
export const VI_ADMIN_LINKS: readonly string[] = [
  'tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'thị trấn', 'xã', 'phường', 'TP', 'đặc khu', 'khu vực',
];

/** Vietnamese head + next word combinations that are not organisations ("Hội nghị", "Bộ đội"). */
export const VI_NOT_ORG: readonly string[] = [
  'Hội nghị', 'Hội thảo', 'Hội chợ', 'Hội thi', 'Hội diễn', 'Hội đàm', 'Ban hành', 'Ban đầu', 'Trường hợp',
  'Bộ đội', 'Bộ luật', 'Bộ phận', 'Bộ máy', 'Sở hữu', 'Vụ việc', 'Vụ án', 'Báo cáo', 'Báo chí', 'Phòng chống',
  'Phòng ngừa', 'Đảng viên', 'Quỹ đất',
];

/** English heads: a capitalized name containing one is an organisation. */
export const EN_ORG_HEADS: readonly string[] = [
  'Ministry', 'Department', 'Committee', 'Council', 'Assembly', 'Party', 'Bank', 'Group', 'Corporation',
  'Corp', 'Company', 'Association', 'Federation', 'Union', 'Agency', 'Office', 'Organization',
  'Organisation', 'Fund', 'Commission', 'Authority', 'Centre', 'Center', 'University', 'Institute',
  'Academy', 'Court', 'Embassy', 'Consulate', 'Airlines', 'Airways', 'Front', 'Hospital', 'Club',
  'Chamber', 'Alliance', 'Programme', 'Program', 'Police', 'Army', 'Command', 'Secretariat', 'Inc',
  'Ltd', 'JSC', 'Foundation', 'Society', 'Board', 'Administration', 'Service', 'School', 'College',
  'Newspaper', 'Television', 'Radio', 'Network', 'Forum',
];
/** English name words that alone say nothing about which body is meant. */
export const EN_GENERIC: readonly string[] = [
  "People's", 'Committee', 'Council', 'Ministry', 'Department', 'Party', 'Government', 'Office',
  'Provincial', 'Municipal', 'City', 'The', 'Bank', 'Group', 'Company', 'Police', 'Army', 'Court',
  'Embassy', 'Agency', 'Centre', 'Center', 'Fund', 'Union', 'Board', 'Forum', 'School', 'Hospital',
];

/** French heads (either case). */
export const FR_ORG_HEADS: readonly string[] = [
  'ministère', 'ambassade', 'Assemblée', 'Comité', 'comité populaire', 'Banque', 'Groupe', 'Association',
  'Fédération', 'Union', 'Agence', 'Office', 'Organisation', 'Fonds', 'Commission', 'Autorité', 'Centre',
  'Université', 'Institut', 'Académie', 'Cour', 'Tribunal', 'Consulat', 'Parti', 'Front', 'Conseil',
  'Société', 'Compagnie', 'Direction', 'Département', 'Chambre', 'Bureau', 'Service', 'Croix-Rouge',
  'Fédération', 'Confédération', 'Ligue', 'Conseil', 'Haut-Commissariat', 'Programme',
];
/** French connectors inside organisation names. */
export const FR_CONNECTORS: readonly string[] = ['de', 'du', 'des', 'la', 'le', 'les', 'et', 'pour', 'aux', 'à', 'en'];
/** French lowercase adjectives and nouns that continue an organisation name. */
export const FR_ORG_LOWER: readonly string[] = [
  'vietnamien', 'vietnamienne', 'national', 'nationale', 'mondial', 'mondiale', 'populaire', 'provincial',
  'provinciale', 'communiste', 'européen', 'européenne', 'international', 'internationale', 'asiatique',
  'étrangères', 'central', 'centrale', 'général', 'générale', 'public', 'publique', 'français', 'française',
  'unies', 'social', 'sociale', 'économique', 'municipal', 'municipale', 'supérieur', 'supérieure',
  "d'information", 'd’information', 'football', 'santé', 'commerce', 'développement', 'agriculture',
  "l'agriculture", "l'environnement", 'environnement', "l'économie", 'finances', 'intérieur', "l'intérieur",
  'populaire provincial', 'sport', 'sports', 'culture', 'tourisme', 'travail', 'justice', 'défense',
  "l'industrie", 'industrie', "l'information", 'communication', 'transports', 'construction', "l'éducation",
  'éducation', 'recherche', 'sciences', 'technologies', 'lao', 'laotien', 'laotienne', 'cambodgien',
  'cambodgienne', 'chinois', 'chinoise', 'japonais', 'japonaise', 'coréen', 'coréenne', 'francophonie', 'tourisme',
];
