import { describe, expect, it } from 'vitest';
import { localMoment, longDate, shortDate, validUntil } from '../../electron/core/domain/consents/dates';

describe('validUntil: the last day a consent is valid', () => {
  it.each([
    ['2026-01-15', 12, '2027-01-14'],
    ['2026-01-01', 12, '2026-12-31'],
    ['2026-03-01', 1, '2026-03-31'],
    ['2026-12-15', 1, '2027-01-14'],
    ['2026-01-15', 24, '2028-01-14'],
    ['2026-11-25', 120, '2036-11-24'],
    // The same date later does not exist: valid to the end of that month.
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-01-30', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-03-30', 1, '2026-04-29'],
    ['2026-08-31', 6, '2027-02-28'],
  ])('signed %s for %d months: valid until %s', (signed, months, until) => {
    expect(validUntil(signed, months)).toBe(until);
  });

  it('never expires without a number of months', () => {
    expect(validUntil('2026-01-15', null)).toBeNull();
  });
});

describe('how dates and times are written', () => {
  it('writes days in full in forms and short in labels', () => {
    expect(longDate('2027-01-14')).toBe('14 January 2027');
    expect(shortDate('2027-01-14')).toBe('14 Jan 2027');
  });

  it('writes the local time with its offset and time zone', () => {
    const at = new Date('2026-11-25T15:02:30.000Z');
    const offset = -at.getTimezoneOffset();
    const text = localMoment(at);
    expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} [+-]\d{2}:\d{2} \(.+\)$/);
    const [date, time, zone] = text.split(' ');
    const local = new Date(at.getTime() + offset * 60_000);
    expect(date).toBe(local.toISOString().slice(0, 10));
    expect(time).toBe(local.toISOString().slice(11, 16));
    const sign = offset < 0 ? '-' : '+';
    const hh = String(Math.trunc(Math.abs(offset) / 60)).padStart(2, '0');
    const mm = String(Math.abs(offset) % 60).padStart(2, '0');
    expect(zone).toBe(`${sign}${hh}:${mm}`);
    expect(text.endsWith(`(${Intl.DateTimeFormat().resolvedOptions().timeZone})`)).toBe(true);
  });
});
