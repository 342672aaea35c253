/** Formatting shared by every feature: won amounts with Korean units, dates in Asia/Seoul. */

export const TIME_ZONE = 'Asia/Seoul';

const group = new Intl.NumberFormat('ko-KR');

/**
 * Won with Korean units: 120000000 → "1억 2,000만 원", 15000 → "1만 5,000원", 4500 → "4,500원".
 * In English: "₩4,500" (digits grouped; readers of English expect no 만/억 units).
 */
export function formatWon(amount: number, lang: string = 'ko'): string {
  if (!lang.startsWith('ko')) return `₩${new Intl.NumberFormat('en-US').format(amount)}`;
  const sign = amount < 0 ? '-' : '';
  let rest = Math.abs(Math.trunc(amount));
  if (rest < 10_000) return `${sign}${group.format(rest)}원`;
  const eok = Math.floor(rest / 100_000_000);
  rest -= eok * 100_000_000;
  const man = Math.floor(rest / 10_000);
  rest -= man * 10_000;
  const parts: string[] = [];
  if (eok) parts.push(`${group.format(eok)}억`);
  if (man) parts.push(`${group.format(man)}만`);
  if (rest) return `${sign}${[...parts, `${group.format(rest)}원`].join(' ')}`;
  return `${sign}${parts.join(' ')} 원`;
}

function locale(lang: string): string {
  return lang.startsWith('ko') ? 'ko-KR' : 'en-GB';
}

export function formatDateTime(iso: string, lang: string = 'ko'): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function formatDate(iso: string, lang: string = 'ko'): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TIME_ZONE, dateStyle: 'long' }).format(
    new Date(iso),
  );
}

export function formatNumber(n: number, lang: string = 'ko'): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

/** The calendar day of an instant in Seoul, as "YYYY-MM-DD". */
export function seoulDay(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(d);
}

/** A value for <input type="datetime-local"> (Seoul wall time) → ISO 8601 with +09:00. */
export function seoulLocalToIso(local: string): string {
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  return `${withSeconds}+09:00`;
}
