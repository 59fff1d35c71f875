import { BATCH_EXPIRY_WARNING_DAYS, type ExpiryStatus } from '../../contract';

/** Whether a batch may be used on `today` (YYYY-MM-DD): expired, expiring soon, or fine. */
export function expiryStatus(expiryDate: string, today: string): ExpiryStatus {
  if (expiryDate < today) return 'expired';
  const days = (Date.parse(`${expiryDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= BATCH_EXPIRY_WARNING_DAYS ? 'expiring' : 'ok';
}
