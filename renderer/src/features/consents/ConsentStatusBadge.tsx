import type { ConsentStatus } from '@contract';
import { Badge } from '@mantine/core';
import { WARNING_BADGE_TEXT } from '../catalogue/catalogueUi';

const LOOK: Record<ConsentStatus, { label: string; color: string; text?: string }> = {
  valid: { label: 'Valid', color: 'clinic' },
  expired: { label: 'Expired', color: 'orange', text: WARNING_BADGE_TEXT },
  revoked: { label: 'Revoked', color: 'red' },
  missing: { label: 'Missing', color: 'gray' },
};

export function ConsentStatusBadge({
  status,
  size = 'md',
}: {
  status: ConsentStatus;
  size?: 'sm' | 'md' | 'lg';
}) {
  const look = LOOK[status];
  return (
    <Badge
      color={look.color}
      variant="light"
      radius="sm"
      size={size}
      c={look.text}
      data-status={status}
      style={{ flexShrink: 0 }}
    >
      {look.label}
    </Badge>
  );
}
