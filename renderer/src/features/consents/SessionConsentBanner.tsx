import type { Session } from '@contract';
import { Alert, Anchor, Text } from '@mantine/core';
import { IconFileAlert } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../clients/format';

/**
 * On a session's chart: a warning when the consent for its treatment is not valid now, e.g. revoked after the
 * session was charted. Nothing shows while the consent is valid (or the treatment needs none).
 */
export function SessionConsentBanner({ session }: { session: Session }) {
  const consent = session.consent;
  if (!consent || consent.status === 'valid' || consent.familyId === null) return null;
  const record = consent.record;
  const revocation = record?.revocation;
  const title =
    consent.status === 'revoked' && revocation
      ? `The consent for this treatment was revoked on ${formatDate(revocation.revokedAt)}: ${revocation.reason}`
      : consent.status === 'expired'
        ? `The consent for this treatment expired on ${formatDate(consent.validUntil)}`
        : 'There is no signed consent for this treatment';
  return (
    <Alert
      color={consent.status === 'revoked' ? 'red' : 'orange'}
      variant="light"
      icon={<IconFileAlert size={20} />}
      title={title}
      data-testid="session-consent-warning"
    >
      <Text size="sm">
        {consent.title}
        {revocation && ` · revoked by ${revocation.by}, ${formatDateTime(revocation.revokedAt)}`}
        {' · '}
        <Anchor
          component={Link}
          to={
            record
              ? `/clients/${session.clientId}/consents/${record.id}`
              : `/clients/${session.clientId}/consents`
          }
          size="sm"
        >
          {record ? 'Open the consent record' : 'Open the client’s consents'}
        </Anchor>
      </Text>
    </Alert>
  );
}
