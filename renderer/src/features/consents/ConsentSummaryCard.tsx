import { type ClientConsents, SCOPE_LABELS } from '@contract';
import { Anchor, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/api';
import { ConsentStatusBadge } from './ConsentStatusBadge';
import { standingName, standingText } from './consentFormat';

/** The client's consents at a glance on the overview: what is not valid, and the photo use allowed. */
export function ConsentSummaryCard({ clientId }: { clientId: string }) {
  const [data, setData] = useState<ClientConsents | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.consents
      .forClient({ clientId })
      .then(setData)
      .catch((e: Error) => setError(e.message));
  }, [clientId]);

  const offered = data?.standings.filter((s) => s.familyId !== null) ?? [];
  const lapsed = offered.filter((s) => s.status === 'expired' || s.status === 'revoked');
  const missing = offered.filter((s) => s.status === 'missing');
  const valid = data?.standings.filter((s) => s.status === 'valid').length ?? 0;

  return (
    <Paper withBorder p="lg" component="section" aria-label="Consent">
      <Group justify="space-between" mb="md">
        <Title order={4}>Consent</Title>
        <Anchor component={Link} to={`/clients/${clientId}/consents`} size="xs">
          All consents
        </Anchor>
      </Group>
      {error ? (
        <Text size="sm" c="red.9">
          Consents could not be loaded: {error}
        </Text>
      ) : !data ? (
        <Stack gap={8} aria-hidden>
          <Skeleton h={14} w="70%" />
          <Skeleton h={14} w="55%" />
        </Stack>
      ) : (
        <Stack gap={8}>
          <Text size="sm">
            <Text span c="dimmed">
              Photo use:{' '}
            </Text>
            {SCOPE_LABELS[data.photoScope]}
          </Text>
          {lapsed.map((s) => (
            <Group key={s.familyId} gap="xs" wrap="nowrap" align="flex-start" data-standing={s.code}>
              <ConsentStatusBadge status={s.status} size="sm" />
              <Text size="sm" title={s.title}>
                {standingName(s)}
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {standingText(s)}
                </Text>
              </Text>
            </Group>
          ))}
          {missing.length > 0 && (
            <Group gap="xs" wrap="nowrap" align="flex-start" data-standing="missing">
              <ConsentStatusBadge status="missing" size="sm" />
              <Text size="sm" lineClamp={3}>
                {missing.map(standingName).join(' · ')}
              </Text>
            </Group>
          )}
          <Text size="xs" c="dimmed">
            {valid === 0 ? 'No valid consent on file.' : `${valid} consent${valid === 1 ? '' : 's'} valid.`}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
