import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

const TYPED_FORMATS = [
  'DD/MM/YYYY',
  'D/M/YYYY',
  'DD.MM.YYYY',
  'DD-MM-YYYY',
  'YYYY-MM-DD',
  'D MMM YYYY',
  'D MMMM YYYY',
];

/** What a practitioner types into a date field ("12/04/1985", "1985-04-12", "12 Apr 1985") as YYYY-MM-DD. */
export function parseTypedDate(input: string): string | null {
  const parsed = dayjs(input.trim(), TYPED_FORMATS, true);
  return parsed.isValid() ? parsed.format('YYYY-MM-DD') : null;
}
