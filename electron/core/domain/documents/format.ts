import dayjs from 'dayjs';
import type { ClinicInfo } from './clinic';

/** The clinic's chosen date format when it has one; "9 Mar 2026" otherwise. */
const DEFAULT_FORMAT = 'D MMM YYYY';

/**
 * A calendar day (YYYY-MM-DD) as printed documents show it, in the clinic's chosen format. Parsed as a
 * plain calendar day, so no time zone can move it to the day before.
 */
export function printedDate(day: string, clinic: Pick<ClinicInfo, 'dateFormat'>): string {
  const parsed = dayjs(day, 'YYYY-MM-DD');
  return parsed.isValid() ? parsed.format(clinic.dateFormat ?? DEFAULT_FORMAT) : day;
}

/** The number clients should ring: the emergency line when the clinic set one. */
export const callNumber = (clinic: ClinicInfo) => clinic.emergencyPhone || clinic.phone || null;
