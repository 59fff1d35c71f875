import { type FitzpatrickType, fitzpatrickLabel, type SEXES } from '@contract';
import dayjs from 'dayjs';

export function clientDisplayName(c: {
  firstName: string;
  lastName: string;
  preferredName: string | null;
}): string {
  const preferred = c.preferredName && c.preferredName !== c.firstName ? ` (${c.preferredName})` : '';
  return `${c.firstName} ${c.lastName}${preferred}`;
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('D MMM YYYY') : '—';
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('D MMM YYYY, HH:mm') : '—';
}

export function ageOn(dateOfBirth: string | null, today = dayjs()): number | null {
  return dateOfBirth ? today.diff(dayjs(dateOfBirth), 'year') : null;
}

export function fitzpatrickText(type: FitzpatrickType | null): string {
  return type ? `Type ${fitzpatrickLabel(type)}` : '—';
}

export const SEX_LABELS: Record<(typeof SEXES)[number], string> = {
  female: 'Female',
  male: 'Male',
  intersex: 'Intersex',
  unspecified: 'Prefer not to say',
};
