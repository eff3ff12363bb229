/**
 * Text rules for IPTC Media Topics: per topic, words and phrases in Vietnamese, English and
 * French whose presence argues for it. Vietnamese entries are written with their diacritics and
 * matched tone-placement-insensitively ("hòa bình" = "hoà bình"), and, in text typed without
 * diacritics, by their folded form when they have more than one syllable ("lừa đảo" = "lua dao");
 * single Vietnamese syllables are avoided because most are ambiguous alone, and folded they
 * are worse ("bão" storm → "bao", "đền" temple → "den" = to). English entries match their
 * plural too. Codes are without the `medtop:` prefix to keep the table readable.
 */

export type RuleLanguage = 'vi' | 'en' | 'fr';

/** Keywords that argue for one Media Topic, per language. */
export interface TopicRule {
  readonly code: string;
  readonly vi: readonly string[];
  readonly en: readonly string[];
  readonly fr: readonly string[];
  /**
   * Words too common to argue alone ("win", "final", "group" fill business copy too): they count
   * only in a story that also has a keyword of the same top-level topic in the lists above, or a
   * section label or source tag that maps into it.
   */
  readonly supporting?: Partial<Record<RuleLanguage, readonly string[]>>;
  /**
   * Words that often only say where something happened ("cao tốc" expressway, "bridge"): they
   * do not count in a field that also names an incident (INCIDENT_CODES), where the story is the
   * crash or the flood, not the transport sector.
   */
  readonly setting?: Partial<Record<RuleLanguage, readonly string[]>>;
}

/** Accidents and disasters: their keywords turn the `setting` words of the same field off. */
export const INCIDENT_CODES: readonly string[] = ['20000139', '20000148'];

/**
 * Names that contain topic words but say nothing about the story's topic: ministries and
 * departments are quoted as sources in every kind of story ("Sở Tài nguyên và Môi trường" in a
 * bribery case). They are matched so the words inside them do not count, and give no topic.
 */
export const NEUTRAL_PHRASES: readonly string[] = [
  'Bộ Tài nguyên và Môi trường', 'Sở Tài nguyên và Môi trường', 'Bộ Thông tin và Truyền thông',
  'Sở Thông tin và Truyền thông', 'Bộ Văn hóa, Thể thao và Du lịch', 'Sở Văn hóa, Thể thao và Du lịch',
  'Bộ Nông nghiệp và Phát triển nông thôn', 'Sở Nông nghiệp và Phát triển nông thôn',
  'Bộ Lao động - Thương binh và Xã hội', 'Sở Lao động - Thương binh và Xã hội', 'Bộ Khoa học và Công nghệ',
  'Sở Khoa học và Công nghệ', 'Bộ Giáo dục và Đào tạo', 'Sở Giáo dục và Đào tạo', 'Bộ Giao thông vận tải',
  'Sở Giao thông vận tải', 'Bộ Kế hoạch và Đầu tư', 'Sở Kế hoạch và Đầu tư', 'Bộ Công Thương', 'Sở Công Thương',
  'Ministry of Natural Resources and Environment', 'Ministry of Information and Communications',
  'Ministry of Culture, Sports and Tourism', 'Ministry of Agriculture and Rural Development',
  'Ministry of Labour, Invalids and Social Affairs', 'Ministry of Science and Technology',
  'Ministry of Education and Training', 'Ministry of Transport', 'Ministry of Industry and Trade',
  "ministère de l'Information et de la Communication", "ministère de l'Agriculture",
  "ministère de l'Éducation et de la Formation", 'ministère des Ressources naturelles et de l’Environnement',
];

export const TOPIC_RULES: readonly TopicRule[] = [
  // arts, culture, entertainment and media
  {
    code: '20000002',
    vi: ['nghệ thuật', 'điện ảnh', 'liên hoan phim', 'ca nhạc', 'âm nhạc', 'ca sĩ', 'diễn viên', 'đạo diễn', 'triển lãm tranh', 'nhà hát', 'sân khấu', 'múa', 'biểu diễn', 'nghệ sĩ', 'nghệ nhân', 'phim truyện', 'phim tài liệu'],
    en: ['film festival', 'cinema', 'concert', 'singer', 'actor', 'actress', 'film director', 'theatre', 'art exhibition', 'dance', 'performer', 'artisan', 'artist', 'music', 'movie'],
    fr: ['festival du film', 'cinéma', 'concert', 'chanteur', 'chanteuse', 'acteur', 'actrice', 'réalisateur', 'théâtre', 'danse', 'artiste', 'artisan', 'artisans', 'musique', 'long métrage'],
  },
  {
    code: '20000038',
    vi: ['văn hóa', 'di sản', 'lễ hội', 'di tích', 'phong tục', 'bản sắc', 'truyền thống', 'dân gian', 'bảo tàng', 'phi vật thể', 'UNESCO'],
    en: ['culture', 'cultural', 'heritage', 'festival', 'tradition', 'traditional', 'folk', 'museum', 'intangible', 'UNESCO'],
    fr: ['culture', 'culturel', 'patrimoine', 'festival', 'tradition', 'traditionnelle', 'traditionnel', 'musée', 'immatériel', 'UNESCO'],
  },
  {
    code: '20000045',
    vi: ['báo chí', 'truyền thông', 'phóng viên', 'nhà báo', 'truyền hình', 'phát thanh', 'thông tin đối ngoại', 'mạng xã hội', 'tuyên truyền'],
    en: ['journalist', 'journalists', 'press freedom', 'media', 'broadcaster', 'television', 'newspaper', 'social media', 'external information'],
    fr: ['journaliste', 'journalistes', 'presse', 'médias', 'télévision', 'radio', 'réseaux sociaux'],
  },
  // conflict, war and peace
  {
    code: '20000053',
    vi: ['khủng bố', 'đánh bom', 'đánh bom liều chết', 'con tin'],
    en: ['terrorist', 'terrorism', 'terror attack', 'suicide bombing', 'bombing', 'hostage'],
    fr: ['terroriste', 'terrorisme', 'attentat', 'otage', 'otages'],
  },
  {
    code: '20000056',
    vi: ['xung đột', 'chiến sự', 'giao tranh', 'không kích', 'chiến tranh', 'tấn công quân sự', 'thương vong'],
    en: ['armed conflict', 'war', 'fighting', 'airstrike', 'airstrikes', 'military offensive', 'troops', 'shelling', 'conflict'],
    fr: ['conflit armé', 'guerre', 'combats', 'frappe aérienne', 'frappes aériennes', 'bombardement', 'troupes', 'conflit'],
  },
  {
    code: '20000065',
    vi: ['biểu tình', 'bạo loạn', 'tuần hành', 'giới nghiêm'],
    en: ['protest', 'protesters', 'riot', 'riots', 'demonstration', 'demonstrators', 'curfew', 'unrest'],
    fr: ['manifestation', 'manifestants', 'émeute', 'émeutes', 'couvre-feu', 'troubles'],
  },
  {
    code: '20000070',
    vi: ['đảo chính', 'lật đổ', 'chính quyền quân sự'],
    en: ['coup', "coup d'etat", 'junta', 'overthrew', 'overthrown', 'seizes power', 'seized power'],
    fr: ["coup d'état", 'junte', 'renversé', 'putsch'],
  },
  {
    code: '20000073',
    vi: ['ngừng bắn', 'đình chiến', 'hòa đàm', 'tiến trình hòa bình', 'thỏa thuận hòa bình', 'hành lang nhân đạo'],
    en: ['ceasefire', 'truce', 'peace talks', 'peace process', 'peace agreement', 'humanitarian corridor', 'humanitarian corridors'],
    fr: ['cessez-le-feu', 'trêve', 'pourparlers de paix', 'processus de paix', 'accord de paix'],
  },
  // crime, law and justice
  {
    code: '20000082',
    vi: ['tội phạm', 'khởi tố', 'bị can', 'bị cáo', 'lừa đảo', 'ma túy', 'buôn lậu', 'tham nhũng', 'nhận hối lộ', 'hối lộ', 'giết người', 'cướp', 'trộm cắp', 'chiếm đoạt', 'đường dây'],
    en: ['crime', 'criminal', 'suspect', 'suspects', 'fraud', 'drug trafficking', 'smuggling', 'corruption', 'bribe', 'bribes', 'bribery', 'murder', 'robbery', 'theft', 'embezzlement', 'scam', 'heroin'],
    fr: ['crime', 'criminel', 'suspect', 'suspects', 'fraude', 'escroquerie', 'trafic de drogue', 'contrebande', 'corruption', 'pots-de-vin', 'meurtre', 'vol', 'détournement'],
  },
  {
    code: '20000106',
    vi: ['tòa án', 'xét xử', 'tuyên án', 'phiên tòa', 'hội đồng xét xử', 'viện kiểm sát', 'cáo trạng', 'án tù', 'tù chung thân', 'tử hình', 'phúc thẩm', 'sơ thẩm'],
    en: ['court', 'trial', 'sentenced', 'verdict', 'judge', 'prosecutor', 'prosecutors', 'indictment', 'prison sentence', 'life imprisonment', 'appeal hearing'],
    fr: ['tribunal', 'procès', 'condamné', 'verdict', 'juge', 'procureur', 'réquisitoire', 'prison'],
  },
  {
    code: '20000121',
    vi: ['dự thảo luật', 'bộ luật', 'nghị định', 'thông tư', 'văn bản quy phạm pháp luật', 'hiệu lực thi hành', 'luật đất đai', 'sửa đổi luật', 'Luật Đất đai', 'luật sửa đổi', 'thông qua luật', 'dự án luật'],
    en: ['law', 'bill', 'draft law', 'legislation', 'decree', 'land law', 'takes effect', 'legal framework'],
    fr: ['loi', 'projet de loi', 'décret', 'législation', 'loi foncière', 'entre en vigueur', "décrets d'application"],
  },
  {
    code: '20000129',
    vi: ['công an', 'cảnh sát', 'bắt giữ', 'bắt tạm giam', 'triệt phá', 'cơ quan điều tra', 'cơ quan cảnh sát điều tra', 'bộ công an', 'thu giữ', 'biên phòng'],
    en: ['police', 'arrested', 'arrest', 'detained', 'investigators', 'seized', 'crackdown', 'ministry of public security', 'border guards'],
    fr: ['police', 'arrêté', 'arrêtés', 'interpellé', 'enquêteurs', 'saisi', 'gendarmerie'],
  },
  // disaster, accident and emergency incident
  {
    code: '20000139',
    vi: ['tai nạn', 'tai nạn giao thông', 'va chạm', 'vụ cháy', 'hỏa hoạn', 'cháy nổ', 'cháy chung cư', 'sập', 'đắm tàu', 'rơi máy bay', 'chập điện', 'mắc kẹt'],
    en: ['accident', 'crash', 'collision', 'fire broke out', 'blaze', 'explosion', 'collapse', 'capsized', 'short circuit', 'trapped', 'fire'],
    fr: ['accident', 'collision', 'incendie', 'explosion', 'effondrement', 'naufrage', 'court-circuit', 'pris au piège'],
  },
  {
    code: '20000148',
    vi: ['thiên tai', 'động đất', 'sóng thần', 'lũ lụt', 'lũ quét', 'sạt lở', 'sạt lở đất', 'ngập lụt', 'hạn hán', 'xâm nhập mặn', 'núi lửa', 'bão', 'cơn bão', 'siêu bão', 'bão số', 'áp thấp nhiệt đới', 'mưa lũ', 'tâm chấn', 'độ richter'],
    en: ['natural disaster', 'disaster', 'earthquake', 'tsunami', 'flood', 'floods', 'flooding', 'flash flood', 'landslide', 'landslides', 'drought', 'volcano', 'typhoon', 'storm', 'tropical depression', 'epicentre', 'magnitude'],
    fr: ['catastrophe naturelle', 'catastrophe', 'séisme', 'tremblement de terre', 'tsunami', 'inondation', 'inondations', 'glissement de terrain', 'glissements de terrain', 'sécheresse', 'typhon', 'tempête'],
  },
  {
    code: '20000168',
    vi: ['cứu hộ', 'cứu nạn', 'cứu hộ cứu nạn', 'tìm kiếm cứu nạn', 'sơ tán', 'di dời', 'ứng phó', 'phòng chống thiên tai', 'cứu hỏa', 'chữa cháy', 'xe chữa cháy', 'cứu được', 'người mất tích'],
    en: ['rescue', 'rescued', 'rescuers', 'search and rescue', 'evacuated', 'evacuation', 'evacuate', 'firefighters', 'fire engines', 'emergency response', 'relief'],
    fr: ['secours', 'secouru', 'secourus', 'sauveteurs', 'évacuées', 'évacués', 'évacuation', 'pompiers', 'opérations de secours'],
  },
  // economy, business and finance
  {
    code: '20000170',
    vi: ['doanh nghiệp', 'doanh thu', 'lợi nhuận', 'báo lãi', 'cổ tức', 'cổ đông', 'công ty', 'kết quả kinh doanh', 'tập đoàn', 'khởi nghiệp'],
    en: ['company', 'firm', 'revenue', 'profit', 'profits', 'earnings', 'dividend', 'shareholders', 'corporation', 'startup', 'business results'],
    fr: ['entreprise', 'société', "chiffre d'affaires", 'bénéfice', 'bénéfices', 'dividende', 'actionnaires', 'groupe'],
  },
  {
    code: '20000209',
    vi: ['công nghiệp', 'sản xuất', 'năng lượng', 'xăng dầu', 'du lịch', 'bất động sản', 'dệt may', 'khai khoáng', 'logistics'],
    en: ['industry', 'manufacturing', 'energy', 'fuel', 'tourism', 'real estate', 'textile', 'mining', 'logistics'],
    fr: ['industrie', 'énergie', 'carburant', 'tourisme', 'immobilier', 'textile'],
    // Roads, rails, ports and building sites are where crashes, fires and collapses happen.
    setting: {
      vi: ['giao thông', 'vận tải', 'cao tốc', 'đường sắt', 'hàng không', 'xây dựng', 'metro', 'đường sắt đô thị', 'cảng biển'],
      en: ['transport', 'expressway', 'railway', 'metro', 'bridge', 'aviation', 'airline', 'construction', 'seaport'],
      fr: ['transport', 'autoroute', 'chemin de fer', 'métro', 'pont', 'aviation', 'construction'],
    },
  },
  {
    code: '20000344',
    vi: ['kinh tế', 'tăng trưởng kinh tế', 'GDP', 'đầu tư công', 'vốn đầu tư', 'ngân sách', 'kinh tế vĩ mô', 'tổng sản phẩm trong nước', 'FDI', 'đầu tư nước ngoài', 'kinh tế - xã hội'],
    en: ['economy', 'economic', 'economic growth', 'GDP', 'public investment', 'budget', 'macroeconomic', 'foreign direct investment', 'FDI', 'ODA'],
    fr: ['économie', 'économique', 'croissance économique', 'PIB', 'investissement public', 'budget', 'macroéconomique', 'investissements étrangers'],
  },
  {
    code: '20000385',
    vi: ['chứng khoán', 'thị trường chứng khoán', 'cổ phiếu', 'VN-Index', 'VN Index', 'sàn HOSE', 'thanh khoản', 'nhà đầu tư', 'giá vàng', 'tỷ giá', 'giá xăng', 'giá dầu', 'mua ròng', 'bán ròng', 'phiên giao dịch'],
    en: ['stock market', 'stocks', 'shares', 'VN-Index', 'VN Index', 'stock exchange', 'investors', 'liquidity', 'gold price', 'exchange rate', 'oil prices', 'fuel prices', 'net buyers', 'trading session'],
    fr: ['bourse', 'actions', 'marché boursier', 'investisseurs', "prix de l'or", 'taux de change', 'prix du pétrole', 'prix des carburants'],
  },
  {
    code: '20000350',
    vi: ['ngân hàng nhà nước', 'lãi suất điều hành', 'thống đốc', 'chính sách tiền tệ', 'tái cấp vốn', 'ngân hàng trung ương'],
    en: ['central bank', 'state bank of vietnam', 'policy rate', 'policy rates', 'refinancing rate', 'monetary policy', 'governor'],
    fr: ['banque centrale', "banque d'état", 'taux directeur', 'taux directeurs', 'taux de refinancement', 'politique monétaire', 'gouverneur'],
  },
  {
    code: '20000370',
    vi: ['lạm phát', 'chỉ số giá tiêu dùng', 'CPI', 'lạm phát cơ bản', 'mặt bằng giá'],
    en: ['inflation', 'consumer price index', 'consumer prices', 'CPI', 'core inflation'],
    fr: ['inflation', 'indice des prix à la consommation', 'prix à la consommation'],
  },
  {
    code: '20000373',
    vi: ['xuất khẩu', 'nhập khẩu', 'kim ngạch', 'thương mại', 'hiệp định thương mại', 'FTA', 'thuế quan', 'xuất siêu', 'nhập siêu'],
    en: ['export', 'exports', 'exported', 'import', 'imports', 'importers', 'trade', 'trade agreement', 'free trade', 'tariff', 'tariffs', 'trade surplus'],
    fr: ['exportations', 'exporté', 'importations', 'importateurs', 'commerce', 'accord commercial', 'libre-échange', 'droits de douane'],
  },
  {
    code: '20000210',
    vi: ['nông nghiệp', 'nông dân', 'lúa', 'lúa gạo', 'vụ mùa', 'trúng mùa', 'mất mùa', 'cây trồng', 'chăn nuôi', 'thủy sản', 'hợp tác xã', 'nông sản', 'cà phê', 'hồ tiêu', 'canh tác', 'gieo trồng', 'giá gạo', 'xuất khẩu gạo', 'giá lúa'],
    en: ['agriculture', 'agricultural', 'farmers', 'farmer', 'rice', 'paddy', 'harvest', 'crop', 'crops', 'livestock', 'aquaculture', 'seafood', 'cooperative', 'coffee'],
    fr: ['agriculture', 'agricole', 'agriculteurs', 'riziculteurs', 'riz', 'paddy', 'récolte', 'cultures', 'élevage', 'pêche', 'café'],
  },
  // education
  {
    code: '20000400',
    vi: ['trường học', 'trường THPT', 'trường chuyên', 'năm học', 'lớp học', 'phòng học', 'nhập học', 'tựu trường'],
    en: ['school', 'schools', 'high school', 'academic year', 'classroom', 'classrooms', 'enrolment'],
    fr: ['école', 'écoles', 'lycée', 'collège', 'année scolaire', 'salle de classe'],
  },
  {
    code: '20000412',
    vi: ['chương trình giáo dục', 'sách giáo khoa', 'môn học', 'chương trình giáo dục phổ thông', 'giảng dạy'],
    en: ['curriculum', 'textbook', 'textbooks', 'subject', 'teaching programme'],
    fr: ['programme scolaire', 'manuel scolaire', 'manuels scolaires', 'matière', 'enseignement'],
  },
  {
    code: '20000413',
    vi: ['kỳ thi', 'thí sinh', 'thi tốt nghiệp', 'điểm thi', 'bài thi', 'đề thi', 'điểm chuẩn', 'Olympic Toán học', 'Olympic'],
    en: ['exam', 'exams', 'examination', 'candidates', 'test scores', 'graduation exam', 'olympiad', 'benchmark scores'],
    fr: ['examen', 'examens', 'candidats', 'baccalauréat', 'olympiade', 'épreuve'],
  },
  {
    code: '20000414',
    vi: ['tuyển sinh', 'điểm chuẩn', 'xét tuyển', 'thi vào lớp 10', 'trúng tuyển'],
    en: ['admissions', 'university admissions', 'entrance exam', 'enrolment quota'],
    fr: ["concours d'entrée", 'admission', "admission à l'université"],
  },
  {
    code: '20000415',
    vi: ['học sinh', 'sinh viên', 'thí sinh', 'du học sinh'],
    en: ['students', 'student', 'pupils', 'candidates'],
    fr: ['élèves', 'étudiants', 'étudiant', 'lycéens', 'candidats'],
  },
  {
    code: '20000416',
    vi: ['giáo viên', 'nhà giáo', 'thầy cô', 'giảng viên'],
    en: ['teachers', 'teacher', 'lecturers'],
    fr: ['enseignants', 'professeurs', 'enseignant'],
  },
  {
    code: '20001216',
    vi: ['giáo dục nghề nghiệp', 'trường nghề', 'đào tạo nghề', 'cao đẳng nghề'],
    en: ['vocational training', 'vocational education', 'vocational school'],
    fr: ['formation professionnelle', 'lycée professionnel'],
  },
  {
    code: '20001338',
    vi: ['đổi mới giáo dục', 'chính sách giáo dục', 'cải cách giáo dục'],
    en: ['education policy', 'education reform'],
    fr: ["politique de l'éducation", "réforme de l'éducation"],
  },
  // environment
  {
    code: '20000418',
    vi: ['biến đổi khí hậu', 'phát thải', 'khí nhà kính', 'phát thải ròng bằng 0', 'COP28', 'trung hòa carbon', 'chuyển đổi năng lượng', 'năng lượng tái tạo'],
    en: ['climate change', 'greenhouse gas', 'net zero', 'COP28', 'carbon neutrality', 'energy transition', 'renewable energy', 'greenhouse gas emissions', 'emission cuts'],
    fr: ['changement climatique', 'réchauffement climatique', 'gaz à effet de serre', 'neutralité carbone', 'transition énergétique'],
  },
  {
    code: '20000420',
    vi: ['bảo tồn', 'đa dạng sinh học', 'vườn quốc gia', 'khu bảo tồn', 'loài quý hiếm', 'động vật hoang dã', 'bảo vệ rừng', 'kiểm lâm', 'sách đỏ'],
    en: ['conservation', 'biodiversity', 'national park', 'nature reserve', 'endangered', 'wildlife', 'forest protection', 'rangers'],
    fr: ['conservation', 'biodiversité', 'parc national', 'réserve naturelle', 'espèce menacée', 'faune sauvage'],
  },
  {
    code: '20000424',
    vi: ['ô nhiễm', 'ô nhiễm môi trường', 'ô nhiễm không khí', 'chất lượng không khí', 'khí thải', 'rác thải', 'nước thải', 'chất thải', 'rác thải nhựa', 'bụi mịn'],
    en: ['pollution', 'air pollution', 'air quality', 'emissions monitoring', 'waste', 'wastewater', 'plastic waste', 'fine dust', 'pollutants'],
    fr: ['pollution', "pollution de l'air", "qualité de l'air", 'déchets', 'eaux usées', 'émissions des véhicules', 'surveillance automatique des émissions'],
  },
  {
    code: '20000430',
    vi: ['tài nguyên', 'khoáng sản', 'tài nguyên nước', 'khai thác cát', 'tài nguyên thiên nhiên'],
    en: ['natural resources', 'minerals', 'water resources', 'sand mining'],
    fr: ['ressources naturelles', 'minerais', 'ressources en eau'],
  },
  // health
  {
    code: '20000446',
    vi: ['dịch bệnh', 'bệnh', 'ca mắc', 'sốt xuất huyết', 'ung thư', 'tiểu đường', 'tim mạch', 'COVID-19', 'cúm', 'sởi', 'tay chân miệng', 'ổ dịch', 'dịch tễ', 'tử vong do'],
    en: ['disease', 'diseases', 'outbreak', 'cases', 'dengue', 'dengue fever', 'cancer', 'diabetes', 'covid-19', 'influenza', 'measles', 'epidemic', 'infections', 'virus'],
    fr: ['maladie', 'maladies', 'épidémie', 'cas', 'dengue', 'cancer', 'diabète', 'grippe', 'rougeole', 'infections', 'virus'],
  },
  {
    code: '20000461',
    vi: ['bệnh viện', 'trạm y tế', 'phòng khám', 'cơ sở y tế', 'trung tâm y tế'],
    en: ['hospital', 'hospitals', 'clinic', 'health centre', 'medical facility'],
    fr: ['hôpital', 'hôpitaux', 'clinique', 'centre de santé'],
  },
  {
    code: '20000463',
    vi: ['Tổ chức Y tế Thế giới', 'WHO'],
    en: ['world health organization', 'WHO'],
    fr: ['organisation mondiale de la santé', 'OMS'],
  },
  {
    code: '20000464',
    vi: ['điều trị', 'phẫu thuật', 'ghép tạng', 'ghép tim', 'ghép thận', 'cấp cứu', 'vắc xin', 'tiêm chủng', 'thuốc điều trị', 'người bệnh', 'bệnh nhân'],
    en: ['treatment', 'surgery', 'transplant', 'patient', 'patients', 'vaccine', 'vaccination', 'medicine', 'drugs'],
    fr: ['traitement', 'chirurgie', 'greffe', 'patient', 'patients', 'vaccin', 'vaccination', 'médicaments'],
  },
  {
    code: '20000483',
    vi: ['bảo hiểm y tế', 'thẻ bảo hiểm y tế', 'quỹ bảo hiểm y tế'],
    en: ['health insurance', 'medical insurance'],
    fr: ['assurance maladie', 'assurance santé'],
  },
  {
    code: '20000485',
    vi: ['bác sĩ', 'y bác sĩ', 'nhân viên y tế', 'điều dưỡng', 'y tá'],
    en: ['doctors', 'doctor', 'nurses', 'medical staff', 'health workers'],
    fr: ['médecins', 'médecin', 'infirmiers', 'personnel médical', 'soignants'],
  },
  // human interest
  {
    code: '20000498',
    vi: ['giải thưởng', 'huy chương', 'huy chương vàng', 'Bông sen vàng', 'tranh giải', 'vinh danh', 'trao giải', 'giải vàng'],
    en: ['award', 'awards', 'prize', 'medal', 'medals', 'gold medal', 'gold medals', 'honoured'],
    fr: ['prix', 'récompense', 'médaille', "médaille d'or", 'distinction'],
  },
  {
    code: '20000499',
    vi: ['kỷ lục Guinness', 'Tổ chức Kỷ lục Việt Nam', 'xác lập kỷ lục'],
    en: ['guinness world record', 'world record holder'],
    fr: ['record du monde', 'record Guinness'],
  },
  {
    code: '20000500',
    vi: ['động vật', 'voi', 'con voi', 'thú y', 'bác sĩ thú y', 'vật nuôi', 'cá thể'],
    en: ['animal', 'animals', 'elephant', 'elephants', 'veterinarians', 'pet', 'pets'],
    fr: ['animal', 'animaux', 'éléphant', 'vétérinaires'],
  },
  {
    code: '20000501',
    vi: ['lễ kỷ niệm', 'diễu binh', 'diễu hành', 'lễ khai mạc', 'nghi lễ', 'mít tinh'],
    en: ['ceremony', 'parade', 'commemoration', 'opening ceremony'],
    fr: ['cérémonie', 'défilé', 'commémoration'],
  },
  {
    code: '20001237',
    vi: ['kỷ niệm', 'năm ngày', 'ngày truyền thống', 'chiến thắng Điện Biên Phủ', 'năm thành lập'],
    en: ['anniversary', 'commemorate', 'commemorating'],
    fr: ['anniversaire', 'commémorer'],
  },
  // labour
  {
    code: '20000509',
    vi: ['việc làm', 'người lao động', 'lao động', 'tiền lương', 'lương cơ sở', 'tuyển dụng', 'công chức', 'cán bộ, công chức'],
    en: ['jobs', 'employment', 'workers', 'wages', 'salary', 'salaries', 'recruitment', 'civil servants'],
    fr: ['emploi', 'emplois', 'travailleurs', 'salaires', 'salaire', 'recrutement', 'fonctionnaires'],
  },
  {
    code: '20000523',
    vi: ['thị trường lao động', 'cắt giảm lao động', 'mất việc', 'giảm giờ làm', 'thiếu lao động'],
    en: ['labour market', 'job cuts', 'lose jobs', 'layoffs', 'labour shortage'],
    fr: ["marché du travail", "suppressions d'emplois", 'licenciements', 'pénurie de main-d’œuvre'],
  },
  {
    code: '20000524',
    vi: ['quan hệ lao động', 'đình công', 'lương tối thiểu', 'lương tối thiểu vùng', 'hội đồng tiền lương', 'người sử dụng lao động', 'thỏa ước lao động'],
    en: ['labour relations', 'strike', 'minimum wage', 'wage council', 'collective bargaining', 'employers'],
    fr: ['relations de travail', 'grève', 'salaire minimum', 'négociation collective', 'employeurs'],
  },
  {
    code: '20000531',
    vi: ['lương hưu', 'nghỉ hưu', 'tuổi nghỉ hưu', 'hưu trí'],
    en: ['pension', 'pensions', 'retirement', 'retirees', 'retirement age'],
    fr: ['retraite', 'retraites', 'pension', 'retraités'],
  },
  {
    code: '20000533',
    vi: ['thất nghiệp', 'tỷ lệ thất nghiệp', 'bảo hiểm thất nghiệp'],
    en: ['unemployment', 'unemployment rate', 'jobless'],
    fr: ['chômage', 'taux de chômage', 'chômeurs'],
  },
  {
    code: '20000536',
    vi: ['công đoàn', 'Tổng Liên đoàn Lao động', 'đoàn viên công đoàn'],
    en: ['trade union', 'trade unions', 'unions', 'union members'],
    fr: ['syndicat', 'syndicats', 'syndicaux'],
  },
  // lifestyle and leisure
  {
    code: '20000538',
    vi: ['du lịch', 'du khách', 'khách du lịch', 'homestay', 'điểm đến', 'lữ hành', 'nghỉ dưỡng'],
    en: ['tourism', 'tourists', 'tourist', 'visitors', 'travel', 'destination', 'resort', 'holidaymakers'],
    fr: ['tourisme', 'touristes', 'visiteurs', 'voyage', 'destination', 'station balnéaire'],
  },
  // politics
  {
    code: '20000574',
    vi: ['bầu cử', 'cử tri', 'bỏ phiếu', 'ứng cử viên', 'lá phiếu', 'tranh cử', 'đại biểu Quốc hội khóa', 'bầu', 'được bầu', 'bầu Chủ tịch nước', 'tín nhiệm'],
    en: ['election', 'elections', 'voters', 'vote', 'ballot', 'ballots', 'candidate', 'polls', 'polling stations', 'presidential race', 'elected', 'elects', 'elect'],
    fr: ['élection', 'élections', 'électeurs', 'scrutin', 'vote', 'candidat', 'bureaux de vote', 'élu', 'élit', 'élue'],
  },
  {
    code: '20000587',
    vi: ['nhân quyền', 'quyền con người', 'tự do tín ngưỡng', 'quyền tự do', 'bình đẳng giới'],
    en: ['human rights', 'freedom of religion', 'freedom of speech', 'civil rights'],
    fr: ["droits de l'homme", 'droits humains', 'liberté de religion', "liberté d'expression"],
  },
  {
    code: '20000593',
    vi: ['Chính phủ', 'UBND', 'Ủy ban nhân dân', 'chính quyền', 'nghị định', 'Bộ Quốc phòng', 'quốc phòng', 'Bộ Nội vụ'],
    en: ['government', "people's committee", 'cabinet', 'defence ministry', 'ministry of defence'],
    fr: ['gouvernement', 'comité populaire', 'ministère de la défense'],
  },
  {
    code: '20000621',
    vi: ['chính sách', 'đề án', 'kế hoạch', 'phê duyệt', 'ban hành', 'chiến lược quốc gia', 'lộ trình', 'nghị quyết', 'cải cách'],
    en: ['policy', 'plan', 'unveils plan', 'approved a plan', 'national strategy', 'roadmap', 'resolution', 'reform', 'scheme'],
    fr: ['politique', 'plan', 'stratégie nationale', 'feuille de route', 'réforme', 'adopte un plan'],
  },
  {
    code: '20000638',
    vi: ['quan hệ quốc tế', 'đối ngoại', 'hợp tác quốc tế', 'Liên hợp quốc', 'Hội đồng Bảo an', 'ASEAN', 'hội nhập quốc tế', 'quan hệ song phương', 'đối tác', 'Liên minh châu Phi', 'hợp tác quốc phòng', 'quốc tế'],
    en: ['international relations', 'foreign affairs', 'united nations', 'UN', 'security council', 'ASEAN', 'bilateral', 'partner', 'partners', 'african union', 'international'],
    fr: ['relations internationales', 'affaires étrangères', 'nations unies', 'ONU', 'conseil de sécurité', 'ASEAN', 'bilatéral', 'bilatérales', 'partenaire', 'union africaine', 'international'],
  },
  {
    code: '20000639',
    vi: ['ngoại giao', 'Đại sứ', 'đại sứ quán', 'hội đàm', 'Tuyên bố chung', 'Đối tác chiến lược toàn diện', 'Đối tác chiến lược', 'chuyến thăm chính thức', 'trình Quốc thư', 'Bộ Ngoại giao', 'thăm cấp nhà nước', 'Hội nghị Cấp cao', 'hội nghị thượng đỉnh', 'thượng đỉnh'],
    en: ['diplomacy', 'diplomatic', 'ambassador', 'embassy', 'talks', 'joint statement', 'comprehensive strategic partnership', 'strategic partnership', 'official visit', 'state visit', 'foreign minister', 'foreign ministry', 'summit'],
    fr: ['diplomatie', 'diplomatiques', 'diplomatique', 'ambassadeur', 'ambassade', 'entretiens', 'déclaration commune', 'partenariat stratégique global', 'partenariat stratégique', 'visite officielle', "ministre des affaires étrangères", 'sommet'],
  },
  {
    code: '20000647',
    vi: ['khủng hoảng chính trị', 'đình chỉ hiến pháp', 'bất ổn chính trị', 'lên án'],
    en: ['political crisis', 'suspended the constitution', 'political turmoil', 'condemned'],
    fr: ['crise politique', 'suspendu la constitution', 'condamné le coup'],
  },
  {
    code: '20000649',
    vi: ['Quốc hội', 'kỳ họp', 'đại biểu Quốc hội', 'biểu quyết', 'thông qua', 'Ban Chấp hành Trung ương', 'Hội nghị Trung ương', 'Bộ Chính trị', 'Đại hội Đảng', 'Tổng Bí thư', 'công tác cán bộ', 'xây dựng Đảng', 'hệ thống chính trị'],
    en: ['national assembly', 'parliament', 'lawmakers', 'legislators', 'central committee', 'politburo', 'party congress', 'general secretary'],
    fr: ['assemblée nationale', 'parlement', 'députés', 'comité central', 'bureau politique'],
  },
  // religion
  {
    code: '20000657',
    vi: ['tín ngưỡng', 'thờ cúng', 'dâng hương', 'tâm linh', 'Phật giáo', 'Công giáo', 'tôn giáo'],
    en: ['belief', 'worship', 'buddhism', 'buddhist', 'catholic', 'religion', 'religious'],
    fr: ['croyance', 'culte', 'bouddhisme', 'bouddhiste', 'catholique', 'religion', 'religieux'],
  },
  {
    code: '20000690',
    vi: ['Phật đản', 'Lễ Giáng sinh', 'Giáng sinh', 'lễ Vu Lan', 'đại lễ', 'Ramadan', 'lễ Phục sinh'],
    en: ["buddha's birthday", 'vesak', 'christmas', 'easter', 'ramadan'],
    fr: ['vesak', 'noël', 'pâques', 'ramadan'],
  },
  {
    code: '20000697',
    vi: ['chùa', 'nhà thờ', 'đền', 'thánh thất', 'tu viện', 'nhà chùa'],
    en: ['pagoda', 'temple', 'church', 'cathedral', 'monastery', 'mosque'],
    fr: ['pagode', 'temple', 'église', 'cathédrale', 'monastère', 'mosquée'],
  },
  {
    code: '20000703',
    vi: ['tăng ni', 'hòa thượng', 'giám mục', 'linh mục', 'Đức Giáo hoàng', 'chức sắc', 'Giáo hội Phật giáo Việt Nam'],
    en: ['monks', 'bishop', 'priest', 'pope', 'clergy', 'patriarch'],
    fr: ['moines', 'évêque', 'prêtre', 'pape', 'clergé'],
  },
  // science and technology
  {
    code: '20000715',
    vi: ['toán học', 'Olympic Toán học', 'nhà toán học'],
    en: ['mathematics', 'mathematical', 'mathematician'],
    fr: ['mathématiques', 'mathématicien'],
  },
  {
    code: '20000717',
    vi: ['loài mới', 'thực vật học', 'sinh học', 'vật lý', 'hóa học', 'địa chất', 'thiên văn', 'loài lan'],
    en: ['new species', 'botany', 'biology', 'physics', 'chemistry', 'geology', 'astronomy', 'plant species'],
    fr: ['nouvelle espèce', 'botanique', 'biologie', 'physique', 'chimie', 'géologie', 'astronomie'],
  },
  {
    code: '20000735',
    vi: ['nghiên cứu khoa học', 'nhà khoa học', 'công trình nghiên cứu', 'kết quả nghiên cứu', 'tạp chí khoa học', 'phát minh', 'sáng chế', 'phát hiện'],
    en: ['scientific research', 'scientists', 'researchers', 'study', 'scientific journal', 'invention', 'patent', 'discovered'],
    fr: ['recherche scientifique', 'scientifiques', 'chercheurs', 'étude', 'revue scientifique', 'invention', 'brevet', 'découverte'],
  },
  {
    code: '20000741',
    vi: ['Viện Hàn lâm Khoa học', 'viện nghiên cứu', 'Viện Hàn lâm Khoa học và Công nghệ Việt Nam', 'trung tâm vũ trụ'],
    en: ['academy of science', 'research institute', 'vietnam academy of science and technology', 'space centre'],
    fr: ['académie des sciences', 'institut de recherche'],
  },
  {
    code: '20000756',
    vi: ['công nghệ', 'khoa học công nghệ', 'trí tuệ nhân tạo', 'AI', 'vệ tinh', 'chuyển đổi số', 'bán dẫn', 'chip', '5G', 'phần mềm', 'kỹ sư', 'công nghệ vũ trụ', 'mô hình ngôn ngữ'],
    en: ['technology', 'artificial intelligence', 'AI', 'satellite', 'digital transformation', 'semiconductor', 'semiconductors', 'chip', 'chips', '5G', 'software', 'engineers', 'space technology', 'language model'],
    fr: ['technologie', 'intelligence artificielle', 'IA', 'satellite', 'transformation numérique', 'semi-conducteurs', 'puces', 'logiciel', 'ingénieurs'],
  },
  // society
  {
    code: '20000768',
    vi: ['đồng bào dân tộc thiểu số', 'dân tộc thiểu số', 'kiều bào', 'người Việt Nam ở nước ngoài', 'cộng đồng dân cư', 'cộng đồng người Việt'],
    en: ['ethnic minority', 'ethnic minorities', 'overseas vietnamese', 'local communities'],
    fr: ['minorités ethniques', "vietnamiens de l'étranger"],
  },
  {
    code: '20000770',
    vi: ['dân số', 'tỷ lệ sinh', 'già hóa dân số', 'mức sinh', 'tuổi thọ', 'tổng điều tra dân số'],
    en: ['population', 'birth rate', 'birth rates', 'ageing', 'life expectancy', 'census'],
    fr: ['population', 'natalité', 'taux de natalité', 'vieillissement', 'espérance de vie', 'recensement'],
  },
  {
    code: '20000780',
    vi: ['gia đình', 'con cháu', 'hôn nhân', 'trẻ em', 'người cao tuổi'],
    en: ['family', 'families', 'children', 'marriage', 'elderly'],
    fr: ['famille', 'familles', 'enfants', 'mariage', 'personnes âgées'],
  },
  {
    code: '20000802',
    vi: ['tệ nạn xã hội', 'bạo lực gia đình', 'mua bán người', 'xâm hại trẻ em'],
    en: ['human trafficking', 'domestic violence', 'child abuse', 'social ills'],
    fr: ['traite des êtres humains', 'violence domestique', 'maltraitance'],
  },
  {
    code: '20000817',
    vi: ['an sinh xã hội', 'hộ nghèo', 'cận nghèo', 'giảm nghèo', 'trợ cấp', 'hỗ trợ gạo', 'bảo hiểm xã hội', 'người có công', 'chính sách xã hội', 'thiếu đói', 'xóa đói giảm nghèo', 'nhà ở xã hội'],
    en: ['social security', 'welfare', 'poor households', 'poverty reduction', 'poverty', 'allowance', 'allowances', 'social insurance', 'social housing'],
    fr: ['protection sociale', 'ménages pauvres', 'pauvreté', 'allocations', 'sécurité sociale', 'logement social'],
  },
  // sport
  {
    code: '20000822',
    vi: ['bóng đá', 'điền kinh', 'bơi lội', 'quần vợt', 'bóng chuyền', 'cầu lông', 'cờ vua', 'võ thuật', 'cử tạ'],
    en: ['football', 'soccer', 'athletics', 'swimming', 'tennis', 'volleyball', 'badminton', 'chess', 'martial arts', 'weightlifting', 'footballer', 'footballers', 'striker', 'goalkeeper', 'midfielder'],
    fr: ['football', 'athlétisme', 'natation', 'tennis', 'volley-ball', 'badminton', 'échecs', 'footballeur', 'footballeurs', 'attaquant', 'gardien de but', 'milieu de terrain'],
  },
  {
    code: '20001103',
    vi: ['treo giò', 'kỷ luật', 'Ban Kỷ luật', 'thẻ đỏ', 'án phạt', 'phi thể thao'],
    en: ['suspended for', 'ban', 'banned', 'disciplinary committee', 'red card', 'unsporting'],
    fr: ['suspendu', 'suspension', 'commission de discipline', 'carton rouge'],
  },
  {
    code: '20001104',
    vi: ['doping', 'chất cấm'],
    en: ['doping', 'banned substance', 'anti-doping'],
    fr: ['dopage', 'substance interdite', 'antidopage'],
  },
  {
    code: '20001108',
    vi: ['SEA Games', 'World Cup', 'vòng loại', 'trận đấu', 'giải đấu', 'đội tuyển', 'chung kết', 'bán kết', 'V-League', 'Olympic', 'ASIAD', 'AFF Cup', 'bảng đấu'],
    en: ['SEA Games', 'World Cup', 'AFF Cup', 'qualifier', 'qualifying round', 'tournament', 'semi-final', 'V-League', 'Olympics', 'championship', 'league', 'national team', 'head coach'],
    fr: ['SEA Games', 'Coupe du monde', 'Coupe AFF', 'AFF Cup', 'qualifications', 'tournoi', 'demi-finale', 'Jeux olympiques', 'championnat', 'match nul', 'équipe nationale', 'sélection nationale', 'sélectionneur', 'entraîneur'],
    // Won, beat, final, group: elections, markets and companies use them as much as sport.
    supporting: {
      vi: ['giành chiến thắng'],
      en: ['match', 'final', 'Games', 'beat', 'defeated', 'win', 'victory', 'group', 'coach', 'goal', 'goals', 'scored'],
      fr: ['match', 'finale', 'victoire', 'groupe', 'bat', 'battu', 'battue', 'but', 'buts'],
    },
  },
  {
    code: '20001126',
    vi: [],
    en: [],
    fr: [],
    // Concerts fill stadiums too, and "à ce stade" is "at this stage".
    supporting: { vi: ['sân vận động'], en: ['stadium'], fr: ['stade'] },
  },
  {
    code: '20001125',
    vi: ['Liên đoàn Bóng đá Việt Nam', 'VFF', 'câu lạc bộ', 'liên đoàn', 'Tổng cục Thể dục thể thao', 'AFC', 'FIFA'],
    en: ['football federation', 'VFF', 'club', 'federation', 'FIFA', 'AFC', 'olympic committee'],
    fr: ['fédération', 'club', 'FIFA', 'comité olympique'],
  },
  {
    code: '20001301',
    vi: ['huy chương vàng', 'phá kỷ lục', 'vô địch', 'thành tích', 'bảng tổng sắp huy chương', 'nhà vô địch', 'kỷ lục SEA Games', 'kỷ lục quốc gia'],
    en: ['gold medal', 'champion', 'medal table', 'title', 'world record', 'games record', 'national record'],
    fr: ["médaille d'or", 'champion', 'championne', 'tableau des médailles', 'record du monde', 'record national'],
  },
  // weather
  {
    code: '20001128',
    vi: ['dự báo thời tiết', 'Trung tâm Dự báo khí tượng thủy văn', 'dự báo', 'khí tượng thủy văn'],
    en: ['weather forecast', 'forecast', 'forecasting centre', 'weather agency', 'meteorological'],
    fr: ['prévisions météorologiques', 'météo', 'prévisions', 'centre national de prévisions', 'météorologique'],
  },
  {
    code: '20001129',
    vi: ['nắng nóng', 'mưa lớn', 'mưa to', 'rét đậm', 'rét hại', 'bão', 'cơn bão', 'siêu bão', 'bão số', 'áp thấp nhiệt đới', 'giông lốc', 'mưa đá', 'không khí lạnh', 'sương muối', 'mưa rất to'],
    en: ['heatwave', 'heavy rain', 'torrential rain', 'cold spell', 'storm', 'typhoon', 'tropical depression', 'thunderstorm', 'hail', 'cold air'],
    fr: ['vague de chaleur', 'canicule', 'fortes pluies', 'pluies torrentielles', 'vague de froid', 'tempête', 'typhon', 'orage', 'grêle'],
  },
  {
    code: '20001130',
    vi: ['nhiệt độ cao nhất', 'nhiệt độ thấp nhất', 'lượng mưa', 'độ ẩm', 'độ C'],
    en: ['highest temperature', 'temperatures', 'rainfall', 'humidity', 'degrees celsius'],
    fr: ['température la plus élevée', 'températures', 'précipitations', 'humidité', 'degrés'],
  },
  {
    code: '20001131',
    vi: ['cảnh báo', 'cảnh báo lũ', 'cảnh báo sóng thần', 'cấp độ rủi ro thiên tai', 'cảnh báo mưa lớn'],
    en: ['weather warning', 'flood warning', 'tsunami warning', 'warning', 'alert'],
    fr: ['alerte', 'avertissement', "alerte aux inondations", "alerte au tsunami"],
  },
];
