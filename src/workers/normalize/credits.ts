/**
 * Photo, video and graphic captions with their credits: "Các đại biểu dự tập huấn. (Ảnh: Minh
 * Tâm/TTXVN)", "(Photo: VNA)", "Ảnh minh họa: TTXVN". A caption line leaves the body; its
 * credits go to Article.credits.
 */
import type { Credit } from '../../shared/article.js';
import { isAgencyMark } from './lexicon.js';
import { countSpaceSeparatedWords } from './words.js';

type Role = Credit['role'];

// Labels that open a credit, by role. "Ảnh" = photo, "Đồ họa" = graphic, "minh họa" = illustrative.
const LABEL =
  "(Ảnh(?: minh họa| minh hoạ| tư liệu| chụp màn hình| minh hoạ)?|Nguồn ảnh|Video|Clip|Đồ họa|Đồ hoạ|Infographic|Photos?(?: d'illustration| for illustration)?|Illustrative photo|File photo|Graphic|Vidéo|Infographie)";
const PAREN_CREDIT_RE = new RegExp(`\\(\\s*${LABEL}\\s*:\\s*([^()]{1,120})\\)`, 'gu');
// A whole trailing credit without parentheses: "Ảnh minh họa: TTXVN", "... hội nghị. Ảnh: TTXVN".
const BARE_CREDIT_RE = new RegExp(`(?:^|(?<=[.!?…]\\s))${LABEL}\\s*:\\s*([^()]{1,80})$`, 'u');
const ENDS_WITH_PAREN_CREDIT_RE = new RegExp(`\\(\\s*${LABEL}\\s*:\\s*[^()]{1,120}\\)\\s*[.]?$`, 'u');
const CREDIT_SEPARATORS = /\s*(?:;|,|\s[-–]\s|\svà\s|\sand\s|\set\s)\s*/u;
// "phát" = "released by"; "tư liệu" = "archive": words around an agency mark, not names.
const RELEASE_WORDS = /\s+(?:phát|tư liệu|cung cấp)$|^(?:tư liệu|nguồn)\s+/iu;
const MAX_CAPTION_WORDS = 60;

function roleOf(label: string): Role {
  const l = label.toLowerCase();
  if (l.startsWith('video') || l.startsWith('vidéo') || l.startsWith('clip')) return 'video';
  if (l.startsWith('đồ') || l.startsWith('infogr') || l.startsWith('graphic')) return 'graphic';
  return 'photo';
}

/** Credits named in one credit text: "Minh Tâm/TTXVN", "Xuân Khu - Thu Hương/TTXVN", "TTXVN phát". */
export function parseCreditText(text: string, role: Role, caption: string | null): Credit[] {
  const out: Credit[] = [];
  const groups = text.trim().replace(/[.]$/, '').split(/\s*;\s*/u);
  for (const group of groups) {
    // The agency after the last "/" applies to every name before it ("A - B/TTXVN").
    const slash = group.lastIndexOf('/');
    let names = group;
    let agency: string | null = null;
    if (slash > 0) {
      const tail = group.slice(slash + 1).trim();
      if (isAgencyMark(tail.replace(RELEASE_WORDS, ''))) {
        agency = tail.replace(RELEASE_WORDS, '');
        names = group.slice(0, slash);
      }
    }
    for (const part of names.split(CREDIT_SEPARATORS)) {
      const name = part.replace(RELEASE_WORDS, '').trim();
      if (name === '') continue;
      const nameIsAgency = isAgencyMark(name);
      out.push({ role, name, agency: agency ?? (nameIsAgency ? name : null), caption });
    }
  }
  return out;
}

/** A caption line split into caption text and credits, or null when the line is not a caption. */
export function parseCaptionLine(line: string): { caption: string | null; credits: Credit[] } | null {
  // Every credit form has a colon ("Ảnh:", "Photo :"): most paragraphs leave here.
  if (!line.includes(':')) return null;
  const trimmed = line.trim();
  // countSpaceSeparatedWords(trimmed) is the split's length here (a trimmed line has no empty piece), but costs no array.
  if (countSpaceSeparatedWords(trimmed) > MAX_CAPTION_WORDS) return null;
  if (ENDS_WITH_PAREN_CREDIT_RE.test(trimmed)) {
    const found: Array<{ role: Role; text: string }> = [];
    const caption = trimmed
      .replace(PAREN_CREDIT_RE, (_m, label: string, text: string) => {
        found.push({ role: roleOf(label), text });
        return ' ';
      })
      .replace(/\s+/g, ' ')
      .replace(/\s+([.,;:])/g, '$1')
      .trim()
      .replace(/^[.]$/, '');
    const cap = caption === '' ? null : caption;
    return { caption: cap, credits: found.flatMap((f) => parseCreditText(f.text, f.role, cap)) };
  }
  const bare = BARE_CREDIT_RE.exec(trimmed);
  if (bare) {
    const caption = trimmed.slice(0, bare.index).trim();
    const cap = caption === '' ? null : caption;
    return { caption: cap, credits: parseCreditText(bare[2]!, roleOf(bare[1]!), cap) };
  }
  return null;
}
