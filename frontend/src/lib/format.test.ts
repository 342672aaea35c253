import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatMonth,
  formatNumber,
  formatWon,
  seoulDay,
  seoulLocalToIso,
  isoToSeoulLocal,
  weekdayNames,
} from './format';

describe('formatWon', () => {
  it.each([
    [0, '0원'],
    [4500, '4,500원'],
    [10000, '1만 원'],
    [15000, '1만 5,000원'],
    [120000000, '1억 2,000만 원'],
    [100000000, '1억 원'],
    [1234567890, '12억 3,456만 7,890원'],
    [-15000, '-1만 5,000원'],
  ])('%d → %s', (amount, text) => {
    expect(formatWon(amount)).toBe(text);
  });

  it('uses digits and the won sign in English', () => {
    expect(formatWon(120000000, 'en')).toBe('₩120,000,000');
  });
});

describe('dates in Asia/Seoul', () => {
  it('shows a UTC instant on its Seoul day and hour', () => {
    expect(seoulDay('2026-11-25T20:30:00Z')).toBe('2026-11-26');
    expect(formatDateTime('2026-11-25T20:30:00Z', 'en')).toContain('05:30');
  });

  it('reads a datetime-local value as Seoul time', () => {
    expect(seoulLocalToIso('2026-12-01T14:00')).toBe('2026-12-01T14:00:00+09:00');
  });

  it('shows an instant as Seoul wall time in a datetime-local input, and back', () => {
    expect(isoToSeoulLocal('2026-11-25T20:30:00Z')).toBe('2026-11-26T05:30');
    expect(seoulLocalToIso(isoToSeoulLocal('2015-10-17T10:00:00+09:00'))).toBe('2015-10-17T10:00:00+09:00');
  });
});

describe('the same text as Intl in ko-KR and en-GB, without loading ICU data', () => {
  it.each([
    ['2026-11-25T20:30:00Z', '2026. 11. 26. 오전 5:30', '26 Nov 2026, 05:30'],
    ['2026-11-26T03:05:00Z', '2026. 11. 26. 오후 12:05', '26 Nov 2026, 12:05'],
    ['2026-11-25T15:00:00Z', '2026. 11. 26. 오전 12:00', '26 Nov 2026, 00:00'],
    ['2026-12-31T14:59:00Z', '2026. 12. 31. 오후 11:59', '31 Dec 2026, 23:59'],
  ])('%s', (iso, ko, en) => {
    expect(formatDateTime(iso, 'ko')).toBe(ko);
    expect(formatDateTime(iso, 'en')).toBe(en);
  });

  it('formats calendar dates as the day they name', () => {
    expect(formatDate('2001-03-01', 'ko')).toBe('2001년 3월 1일');
    expect(formatDate('2001-03-01', 'en')).toBe('1 March 2001');
    expect(formatDate('2026-11-25T20:30:00Z', 'ko')).toBe('2026년 11월 26일');
  });

  it('groups digits and names months and weekdays', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(-1000.5, 'en')).toBe('-1,000.5');
    expect(formatMonth(2026, 11, 'ko')).toBe('2026년 11월');
    expect(formatMonth(2026, 11, 'en')).toBe('November 2026');
    expect(weekdayNames('ko')[0]).toBe('일');
    expect(weekdayNames('en')[6]).toBe('Sat');
  });
});
