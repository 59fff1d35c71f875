import type { PaperSize } from './pdfRenderer';

/** What printed documents say about the clinic, and the paper they are printed on. */
export interface ClinicInfo {
  name: string;
  paper: PaperSize;
  /** Page margins in millimetres (the settings' default when absent). */
  marginMm?: number;
  /** A dayjs pattern such as "D MMM YYYY" for dates in printed text. */
  dateFormat?: string;
  address?: string | null;
  phone?: string | null;
  /** Who a client calls after a treatment; the main phone when absent. */
  emergencyPhone?: string | null;
  email?: string | null;
  website?: string | null;
  registrations?: string | null;
  /** The logo as a data: URI (documents are self-contained: no network, no files). */
  logoDataUri?: string | null;
}

/**
 * Until clinic settings exist (issue #6), every document reads the clinic from one provider, which the
 * settings will replace; nothing else knows where the name comes from.
 */
export const DEFAULT_CLINIC: ClinicInfo = { name: 'Your clinic', paper: 'A4' };

export type ClinicProvider = () => ClinicInfo;
