import { describe, expect, it } from 'vitest';
import { formatDate, formatRange, shortDate } from '../../src/ui/dom';

describe('formatDate', () => {
  it('writes a scenario date as a reader says it', () => {
    expect(formatDate('2022')).toBe('2022');
    expect(formatDate('2010-06')).toBe('June 2010');
    expect(formatDate('2022-01-05')).toBe('5 January 2022');
    expect(formatDate('2021-12-31')).toBe('31 December 2021');
  });

  it('names every month as British English does', () => {
    for (let m = 1; m <= 12; m++) {
      const want = new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
      expect(formatDate(`2000-${String(m).padStart(2, '0')}`)).toBe(`${want} 2000`);
    }
  });

  it('writes a short date as the debrief did with Intl, for every month', () => {
    expect(shortDate('2022')).toBe('2022');
    expect(shortDate('2010-06')).toBe('Jun 2010');
    expect(shortDate('2010-04-25')).toBe('25 Apr 2010');
    for (let m = 1; m <= 12; m++) {
      const want = new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
      expect(shortDate(`2000-${String(m).padStart(2, '0')}-09`)).toBe(`9 ${want} 2000`);
    }
  });

  it('writes a range once when it starts and ends on the same day', () => {
    expect(formatRange('2022-01-05', '2022-01-05')).toBe('5 January 2022');
    expect(formatRange('2022-01-05', '2022-01-19')).toBe('5 January 2022 – 19 January 2022');
  });
});
