import { describe, expect, it } from 'vitest';
import { parseRowField } from './queries';

describe('parseRowField', () => {
  it('reads row and column of an import error', () => {
    expect(parseRowField('rows[4].기업유형')).toEqual({ row: 4, column: '기업유형' });
    expect(parseRowField('rows[12]')).toEqual({ row: 12, column: '' });
    expect(parseRowField('file')).toBeNull();
  });
});
