/**
 * How topic evidence is weighed beyond single keywords: words too common to argue for sport
 * alone, transport words that only say where a crash happened, Vietnamese typed without
 * diacritics, French sport copy, and a story whose second language carries its keywords.
 * Stories are short real-style wire copy, written for these cases.
 */
import { describe, expect, it } from 'vitest';
import { explainSubjects, tagSubjects } from '../../../src/workers/translate-tag/tag-topics.js';
import type { TaggableArticle } from '../../../src/workers/translate-tag/tag-topics.js';
import { foldDiacritics } from '../../../src/workers/translate-tag/vietnamese.js';

const SPORT = 'medtop:15000000';
const SPORT_EVENT = 'medtop:20001108';
const ECONOMIC_SECTOR = 'medtop:20000209';
const ACCIDENT = 'medtop:20000139';
const CULTURE = 'medtop:20000038';
const FAMILY = 'medtop:20000780';

function story(language: string, headline: string, lead: string, body: string, category: string | null = null): TaggableArticle {
  return { language, category, tags: [], headline, lead, body: { text: body, html: '' } };
}

function codes(article: TaggableArticle): string[] {
  return tagSubjects(article).map((s) => s.code);
}

/** The story as typed without diacritics ("Khởi tố" → "khoi to"; case does not matter to tagging). */
function withoutDiacritics(article: TaggableArticle): TaggableArticle {
  return {
    ...article,
    headline: foldDiacritics(article.headline),
    lead: foldDiacritics(article.lead ?? ''),
    body: { text: foldDiacritics(article.body.text), html: '' },
  };
}

describe('words sport shares with business and crime copy', () => {
  it('does not tag sport from "wins", "final", "group" or "beat" alone', () => {
    const vingroup = story(
      'en',
      'Vingroup wins final approval for group restructuring',
      'The group won approval from shareholders in the final vote.',
      'Vingroup said the group will complete the restructuring. The final decision was a big win for the conglomerate.',
    );
    expect(codes(vingroup)).not.toContain(SPORT);
    const market = codes(
      story(
        'en',
        'VN-Index wins back 20 points in final session of the week',
        'Stocks rallied as a group of banks gained.',
        'The VN-Index gained 20 points in the final session. Bank shares led the rally.',
      ),
    );
    expect(market).toContain('medtop:20000385');
    expect(market).not.toContain(SPORT);
    const police = codes(story('en', 'Police beat protesters in capital', 'Police beat and detained dozens of protesters.', 'Witnesses said police beat protesters with batons.'));
    expect(police).toContain('medtop:20000065');
    expect(police).not.toContain(SPORT);
    // French: "à ce stade" (at this stage), "groupe" and "dans le but de" (in order to) are not sport.
    const groupe = codes(
      story(
        'fr',
        'À ce stade, le groupe vise un bénéfice record',
        "Le groupe veut rassurer ses actionnaires dans le but de lever des fonds.",
        'À ce stade, la direction du groupe prévoit une hausse du bénéfice et du dividende.',
      ),
    );
    expect(groupe).toContain('medtop:20000170');
    expect(groupe).not.toContain(SPORT);
  });

  it('counts them beside a real sport word: an English football report is sport with high confidence', () => {
    const explained = explainSubjects(
      story(
        'en',
        'Vietnam beat Indonesia 3-0 in AFF Cup',
        'Vietnam national football team defeated Indonesia 3-0.',
        'On December 15, at My Dinh Stadium, Vietnam beat Indonesia 3-0. Coach Kim Sang-sik praised the players.',
      ),
    );
    const event = explained.find((s) => s.code === SPORT_EVENT);
    expect(event?.reasons).toContain('keyword "beat" in headline');
    expect(event?.confidence).toBeGreaterThanOrEqual(0.8);
    expect(explained.map((s) => s.code)).toContain(SPORT);
  });
});

describe('French sport copy', () => {
  it('tags a French football report with sport', () => {
    const got = codes(
      story(
        'fr',
        "Le Vietnam bat l'Indonésie 3-0 en Coupe AFF",
        "L'équipe nationale de football du Vietnam a battu l'Indonésie 3-0.",
        "Le 15 décembre, au stade My Dinh, le Vietnam a battu l'Indonésie 3-0. L'entraîneur Kim Sang-sik a salué ses joueurs.",
      ),
    );
    expect(got).toContain(SPORT);
    expect(got).toContain(SPORT_EVENT);
  });
});

describe('transport words in an accident story', () => {
  const crash = story(
    'vi',
    'Tai nạn giao thông nghiêm trọng trên cao tốc, 5 người tử vong',
    'Xe khách va chạm với xe tải.',
    'Rạng sáng nay, trên cao tốc đã xảy ra vụ tai nạn giao thông nghiêm trọng giữa xe khách và xe tải khiến 5 người tử vong.',
    'Giao thông',
  );

  it('tags a crash on an expressway, in the traffic section, as an accident and not the transport sector', () => {
    const got = tagSubjects(crash);
    expect(got[0]?.code === ACCIDENT || got[0]?.code === 'medtop:03000000').toBe(true);
    expect(got.map((s) => s.code)).not.toContain(ECONOMIC_SECTOR);
    const english = codes(story('en', 'Expressway crash kills five', 'A coach collided with a truck on the expressway.', 'Five people died in the accident.'));
    expect(english).toContain(ACCIDENT);
    expect(english).not.toContain(ECONOMIC_SECTOR);
    // Roads and bridges are still the transport sector when nothing happened on them.
    const opening = story(
      'vi',
      'Khánh thành cầu Mỹ Thuận 2',
      'Cây cầu góp phần hoàn thiện tuyến cao tốc Bắc - Nam phía Đông.',
      'Cầu dài 6,6 km, có 6 làn xe, được xây dựng bằng vốn đầu tư công.',
      'Giao thông',
    );
    expect(codes(opening)).toContain(ECONOMIC_SECTOR);
    expect(codes(story('en', 'New expressway opens to traffic', 'The expressway links the port to the capital.', 'The transport ministry said the railway will follow.'))).toContain(
      ECONOMIC_SECTOR,
    );
  });
});

describe('Vietnamese typed without diacritics', () => {
  const fraud = story(
    'vi',
    'Khởi tố 5 bị can trong vụ lừa đảo chiếm đoạt 100 tỷ đồng',
    'Công an TP HCM đã khởi tố vụ án lừa đảo.',
    'Cơ quan Cảnh sát điều tra Công an TP Hồ Chí Minh đã khởi tố vụ án, khởi tố bị can và bắt tạm giam 5 đối tượng về tội lừa đảo chiếm đoạt tài sản.',
  );
  const storm = story(
    'vi',
    'Bão số 3 đổ bộ Quảng Ninh, 20 người chết',
    'Cơn bão Yagi đã gây mưa lớn và lũ lụt nghiêm trọng.',
    'Bão số 3 đổ bộ vào Quảng Ninh và Hải Phòng. Mưa lớn gây lũ quét và sạt lở đất ở các tỉnh miền núi phía Bắc.',
  );

  it('finds the same topics as in the text with its diacritics', () => {
    const marked = codes(fraud);
    expect(marked).toContain('medtop:20000082');
    expect(codes(withoutDiacritics(fraud))).toEqual(marked);
    const folded = codes(withoutDiacritics(storm));
    expect(folded).toContain('medtop:20000148');
    expect(folded).toContain('medtop:20001129');
    // One folded syllable is not read as a keyword: "den voi" is "đến với" (came to), not
    // "đền" (temple) and "voi" (elephant).
    const visit = codes(story('vi', 'Ong ta den voi ban be o den Hung', 'Ong ta den voi ban be.', 'Ong ta den voi ban be o den Hung va chua.'));
    expect(visit).not.toContain('medtop:20000697');
    expect(visit).not.toContain('medtop:20000500');
  });

  it('reads it as typed, with a capital starting the headline', () => {
    const crime = codes(story('vi', 'Khoi to 5 bi can trong vu lua dao chiem doat 100 ty dong', '', ''));
    expect(crime).toContain('medtop:20000082');
    const disaster = codes(story('vi', 'Bao so 3 do bo Quang Ninh, 20 nguoi chet', '', ''));
    expect(disaster).toContain('medtop:20000148');
  });

  it('does not read unaccented names as folded keywords: "Van Hoa" is not văn hóa, "Gia Dinh" is not gia đình', () => {
    // A Vietnamese story with an English headline: the names in it are not culture and family.
    const visit = story('vi', 'Deputy Minister Nguyen Van Hoa visits Gia Dinh hospital', 'Thứ trưởng Nguyễn Văn Hòa đã thăm bệnh viện.', '');
    expect(codes(visit)).not.toContain(CULTURE);
    expect(codes(visit)).not.toContain(FAMILY);
    // A Spanish story is not Vietnamese typed without diacritics.
    const spanish = story('es', 'Nguyen Van Hoa, nuevo director provincial', '', 'Nguyen Van Hoa asumió el cargo el lunes en Gia Dinh.');
    expect(codes(spanish)).not.toContain(CULTURE);
    expect(codes(spanish)).not.toContain(FAMILY);
  });
});

describe('a story whose second language carries its keywords', () => {
  // Detected as English because of a long English quote; the reporting is Vietnamese.
  const quoted = story(
    'en',
    'Khởi tố 5 bị can trong vụ lừa đảo chiếm đoạt 100 tỷ đồng',
    '"We have cooperated fully with the investigators and we will keep doing so," the company said in a statement.',
    'Cơ quan điều tra đã khởi tố vụ án lừa đảo chiếm đoạt tài sản. "We have cooperated fully and we trust the process," the company said.',
  );

  it('uses the second language keywords when its share is large, and only then', () => {
    expect(codes({ ...quoted, secondaryLanguage: { lang: 'vi', share: 0.4 } })).toContain('medtop:20000082');
    expect(codes(quoted)).not.toContain('medtop:20000082');
    expect(codes({ ...quoted, secondaryLanguage: { lang: 'vi', share: 0.1 } })).not.toContain('medtop:20000082');
  });
});
