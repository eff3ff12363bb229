/**
 * Word lists the extractors share: Vietnamese surnames, honorifics, titles and the words that end
 * a role phrase, in Vietnamese, English and French. Each list is turned into a set of token keys
 * once at module load (see fold.ts), so lookups ignore case and tone-mark placement.
 */
import { asciiFold, phraseKey } from './fold.js';

/** A set of tone-insensitive phrase keys. */
function keySet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map(phraseKey));
}

/** A set of ASCII-folded keys (for names written without diacritics). */
function asciiSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map((w) => asciiFold(w)));
}

const VI_SURNAMES = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ',
  'Ngô', 'Dương', 'Lý', 'Lưu', 'Đinh', 'Đoàn', 'Trương', 'Trịnh', 'Mai', 'Cao', 'Lâm', 'Tô', 'Hà',
  'Đào', 'Chu', 'Châu', 'Tạ', 'Lương', 'Thái', 'Kiều', 'Quách', 'Triệu', 'La', 'Lạc', 'Giang',
  'Mạc', 'Khổng', 'Tăng', 'Thân', 'Tôn', 'Âu', 'Khúc', 'Kim', 'Lò', 'Lục', 'Mã', 'Nghiêm', 'Nông',
  'Phùng', 'Quan', 'Tiêu', 'Từ', 'Ông', 'Vương', 'Vi', 'Đàm', 'Diệp', 'Doãn', 'Hứa', 'Hầu', 'Lã',
  'Lại', 'Liêu', 'Mạnh', 'Nhữ', 'Ninh', 'Phí', 'Phương', 'Sầm', 'Tào', 'Thạch', 'Tống',
  'Trà', 'Trình', 'Ưng', 'Viên', 'Cù', 'Chử', 'Giáp', 'Hàn', 'Khương', 'Khuất', 'Lường',
  'Mông', 'Nhâm', 'Ôn', 'Sùng', 'Giàng', 'Vàng', 'Thào', 'Ly', 'Mùa', 'Lầu', 'Danh', 'Kha',
  'Bạch', 'Cấn', 'Chúc', 'Đậu', 'Điểu', 'Lữ', 'Mẫn', 'Ngọ', 'Quản', 'Vy',
  // Thai, Tay and Hmong family names of the northern uplands: "Cầm Văn Chính", "Quàng Văn Binh".
  'Cầm', 'Quàng', 'Điêu', 'Bế', 'Tòng', 'Lèo', 'Hạng', 'Chảo', 'Tẩn', 'Lừu', 'Vừ', 'Sình',
  // Central Highlands clan names: "Rơ Châm Hiếu", "Ksor Phước", "Siu Hương".
  'Rơ', 'Ksor', 'Siu', 'Kpă', 'Rmah', 'Rahlan', 'Niê', 'Êban', 'Mlô', 'Byă',
];
/** Vietnamese family names (tone-insensitive keys). */
export const SURNAMES = keySet(VI_SURNAMES);
/** The same family names without diacritics ("Tran", "Nguyen") for English/French copy. */
export const SURNAMES_ASCII = asciiSet(VI_SURNAMES);

const EAST_ASIAN_FAMILY = [
  // Korean
  'Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Jeong', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo',
  'Shin', 'Kwon', 'Hwang', 'Ahn', 'Song', 'Yoo', 'Hong', 'Moon', 'Yang', 'Bae', 'Baek', 'Ko', 'Nam',
  // Japanese
  'Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi',
  'Kato', 'Yoshida', 'Yamada', 'Sasaki', 'Yamaguchi', 'Matsumoto', 'Inoue', 'Kimura', 'Hayashi',
  'Shimizu', 'Kishida', 'Abe', 'Ishiba', 'Takaichi', 'Motegi', 'Mori', 'Ikeda', 'Hashimoto', 'Ono',
  // Chinese (pinyin)
  'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Zhu', 'Hu',
  'Guo', 'Lin', 'Xi', 'Ma', 'Gao', 'Luo', 'Zheng',
];
/** Romanized Korean, Japanese and Chinese family names. */
export const FOREIGN_FAMILY = asciiSet(EAST_ASIAN_FAMILY);

const WESTERN_GIVEN = [
  'Daniel', 'David', 'John', 'James', 'Michael', 'Robert', 'William', 'Richard', 'Thomas', 'Mark',
  'Paul', 'Peter', 'Andrew', 'Christopher', 'Matthew', 'Anthony', 'Steven', 'Kevin', 'Brian', 'George',
  'Edward', 'Stephen', 'Charles', 'Joseph', 'Donald', 'Joe', 'Kamala', 'Antony', 'Marco', 'Marc',
  'Emmanuel', 'Jean', 'Pierre', 'Jacques', 'François', 'Nicolas', 'Philippe', 'Michel', 'Alain',
  'Olivier', 'Laurent', 'Christophe', 'Julien', 'Sébastien', 'Étienne', 'Louis', 'Luc', 'Yves',
  'Marie', 'Anne', 'Sophie', 'Catherine', 'Isabelle', 'Nathalie', 'Claire', 'Élisabeth', 'Hélène',
  'Maria', 'Anna', 'Elena', 'Sarah', 'Emma', 'Laura', 'Julia', 'Jennifer', 'Susan', 'Karen', 'Linda',
  'Elizabeth', 'Mary', 'Patricia', 'Barbara', 'Jessica', 'Rachel', 'Rebecca', 'Hannah', 'Ursula',
  'Angela', 'Olaf', 'Friedrich', 'Klaus', 'Hans', 'Stefan', 'Markus', 'Carlos', 'Juan', 'José',
  'Luis', 'Miguel', 'Antonio', 'Giorgia', 'Sergio', 'Vladimir', 'Sergey', 'Sergei', 'Dmitry',
  'Alexander', 'Alexandre', 'Ivan', 'Igor', 'Narendra', 'Anthony', 'Scott', 'Justin', 'Jacinda',
  'Ramon', 'Ferdinand', 'Anwar', 'Joko', 'Prabowo', 'Sonexay', 'Thongloun', 'Paetongtarn',
  'Lawrence', 'Vivian', 'Tedros', 'Kristalina', 'Ajay', 'Carlo', 'Rafael', 'Ana', 'Lucas', 'Martin',
  'Henrik', 'Lars', 'Erik', 'Adam', 'Eric', 'Frank', 'Gary', 'Jonathan', 'Benjamin', 'Samuel', 'Timothy',
  'Thomas', 'Nicholas', 'Jeffrey', 'Ursula', 'Mariam', 'Fatima', 'Ahmed', 'Mohamed', 'Mohammed', 'Ali',
];
/** Common Western given names: a capitalized pair starting with one is a person. */
export const WESTERN_GIVEN_NAMES = asciiSet(WESTERN_GIVEN);

const VI_MIDDLE = [
  'Thị', 'Văn', 'Hữu', 'Đình', 'Công', 'Bá', 'Trọng', 'Thế', 'Viết', 'Duy', 'Quốc', 'Minh', 'Ngọc',
  'Thanh', 'Xuân', 'Kim', 'Thu', 'Hồng', 'Phương', 'Đức', 'Quang', 'Tiến', 'Mạnh', 'Hoàng', 'Nữ', 'Như',
];
/** Vietnamese middle names that make a four-syllable name likely ("Nguyễn Thị Kim Ngân"). */
export const MIDDLE_NAMES = keySet(VI_MIDDLE);
/** The same without diacritics ("Pham Thi Thanh Tra"). */
export const MIDDLE_NAMES_ASCII = asciiSet(VI_MIDDLE);

/** Honorifics before a name: "ông", "bà", "Mr", "Mme". Never part of the name or role. */
export const HONORIFICS = keySet([
  'ông', 'bà', 'anh', 'chị', 'cô', 'chú', 'bác', 'cụ', 'em', 'cháu', 'thầy', 'đồng chí', 'ngài',
  'Mr', 'Mrs', 'Ms', 'Miss', 'Mister', 'Madam', 'Sir', 'M', 'Mme', 'Mlle', 'Monsieur', 'Madame',
]);

/** Honorifics so common as ordinary words that a single given name after them needs care. */
export const WEAK_HONORIFICS = keySet(['anh', 'chị', 'em', 'cô', 'chú', 'bác', 'cháu', 'cụ', 'thầy']);

/**
 * Heads of a title that can stand before a name and open a role phrase. Longer heads are listed
 * where a shorter head would start at the wrong word ("Phó Chủ tịch" before "Chủ tịch").
 */
export const TITLE_HEADS = keySet([
  // Vietnamese: offices
  'Chủ tịch', 'Phó Chủ tịch', 'Tổng Bí thư', 'Bí thư', 'Phó Bí thư', 'Thủ tướng', 'Phó Thủ tướng',
  'Bộ trưởng', 'Thứ trưởng', 'Giám đốc', 'Phó Giám đốc', 'Tổng Giám đốc', 'Phó Tổng Giám đốc',
  'Trưởng ban', 'Phó Trưởng ban', 'Chủ nhiệm', 'Phó Chủ nhiệm', 'Đại sứ', 'Tổng Lãnh sự', 'Lãnh sự',
  'Tham tán', 'Tùy viên', 'Trưởng đại diện', 'Trưởng phòng', 'Phó Trưởng phòng', 'Chánh Văn phòng',
  'Phó Chánh Văn phòng', 'Chánh án', 'Viện trưởng', 'Phó Viện trưởng', 'Hiệu trưởng', 'Phó Hiệu trưởng',
  'Cục trưởng', 'Phó Cục trưởng', 'Vụ trưởng', 'Phó Vụ trưởng', 'Tổng cục trưởng', 'Tổng Thư ký',
  'Phó Tổng Thư ký', 'Người phát ngôn', 'Trưởng đoàn', 'Phó Trưởng đoàn', 'Tổng thống', 'Phó Tổng thống',
  'Ngoại trưởng', 'Quốc vương', 'Nhà vua', 'Thái tử', 'Hoàng tử', 'Công chúa', 'Nữ hoàng', 'Thống đốc',
  'Phó Thống đốc', 'Thị trưởng', 'Tổng Tham mưu trưởng', 'Tư lệnh', 'Phó Tư lệnh', 'Chính ủy',
  'Đại tướng', 'Thượng tướng', 'Trung tướng', 'Thiếu tướng', 'Đại tá', 'Thượng tá', 'Trung tá',
  'Thiếu tá', 'Đại úy', 'Ủy viên', 'Đại biểu Quốc hội', 'Chủ tọa', 'Trưởng Công an', 'Đội trưởng',
  'Trưởng thôn', 'Trưởng bản', 'Trưởng khoa', 'Tổng biên tập', 'Phó Tổng biên tập', 'Chủ nhiệm Ủy ban',
  'Thủ trưởng', 'Kiểm toán trưởng', 'Tổng Kiểm toán', 'Chủ tịch nước', 'Phó Chủ tịch nước', 'Trưởng Ban',
  'Chỉ huy trưởng', 'Phó Chỉ huy trưởng', 'Chính trị viên', 'Tham mưu trưởng', 'Tỉnh trưởng', 'Phó Tỉnh trưởng',
  'Thẩm phán', 'Kiểm sát viên', 'Hội thẩm', 'Điều tra viên', 'Thanh tra viên', 'Chánh Thanh tra', 'Phó Chánh Thanh tra', 'Trưởng phái đoàn', 'Phó Trưởng phái đoàn', 'trung vệ',
  'Đô đốc', 'Phó Đô đốc', 'Chuẩn Đô đốc', 'Thượng úy', 'Trung úy', 'Thiếu úy', 'Thượng sĩ', 'Trung sĩ', 'Hạ sĩ',
  'TSKH', 'GS TSKH', 'PGS TSKH', 'NGND', 'NGƯT', 'TTND', 'TTƯT', 'Nhà giáo Nhân dân', 'Nhà giáo Ưu tú', 'Thầy thuốc Nhân dân',
  'Thầy thuốc Ưu tú', 'Anh hùng Lao động', 'Anh hùng Lực lượng vũ trang nhân dân',
  'Phó Trưởng Ban', 'Giáo sư', 'Phó Giáo sư', 'Tiến sĩ', 'Thạc sĩ', 'GS', 'PGS', 'TS', 'ThS', 'BS',
  'NSND', 'NSƯT', 'Nghệ sĩ Nhân dân', 'Nghệ sĩ Ưu tú', 'Anh hùng', 'Huấn luyện viên', 'HLV',
  'Huấn luyện viên trưởng', 'nhà báo', 'phóng viên', 'nhà văn', 'nhà thơ', 'nhạc sĩ', 'họa sĩ', 'ca sĩ',
  'diễn viên', 'đạo diễn', 'nhà nghiên cứu', 'chuyên gia', 'kỹ sư', 'luật sư', 'bác sĩ', 'nghệ nhân',
  'vận động viên', 'VĐV', 'cầu thủ', 'thủ môn', 'tiền đạo', 'tiền vệ', 'hậu vệ', 'doanh nhân',
  'Thường trực', 'Thường trực Ban Bí thư', 'vua', 'hoàng đế', 'kế toán trưởng', 'bị cáo', 'Phó Chủ tịch Thường trực',
  'Đại biểu', 'đồng sáng lập', 'nhà đồng sáng lập', 'người sáng lập', 'nhà sáng lập', 'sáng lập viên',
  'Giám mục', 'Hòa thượng', 'Thượng tọa', 'Linh mục', 'Mục sư', 'Thủ lĩnh', 'Phát ngôn viên', 'Điều phối viên', 'Trưởng nhóm', 'Quyền Chủ tịch', 'Quyền Giám đốc',
  // English
  'Chairman', 'Chairwoman', 'Chair', 'Vice Chairman', 'Vice Chairwoman', 'Vice Chair', 'President',
  'Vice President', 'Prime Minister', 'Deputy Prime Minister', 'Minister', 'Deputy Minister',
  'Vice Minister', 'Foreign Minister', 'Secretary', 'General Secretary', 'Party General Secretary',
  'Secretary-General', 'Secretary General', 'Director', 'Director-General', 'Director General',
  'Deputy Director', 'Deputy Director-General', 'Ambassador', 'Consul General', 'Consul', 'Governor',
  'Deputy Governor', 'Mayor', 'Chief', 'Head', 'Spokesperson', 'Spokesman', 'Spokeswoman', 'CEO',
  'Chief Executive', 'General', 'Lieutenant General', 'Major General', 'Colonel', 'Professor', 'Prof',
  'Dr', 'Doctor', 'coach', 'head coach', 'King', 'Queen', 'Prince', 'Princess', 'Sultan', 'Senator',
  'Chancellor', 'Deputy', 'Vice', 'Permanent Vice Chairman', 'Permanent Deputy Prime Minister',
  'Striker', 'striker', 'midfielder', 'defender', 'goalkeeper', 'forward', 'Country Director', 'Representative', 'Chief Representative', 'Commander', 'Rector', 'Editor-in-Chief',
  'kình ngư', 'tay vợt', 'võ sĩ', 'lực sĩ', 'xạ thủ', 'cơ thủ', 'kỳ thủ', 'tuyển thủ', 'Minister Delegate', 'Delegate', 'ministre délégué', 'ministre déléguée', 'Economist', 'economist', 'Analyst', 'analyst', 'researcher', 'Researcher', 'représentant', 'représentante',
  'représentant résident', 'chuyên gia kinh tế', 'Politburo member', 'Party Central Committee member', 'expert',
  'experte', 'spécialiste', 'chercheur', 'chercheuse', 'analyste', 'économiste', 'spokesperson', 'Leader',
  'Senior Lieutenant General', 'Lieutenant Colonel', 'Senior Colonel', 'Brigadier General', 'Admiral', 'Vice Admiral',
  'Rear Admiral', 'Captain', 'Associate Professor', 'Assoc Prof', 'Commissioner', 'Coordinator', 'Resident Coordinator',
  'Resident Representative', 'Judge', 'Prosecutor', 'teacher', 'nurse', 'engineer', 'lawyer',
  'journalist', 'health worker', 'epidemiologist', 'scientist', 'virologist', 'physician', 'surgeon', 'founder',
  'co-founder', 'commissaire', 'commissaire européen', 'épidémiologiste', 'médecin', 'virologue', 'ingénieur',
  'avocat', 'avocate', 'juge', 'journaliste', 'enseignant', 'enseignante', 'agriculteur', 'agricultrice', 'pêcheur',
  'infirmier', 'infirmière', 'fondateur', 'fondatrice', 'colonel', 'lieutenant-colonel', 'capitaine', 'amiral', 'Pr',
  'préfet', 'député', 'députée', 'sénateur', 'sénatrice', 'General Director', 'Deputy General Director', 'Vice Chairwoman', 'National Assembly Chairman', 'State President', 'Chief Justice',
  // French
  'ministre', 'le ministre', 'la ministre', 'vice-ministre', 'Premier ministre', 'président',
  'présidente', 'vice-président', 'vice-présidente', 'directeur', 'directrice', 'directeur général',
  'directrice générale', 'ambassadeur', 'ambassadrice', 'secrétaire général', 'secrétaire générale',
  'gouverneur', 'vice-gouverneur', 'sous-gouverneur', 'gouverneur adjoint', 'maire', 'porte-parole', 'chef', 'consul général', 'vice-Premier ministre', 'général',
  'professeur', 'docteur', 'roi', 'reine', 'sélectionneur', 'entraîneur', 'vice-président du comité',
  'chef de la diplomatie', 'Président', 'Ministre', 'Directeur', 'Ambassadeur', 'membre', 'élève', 'étudiant',
  'étudiante', 'responsable', 'proviseur', 'proviseure', 'cofondateur', 'cofondatrice', 'co-fondateur', 'co-fondatrice',
  'chairman', 'chairwoman', 'director', 'president', 'member', 'student', 'farmer', 'fisherman', 'porter', 'tour guide',
  'guide', 'trader', 'volunteer', 'official', 'commerçant', 'commerçante', 'chauffeur', 'bénévole',
  'biologist', 'geologist', 'ecologist', 'archaeologist', 'historian', 'activist', 'conservationist', 'biologiste',
  'géologue', 'historien', 'historienne', 'archéologue', 'militant', 'militante',
]);

/** Ranks, degrees and honorary titles: when one alone stands before a name, an office in apposition is the role. */
export const RANKS = keySet([
  'Đại tướng', 'Thượng tướng', 'Trung tướng', 'Thiếu tướng', 'Đại tá', 'Thượng tá', 'Trung tá', 'Thiếu tá',
  'Đại úy', 'Giáo sư', 'Phó Giáo sư', 'Tiến sĩ', 'Thạc sĩ', 'GS', 'PGS', 'TS', 'ThS', 'BS', 'GS TS', 'PGS TS',
  'TS BS', 'ThS BS', 'PGS TS BS', 'GS TS BS', 'BS CKII', 'BS CKI', 'Bác sĩ CKII', 'Bác sĩ CKI', 'Dược sĩ CKII', 'Dược sĩ CKI', 'CKII', 'CKI', 'KTS', 'NNƯT', 'NGND', 'NGƯT',
  'NSND', 'NSƯT', 'Nghệ sĩ Nhân dân', 'Nghệ sĩ Ưu tú', 'Anh hùng', 'bác sĩ', 'luật sư', 'nhà báo', 'kỹ sư',
  'General', 'Lieutenant General', 'Major General', 'Colonel', 'Professor', 'Prof', 'Dr', 'Doctor',
  'général', 'professeur', 'docteur', 'Đô đốc', 'Phó Đô đốc', 'Chuẩn Đô đốc', 'Thượng úy', 'Trung úy', 'Thiếu úy',
  'Thượng sĩ', 'Trung sĩ', 'Hạ sĩ', 'TSKH', 'GS TSKH', 'PGS TSKH', 'TTND', 'TTƯT', 'Nhà giáo Nhân dân', 'Nhà giáo Ưu tú',
  'Thầy thuốc Nhân dân', 'Thầy thuốc Ưu tú', 'Anh hùng Lao động', 'Senior Lieutenant General', 'Lieutenant Colonel',
  'Senior Colonel', 'Brigadier General', 'Admiral', 'Vice Admiral', 'Rear Admiral', 'Captain', 'Associate Professor',
  'Assoc Prof', 'colonel', 'lieutenant-colonel', 'capitaine', 'amiral', 'Pr', 'Đại biểu',
]);

/** The longest title head, in tokens. */
export const MAX_TITLE_TOKENS = 5;

/**
 * Words (one or two syllables, written lowercase) that end a role phrase or cannot sit inside one:
 * verbs of saying and doing, and function words. A role never runs through them ("Bộ trưởng cho
 * biết ông ..." is no role). Checked as phrases because single syllables like "thông" or "hội"
 * also live inside organisation names ("Truyền thông", "Quốc hội").
 */
export const ROLE_BREAKS = keySet([
  // Vietnamese
  'cho biết', 'nói', 'khẳng định', 'nhấn mạnh', 'cho rằng', 'đã', 'sẽ', 'đang', 'vừa', 'cũng', 'là',
  'được', 'bị', 'có', 'khi', 'thì', 'mà', 'này', 'đó', 'phát biểu', 'nhận định', 'chia sẻ',
  'tuyên bố', 'đề nghị', 'yêu cầu', 'trao', 'tặng', 'ký kết', 'gặp', 'tiếp', 'dự', 'chủ trì', 'thăm',
  'làm việc', 'tham dự', 'tham gia', 'ông', 'bà', 'anh', 'chị', 'đồng chí', 'với', 'theo', 'về',
  'trong', 'ngày', 'hôm', 'để', 'các', 'những', 'một', 'đến', 'nêu rõ', 'trả lời', 'đánh giá',
  'thông báo', 'thông tin', 'bày tỏ', 'cảm ơn', 'hoan nghênh', 'chúc mừng', 'lên tiếng', 'cảnh báo',
  'kêu gọi', 'dẫn đầu', 'đón', 'hội đàm', 'điện đàm', 'gửi', 'ghi nhận', 'còn', 'cùng', 'sáng',
  'chiều', 'tối', 'trước', 'sau', 'nhưng', 'nếu', 'vì', 'do', 'nên', 'không', 'chưa', 'rất',
  'nhiều', 'đây', 'ấy', 'lại', 'ra', 'vào', 'hiện', 'nay', 'từng', 'phụ trách', 'khẳng', 'nhấn',
  'khai mạc', 'bế mạc', 'phát động', 'công bố', 'trình bày', 'báo cáo', 'họp', 'ký', 'chỉ đạo',
  'phối hợp', 'tổ chức', 'khuyến cáo', 'tuyên phạt', 'tuyên án', 'triển khai', 'thực hiện',
  'xây dựng', 'hỗ trợ', 'ban hành', 'quyết định', 'cam kết', 'đề xuất', 'kiến nghị', 'tiếp nhận',
  'bàn giao', 'trao tặng', 'thông qua', 'phê duyệt', 'đạt', 'giành', 'thắng', 'thua',
  'vừa qua', 'hiện nay', 'tăng', 'giảm', 'dự báo', 'cảnh báo', 'ghi', 'bắt', 'khởi tố', 'xử lý', 'đưa',
  // Predicates that open a clause right after a name ("Bộ đội Biên phòng tuần tra ...").
  'tuần tra', 'bắt giữ', 'phát hiện', 'thu giữ', 'khởi công', 'khánh thành', 'tiếp tục', 'cấp phép', 'giải ngân',
  'huy động', 'hướng dẫn', 'tổng kết', 'ra mắt', 'mở rộng', 'tiếp đón', 'trao đổi', 'thu hút', 'dự kiến', 'đặt mục tiêu',
  'cần', 'phải', 'vẫn', 'đều', 'luôn', 'đồng thời', 'sẵn sàng',
  'tạm dừng', 'tạm ngừng', 'đình chỉ', 'xử phạt', 'tuyên truyền', 'vận động', 'mời', 'điều động', 'bố trí', 'ứng trực',
  'bảo đảm', 'đảm bảo', 'chuẩn bị', 'hoàn thành', 'bắt đầu', 'kết thúc', 'tăng cường', 'đẩy mạnh', 'giải cứu', 'sơ tán',
  'di dời', 'cứu sống', 'tiếp nhận', 'chuyển', 'đón nhận', 'khen thưởng', 'biểu dương', 'ký kết', 'thống nhất', 'đồng ý',
  // English
  'said', 'says', 'told', 'met', 'meets', 'visited', 'visits', 'has', 'have', 'had', 'was', 'were',
  'is', 'are', 'will', 'would', 'stressed', 'noted', 'added', 'called', 'urged', 'highlighted',
  'announced', 'affirmed', 'welcomed', 'received', 'hosted', 'chaired', 'attended', 'signed',
  'expressed', 'asked', 'on', 'when', 'who', 'which', 'that', 'while', 'after', 'before', 'during',
  'according', 'with', 'by', 'also', 'spoke', 'speaking', 'presented', 'led', 'his', 'her', 'their',
  'but',
  // French
  'ont', 'est', 'sont', 'sera', 'déclaré', 'souligné', 'indiqué', 'affirmé', 'rencontré', 'reçu',
  'estime', 'selon', 'lors', 'qui', 'que', 'avec', 'par', 'salué', 'annoncé', 'rappelé',
  'a déclaré', 'a souligné', 'a indiqué', 'a affirmé', 'a salué', 'a annoncé', 'a rappelé',
]);

/** Words before a name that say a person follows even without a title ("said", "according to", "theo"). */
export const PERSON_CUES = keySet(['said', 'says', 'told', 'according to', 'selon', 'a déclaré', 'a indiqué', 'a souligné']);

/** Words that precede a street, school, prize or doctrine named after a person: no person mention. */
export const NAMED_AFTER_HEADS = keySet([
  'đường', 'phố', 'Trường', 'trường', 'giải', 'Giải', 'cầu', 'sân', 'quảng trường', 'lăng', 'tư tưởng',
  'Lăng', 'Bảo tàng', 'bảo tàng', 'Quỹ', 'quỹ', 'Cúp', 'cúp', 'Street', 'Road', 'rue', 'avenue', 'Avenue',
  'tàu', 'chiến dịch', 'Chiến dịch', 'Học viện', 'Đại học', 'THPT', 'THCS', 'Tiểu học', 'bến', 'đền',
  'Đền', 'chùa', 'Chùa', 'nhà tưởng niệm', 'Khu di tích', 'khu di tích', 'Bệnh viện', 'Công viên',
]);
