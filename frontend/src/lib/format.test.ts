import { describe, expect, it } from 'vitest';
import { formatDateTime, formatWon, seoulDay, seoulLocalToIso } from './format';

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
});
