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
  ['vcb', 'Ngân hàng Ngoại thương Việt Nam', 'Vietcombank'],
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
  ['msf', 'Médecins sans frontières', 'MSF'],
  ['msf', 'Doctors Without Borders', 'MSF'],
  ['msf', 'Tổ chức Bác sĩ không biên giới', 'MSF'],
  ['global-fund', 'Fonds mondial de lutte contre le sida, la tuberculose et le paludisme', null],
  ['global-fund', 'Global Fund to Fight AIDS, Tuberculosis and Malaria', null],
  ['global-fund', 'Quỹ Toàn cầu phòng chống HIV/AIDS, Lao và Sốt rét', null],
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
  ['bidv', 'BIDV', 'BIDV'],
  ['bidv', 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam', 'BIDV'],
  ['vcb', 'Vietcombank', null],
  ['vietinbank', 'VietinBank', null],
  ['agribank', 'Agribank', null],
  ['techcombank', 'Techcombank', null],
  ['vpbank', 'VPBank', null],
  ['mbbank', 'MB', 'MB'],
  ['vinfast', 'VinFast', null],
  ['petrolimex', 'Petrolimex', null],
  ['hoaphat', 'Hòa Phát', null],
  ['airbus', 'Airbus', null], ['boeing', 'Boeing', null], ['edf', 'EDF', 'EDF'], ['total', 'TotalEnergies', null],
  ['siemens', 'Siemens', null], ['lg', 'LG', 'LG'], ['intel', 'Intel', null], ['apple', 'Apple', null],
  ['google', 'Google', null], ['meta', 'Meta', null], ['microsoft', 'Microsoft', null], ['nvidia', 'Nvidia', null],
  ['toyota', 'Toyota', null], ['honda', 'Honda', null], ['hyundai', 'Hyundai', null], ['foxconn', 'Foxconn', null],
  ['grab', 'Grab', null], ['vietjet', 'Vietjet', null], ['vietjet', 'Vietjet Air', null], ['bamboo', 'Bamboo Airways', null],
  ['vnpt', 'VNPT', 'VNPT'], ['mobifone', 'MobiFone', null], ['sabeco', 'Sabeco', null], ['masan', 'Masan', null],
  ['thaco', 'THACO', 'THACO'], ['vnexpress', 'VnExpress', null], ['iqair', 'IQAir', null], ['unhcr', 'UNHCR', 'UNHCR'],
  ['icao', 'ICAO', 'ICAO'], ['iaea', 'IAEA', 'IAEA'], ['fifa', 'FIFA', 'FIFA'], ['afc', 'AFC', 'AFC'], ['ioc', 'IOC', 'IOC'],
  ['tw-doan', 'Trung ương Đoàn', null],
  ['redcross', 'Hội Chữ thập đỏ Việt Nam', null],
  ['redcross', 'Vietnam Red Cross Society', null],
  ['redcross', 'Croix-Rouge du Vietnam', null],
  ['redcross', 'Croix-Rouge vietnamienne', null],
  // International bodies by their usual short names.
  ['unfpa', 'UNFPA', 'UNFPA'], ['unep', 'UNEP', 'UNEP'], ['unido', 'UNIDO', 'UNIDO'], ['ilo', 'ILO', 'ILO'],
  ['ilo', 'Tổ chức Lao động Quốc tế', 'ILO'], ['ilo', 'International Labour Organization', 'ILO'], ['iom', 'IOM', 'IOM'],
  ['wfp', 'WFP', 'WFP'], ['oif', 'OIF', 'OIF'], ['unaids', 'UNAIDS', 'UNAIDS'], ['ifad', 'IFAD', 'IFAD'], ['giz', 'GIZ', 'GIZ'],
  ['kfw', 'KfW', null], ['afd', 'AFD', 'AFD'], ['afd', 'Agence française de développement', 'AFD'], ['afd', 'French Development Agency', 'AFD'],
  ['afd', 'Cơ quan Phát triển Pháp', 'AFD'], ['eib', 'EIB', 'EIB'], ['eib', 'European Investment Bank', 'EIB'], ['aiib', 'AIIB', 'AIIB'],
  ['mrc', 'Ủy hội sông Mê Công quốc tế', 'MRC'], ['mrc', 'Mekong River Commission', 'MRC'], ['mrc', 'Commission du Mékong', 'MRC'],
  ['wwf', 'WWF', 'WWF'], ['iucn', 'IUCN', 'IUCN'], ['icrc', 'ICRC', 'ICRC'], ['oecd', 'OECD', 'OECD'], ['opec', 'OPEC', 'OPEC'],
  ['wef', 'Diễn đàn Kinh tế Thế giới', 'WEF'], ['wef', 'World Economic Forum', 'WEF'], ['unctad', 'UNCTAD', 'UNCTAD'],
  ['unodc', 'UNODC', 'UNODC'], ['escap', 'ESCAP', 'ESCAP'], ['interpol', 'Interpol', null], ['sco', 'SCO', 'SCO'],
  ['who', 'OMS', 'OMS'], ['unicef', 'Quỹ Nhi đồng Liên hợp quốc', 'UNICEF'], ['jica', 'Cơ quan Hợp tác Quốc tế Nhật Bản', 'JICA'],
  ['jica', 'Japan International Cooperation Agency', 'JICA'], ['koica', 'Cơ quan Hợp tác Quốc tế Hàn Quốc', 'KOICA'],
  ['koica', 'Korea International Cooperation Agency', 'KOICA'], ['usaid', 'Cơ quan Phát triển Quốc tế Hoa Kỳ', 'USAID'],
  ['un', 'UN', 'UN'], ['undp', 'PNUD', 'PNUD'],
  // Vietnamese bodies often named by their short name alone.
  ['tkv', 'Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam', 'TKV'], ['tkv', 'Vinacomin', null],
  ['vnr', 'Tổng công ty Đường sắt Việt Nam', 'VNR'], ['vnr', 'Vietnam Railways', 'VNR'],
  ['acv', 'Tổng công ty Cảng hàng không Việt Nam', 'ACV'], ['acv', 'Airports Corporation of Vietnam', 'ACV'],
  ['nhcsxh', 'Ngân hàng Chính sách xã hội', 'NHCSXH'], ['nhcsxh', 'Vietnam Bank for Social Policies', 'VBSP'],
  ['evn', 'Vietnam Electricity', 'EVN'], ['evn', 'EVN', 'EVN'], ['vnpt', 'Tập đoàn Bưu chính Viễn thông Việt Nam', 'VNPT'],
  ['tld', 'Tổng Liên đoàn Lao động Việt Nam', null], ['tld', 'Vietnam General Confederation of Labour', 'VGCL'],
  ['hlhpn', 'Hội Liên hiệp Phụ nữ Việt Nam', null], ['hlhpn', "Vietnam Women's Union", null],
  ['gso', 'General Statistics Office', 'GSO'], ['vpf', 'VPF', 'VPF'], ['vasep', 'VASEP', 'VASEP'], ['vcb', 'VCB', 'VCB'],
  // Companies and brands.
  ['hsbc', 'HSBC', 'HSBC'], ['stanchart', 'Standard Chartered', null], ['shinhan', 'Shinhan', null], ['citi', 'Citi', null],
  ['mastercard', 'Mastercard', null], ['acb', 'ACB', 'ACB'], ['shb', 'SHB', 'SHB'], ['vib', 'VIB', 'VIB'],
  ['suez', 'Suez', null], ['veolia', 'Veolia', null], ['takeda', 'Takeda', null], ['pfizer', 'Pfizer', null], ['moderna', 'Moderna', null],
  ['astrazeneca', 'AstraZeneca', null], ['sanofi', 'Sanofi', null], ['bayer', 'Bayer', null], ['basf', 'BASF', 'BASF'],
  ['alstom', 'Alstom', null], ['thales', 'Thales', null], ['safran', 'Safran', null], ['engie', 'Engie', null], ['accor', 'Accor', null],
  ['michelin', 'Michelin', null], ['renault', 'Renault', null], ['stellantis', 'Stellantis', null], ['carrefour', 'Carrefour', null],
  ['decathlon', 'Decathlon', null], ['lotte', 'Lotte', null], ['aeon', 'Aeon', null], ['posco', 'Posco', null], ['hyosung', 'Hyosung', null],
  ['doosan', 'Doosan', null], ['hanwha', 'Hanwha', null], ['mitsubishi', 'Mitsubishi', null], ['mitsui', 'Mitsui', null],
  ['sumitomo', 'Sumitomo', null], ['marubeni', 'Marubeni', null], ['panasonic', 'Panasonic', null], ['sony', 'Sony', null],
  ['canon', 'Canon', null], ['nissan', 'Nissan', null], ['yamaha', 'Yamaha', null], ['hitachi', 'Hitachi', null],
  ['toshiba', 'Toshiba', null], ['fujitsu', 'Fujitsu', null], ['heineken', 'Heineken', null], ['carlsberg', 'Carlsberg', null],
  ['unilever', 'Unilever', null], ['nestle', 'Nestlé', null], ['cocacola', 'Coca-Cola', null], ['pepsico', 'PepsiCo', null],
  ['tesla', 'Tesla', null], ['byd', 'BYD', 'BYD'], ['huawei', 'Huawei', null], ['alibaba', 'Alibaba', null],
  ['tencent', 'Tencent', null], ['bytedance', 'ByteDance', null], ['tiktok', 'TikTok', null], ['shopee', 'Shopee', null],
  ['lazada', 'Lazada', null], ['qualcomm', 'Qualcomm', null], ['amkor', 'Amkor', null],
  ['pegatron', 'Pegatron', null], ['luxshare', 'Luxshare', null], ['goertek', 'Goertek', null], ['temasek', 'Temasek', null],
  ['deloitte', 'Deloitte', null], ['pwc', 'PwC', null], ['kpmg', 'KPMG', 'KPMG'], ['moodys', "Moody's", null], ['fitch', 'Fitch', null],
  ['becamex', 'Becamex', null], ['xanhsm', 'Xanh SM', null], ['novaland', 'Novaland', null], ['vinhomes', 'Vinhomes', null], ['sungroup', 'Sun Group', null],
  ['habeco', 'Habeco', null], ['vietravel', 'Vietravel', null], ['saigontourist', 'Saigontourist', null], ['sovico', 'Sovico', null],
  ['viglacera', 'Viglacera', null], ['coteccons', 'Coteccons', null], ['vissan', 'Vissan', null], ['vinatex', 'Vinatex', null],
  ['pnj', 'PNJ', 'PNJ'], ['vng', 'VNG', 'VNG'], ['cmc', 'CMC', 'CMC'], ['momo', 'MoMo', null], ['gelex', 'Gelex', null],
  ['hagl', 'Hoàng Anh Gia Lai', 'HAGL'], ['slna', 'Sông Lam Nghệ An', 'SLNA'], ['bloomberg', 'Bloomberg', null], ['cnn', 'CNN', 'CNN'],
  ['bbc', 'BBC', 'BBC'], ['nhk', 'NHK', 'NHK'], ['tass', 'TASS', 'TASS'], ['bernama', 'Bernama', null], ['antara', 'Antara', null],
  ['nikkei', 'Nikkei', null], ['aljazeera', 'Al Jazeera', null], ['vietnamplus', 'VietnamPlus', null],
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
  'Thanh tra', 'Cơ quan đại diện', 'Cơ quan', 'Thương vụ', 'Văn phòng đại diện', 'Nhà hát', 'Bảo tàng', 'Thư viện', 'Thượng viện', 'Hạ viện', 'Liên doanh', 'Phái đoàn', 'Nhà xuất bản', 'Cảng vụ', 'Hãng', 'Nhà máy',
  'Chi cục', 'Phòng', 'Khối', 'Bảo hiểm xã hội', 'Tổng Liên đoàn', 'Hội Liên hiệp', 'Đảng', 'Chương trình',
  'Diễn đàn', 'Ban Quản lý', 'Ban Chỉ đạo', 'Ban Tuyên giáo', 'Ban Tổ chức', 'Ban Đối ngoại', 'Ban Dân vận',
  'Ban Kinh tế', 'Ban Nội chính', 'Cổng Thông tin điện tử', 'Hội người', 'Hội Người', 'Đoàn Thể thao',
  'Bộ đội Biên phòng', 'Đoàn Thanh niên', 'Trung ương Đoàn', 'Trung ương Hội', 'Trung ương Hội Liên hiệp', 'Cảnh sát biển', 'Quân chủng', 'Binh chủng', 'Tổ công tác',
  'Tiểu ban', 'Ủy ban Nhà nước', 'Uỷ ban Nhà nước', 'Đoàn Luật sư', 'Ban Chỉ huy', 'Đài Khí tượng', 'Trường Cao đẳng',
  'Trường Trung học', 'Trường Tiểu học', 'Trường Mầm non', 'Trường THPT', 'Trường THCS', 'Công ty TNHH MTV', 'Chi nhánh',
  'Nhóm Nghị sĩ hữu nghị', 'Nhóm Nghị sĩ', 'Lữ đoàn', 'Trung đoàn', 'Hải đoàn',
];

/** Heads after which "tại <place>" still belongs to the name ("Đại sứ quán Việt Nam tại Pháp"). */
export const MISSION_HEADS: readonly string[] = [
  'Đại sứ quán', 'Tổng Lãnh sự quán', 'Lãnh sự quán', 'Cơ quan đại diện', 'Phái đoàn', 'Văn phòng', 'Thương vụ', 'Hội người',
  'Văn phòng đại diện',
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
  'Phòng ngừa', 'Đảng viên', 'Quỹ đất', 'Hội nhập', 'Hội viên',
];

/** English heads: a capitalized name containing one is an organisation. */
export const EN_ORG_HEADS: readonly string[] = [
  'Ministry', 'Department', 'Committee', 'Council', 'Assembly', 'Party', 'Bank', 'Group', 'Corporation',
  'Corp', 'Company', 'Association', 'Federation', 'Union', 'Agency', 'Office', 'Organization',
  'Organisation', 'Fund', 'Commission', 'Authority', 'Centre', 'Center', 'University', 'Institute',
  'Academy', 'Court', 'Embassy', 'Consulate', 'Airlines', 'Airways', 'Front', 'Hospital', 'Club',
  'Chamber', 'Alliance', 'Programme', 'Program', 'Police', 'Army', 'Command', 'Secretariat', 'Inc',
  'Ltd', 'JSC', 'Foundation', 'Society', 'Board', 'Administration', 'Service', 'School', 'College',
  'Newspaper', 'Television', 'Radio', 'Network', 'Forum', 'Confederation', 'Navy', 'Guard', 'Bureau', 'Directorate',
  'Inspectorate', 'Cooperative', 'Coalition', 'Observatory', 'Laboratory', 'Museum', 'Exchange', 'Holdings',
  'Industries', 'Electricity', 'Railways', 'Commission', 'Cooperation', 'Partnership', 'Initiative',
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
  'Société', 'Compagnie', 'Direction', 'Département', 'Chambre', 'Bureau', 'Service', 'Croix-Rouge', 'hôpital', 'Hôpital',
  'université', 'Union', 'Agence',
  'Fédération', 'Confédération', 'Ligue', 'Conseil', 'Haut-Commissariat', 'Programme',
  // Schools and legal forms: "le lycée français Alexandre-Yersin", "la Société par actions du port de Hai Phong".
  'Lycée', 'lycée', 'École', 'Collège', 'Société par actions', 'Société anonyme',
];
/** French connectors inside organisation names. */
export const FR_CONNECTORS: readonly string[] = ['de', 'du', 'des', 'la', 'le', 'les', 'et', 'aux', 'au', 'à', 'en'];
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

/**
 * Lowercase nouns that Vietnamese organisation names carry after their capitalized part ("Ban Quản
 * lý dự án đầu tư xây dựng công trình giao thông", "Trung tâm Kiểm soát bệnh tật"). They are field
 * names, not predicates: a name may run on through any number of them.
 */
export const VI_NAME_NOUNS: readonly string[] = [
  'dự án', 'công trình', 'giao thông', 'vận tải', 'đô thị', 'nông thôn', 'thủy sản', 'thuỷ sản', 'thủy lợi', 'thuỷ lợi',
  'thị trường', 'bệnh tật', 'dịch tễ', 'khí tượng', 'thủy văn', 'thuỷ văn', 'thực vật', 'thực phẩm', 'dược phẩm',
  'môi trường', 'tài nguyên', 'khoáng sản', 'đường sắt', 'đường bộ', 'đường thủy', 'đường thuỷ', 'đường cao tốc',
  'hàng không', 'hàng hải', 'khu công nghiệp', 'khu kinh tế', 'khu chế xuất', 'công nghệ cao', 'công nghiệp',
  'thương mại', 'dịch vụ', 'du lịch', 'thể thao', 'thể dục', 'văn hóa', 'văn hoá', 'giáo dục', 'xã hội', 'y tế', 'dân số',
  'gia đình', 'trẻ em', 'thanh niên', 'thiếu niên', 'nhi đồng', 'phụ nữ', 'người cao tuổi', 'cựu chiến binh', 'nông dân', 'lao động',
  'việc làm', 'tài chính', 'ngân sách', 'thuế', 'chứng khoán', 'bất động sản', 'nhà ở', 'quy hoạch', 'kiến trúc',
  'năng lượng', 'điện lực', 'nước sạch', 'cây xanh', 'rác thải', 'chất thải', 'biên giới', 'biên phòng', 'hải quan',
  'an ninh', 'trật tự', 'an toàn', 'quốc phòng', 'quân sự', 'dân quân', 'kiểm lâm', 'lâm nghiệp', 'nông nghiệp',
  'chăn nuôi', 'thú y', 'trồng trọt', 'giống cây trồng', 'biển', 'hải đảo', 'đất đai', 'bản đồ', 'viễn thám',
  'truyền thông', 'báo chí', 'bưu chính', 'viễn thông', 'công nghệ', 'công nghệ thông tin', 'khoa học', 'kỹ thuật',
  'sở hữu trí tuệ', 'tiêu chuẩn', 'đo lường', 'chất lượng', 'nguyên tử', 'bức xạ', 'hạt nhân', 'pháp chế', 'tư pháp',
  'hộ tịch', 'dân sự', 'hình sự', 'kinh tế', 'chính sách', 'đối ngoại', 'nội vụ', 'tôn giáo', 'dân tộc', 'miền núi',
  'hỗn hợp', 'liên ngành', 'liên chính phủ', 'chuyên trách', 'cảnh sát', 'tham nhũng', 'tiêu cực', 'lãng phí',
  'ma túy', 'ma tuý', 'tội phạm', 'buôn lậu', 'gian lận thương mại', 'hàng giả', 'thiên tai', 'dịch bệnh',
  'nhỏ và vừa', 'bán trú', 'nội trú', 'tiểu học', 'trung học', 'trung học cơ sở', 'trung học phổ thông', 'phổ thông',
  'mầm non', 'đa khoa', 'chuyên khoa', 'sản nhi', 'ung bướu', 'phụ sản', 'tâm thần', 'da liễu', 'phổi', 'chấn thương chỉnh hình',
  'y học cổ truyền', 'huyết học', 'truyền máu', 'bệnh nhiệt đới', 'cấp cứu', 'hồi sức', 'chi nhánh', 'khu vực',
  'đại diện', 'thường trú', 'thông tấn', 'sự nghiệp', 'công lập', 'khuyết tật', 'nhân đạo', 'từ thiện', 'chữ thập đỏ',
  'sân bay', 'cảng hàng không', 'hàng không dân dụng', 'thương binh', 'liệt sĩ', 'người có công', 'công tác xã hội',
  'an sinh', 'tín dụng', 'nhà nước', 'giá', 'hộ nghèo', 'người Việt Nam', 'kiều bào', 'ở nước ngoài', 'quốc tế',
  'vũ trụ', 'vệ tinh', 'bảo tàng', 'di sản', 'di tích', 'nghệ thuật', 'âm nhạc', 'điện ảnh', 'sân khấu', 'xiếc',
  'bóng đá', 'bóng chuyền', 'điền kinh', 'vận động viên', 'hiến máu', 'tình nguyện', 'cộng đồng', 'sức khỏe', 'sức khoẻ',
  'dinh dưỡng', 'vắc xin', 'sinh phẩm', 'dược', 'trang thiết bị', 'điện tử', 'bán dẫn', 'phần mềm', 'dữ liệu',
  'tài sản', 'doanh nghiệp', 'hợp tác xã', 'ngành nghề', 'làng nghề', 'thủ công mỹ nghệ', 'cà phê', 'lúa gạo', 'cao su',
  'dệt may', 'da giày', 'gỗ', 'hồ tiêu', 'rau quả', 'chè', 'muối', 'tôm', 'cá tra', 'logistics', 'miền', 'thông minh',
  'nhân lực', 'nguồn nhân lực', 'khám chữa bệnh', 'khám bệnh', 'chữa bệnh', 'trẻ', 'xổ số', 'xổ số kiến thiết', 'kiến thiết', 'một thành viên', 'động vật', 'tự trị', 'khu tự trị',
  'hoang dã', 'động vật hoang dã', 'quỹ đất', 'xuất nhập cảnh', 'nhập cư', 'di cư', 'tị nạn', 'nhân quyền', 'hòa bình',
  'hoà bình', 'hữu nghị', 'đoàn kết', 'phát thải', 'khí hậu', 'biến đổi khí hậu', 'tăng trưởng xanh', 'thủy điện',
  'thuỷ điện', 'nhiệt điện', 'điện gió', 'điện mặt trời', 'dầu khí', 'than', 'xăng dầu', 'hóa chất', 'hoá chất',
  'phân bón', 'xi măng', 'thép', 'ô tô', 'xe máy', 'cơ khí', 'đóng tàu', 'vật liệu', 'vật liệu xây dựng',
  'rừng', 'hành chính', 'hành chính công', 'dịch vụ công', 'đất', 'lâm sản', 'nông sản', 'hải sản', 'thủy hải sản',
  'khởi nghiệp', 'khởi nghiệp sáng tạo', 'sáng tạo', 'hội nhập', 'hội nhập quốc tế', 'ghép tạng', 'ghép bộ phận cơ thể người',
  'tiền tệ', 'ngoại hối', 'lưu ký', 'bù trừ', 'ngành kinh tế', 'nhà', 'công sở',
];

/**
 * Lowercase words that name a field inside a name ("đầu tư xây dựng", "kiểm soát bệnh tật") but are
 * also verbs that open a predicate right after a name ("Bộ Y tế cảnh báo ..."): a name runs on
 * through one only after a field noun.
 */
export const VI_NAME_VERB_NOUNS: readonly string[] = [
  'xây dựng', 'phát triển', 'đầu tư', 'đầu tư xây dựng', 'quản lý', 'giám sát', 'kiểm tra', 'thanh tra', 'điều tra', 'phòng chống',
  'phòng, chống', 'kiểm soát', 'xúc tiến', 'quảng bá', 'điều hành', 'điều phối', 'dự báo', 'cảnh báo', 'giám định',
  'kiểm nghiệm', 'kiểm định', 'đăng kiểm', 'huấn luyện', 'tuyển sinh', 'bồi dưỡng', 'cứu nạn', 'cứu hộ', 'tìm kiếm',
  'chữa cháy', 'phòng cháy', 'phòng cháy chữa cháy', 'cứu nạn cứu hộ', 'bảo vệ', 'bảo trợ', 'hợp tác', 'nghiên cứu', 'đổi mới sáng tạo',
  'chuyển đổi số', 'thi hành án', 'đo đạc', 'cấp nước', 'thoát nước', 'chiếu sáng', 'khuyến nông', 'xuất bản',
  'phát thanh', 'truyền hình', 'đào tạo', 'thi đua', 'khen thưởng', 'bảo hiểm', 'giao dịch', 'thông tin', 'xuất khẩu',
  'nhập khẩu', 'chế biến', 'sản xuất', 'kinh doanh', 'tư vấn', 'thiết kế', 'vận hành', 'khai thác', 'ứng phó',
  'khắc phục', 'hậu quả', 'giảm nghèo', 'xóa đói', 'xoá đói', 'cứu trợ', 'bảo tồn', 'trùng tu', 'chăm sóc', 'điều trị',
  'phục hồi chức năng', 'cai nghiện', 'tiếp công dân', 'giải quyết', 'khiếu nại', 'tố cáo', 'xử lý', 'vi phạm',
];

/** Heads whose name may go on with "về <field>": "Ban Chỉ đạo về phòng, chống tham nhũng", "Ủy ban hỗn hợp về thương mại". */
export const VI_ABOUT_HEADS: readonly string[] = [
  'Ban Chỉ đạo', 'Ủy ban', 'Uỷ ban', 'Hội đồng', 'Tổ công tác', 'Tiểu ban', 'Ban', 'Ủy ban Nhà nước', 'Uỷ ban Nhà nước', 'Trung tâm',
  'Viện', 'Hội nghị', 'Nhóm công tác', 'Diễn đàn', 'Chương trình',
];

/** Heads whose name may go on with "tại <name>": a campus or branch ("Đại học California tại Santa Barbara"). */
export const VI_BRANCH_HEADS: readonly string[] = [
  'Đại học', 'Trường Đại học', 'Phân hiệu', 'Chi nhánh', 'Cơ sở', 'Viện', 'Trung tâm', 'Văn phòng',
];
