import { localDate } from '../../contract';

/**
 * Calendar arithmetic for consent expiry and the way signing times are written down. Dates are
 * YYYY-MM-DD calendar days in the clinic's time zone; instants are UTC ISO strings.
 */

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

function ymd(year: number, month1: number, day: number): string {
  return `${pad(year, 4)}-${pad(month1)}-${pad(day)}`;
}

/**
 * The last day a consent signed on `signedOn` is valid when it lasts `months` months: the day before the
 * same date `months` later, or, when that date does not exist, the last day of that month. Signed
 * 2026-01-15 for 12 months: valid until 2027-01-14 (and expired on 2027-01-15). Signed 2024-02-29 for 12
 * months: until 2025-02-28; signed 2026-01-31 for 1 month: until 2026-02-28.
 */
export function validUntil(signedOn: string, months: number | null): string | null {
  if (months === null) return null;
  const [y, m, d] = signedOn.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month1 = total - year * 12 + 1;
  const last = daysInMonth(year, month1);
  if (d > last) return ymd(year, month1, last);
  const anniversary = Date.UTC(year, month1 - 1, d);
  return new Date(anniversary - 86_400_000).toISOString().slice(0, 10);
}

const formatDay = (day: string, month: 'long' | 'short') =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** "15 January 2026": how dates read in a form's text. */
export const longDate = (day: string) => formatDay(day, 'long');
/** "15 Jan 2026": how dates read in screening flags and labels. */
export const shortDate = (day: string) => formatDay(day, 'short');

/** The workstation's IANA time zone, e.g. "Europe/London" (UTC when the system does not say). */
export function workstationTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The instant as the workstation's clock showed it, with its offset and zone, so the record is
 * unambiguous to a reader in another zone: "2026-11-25 15:02 +00:00 (Europe/London)".
 */
export function localMoment(at: Date): string {
  const offset = -at.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const hhmm = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return `${localDate(at)} ${hhmm} ${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)} (${workstationTimeZone()})`;
}

/** The instant a calendar day starts on this workstation (a paper form is recorded as signed then). */
export function startOfLocalDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 0, 0, 0, 0);
}
