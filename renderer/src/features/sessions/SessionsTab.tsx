import type { SessionSummary } from '@contract';
import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconStethoscope } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/api';
import { EmptyState } from '../../shared/EmptyState';
import { ShortcutHint } from '../../shared/ShortcutHint';
import { formatDateTime } from '../clients/format';
import { SessionStatusBadge } from './SessionStatusBadge';

export function SessionsTab(props: { clientId: string; archived: boolean; onStart: () => void }) {
  const { clientId, archived } = props;
  const navigate = useNavigate();
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.sessions
      .listForClient({ clientId })
      .then(setSessions)
      .catch((e: Error) => setError(e.message));
  }, [clientId]);

  if (error) {
    return (
      <Alert m="xl" color="red" icon={<IconAlertTriangle />} title="Sessions could not be loaded">
        {error}
      </Alert>
    );
  }
  if (!sessions) return <Loader m="xl" aria-label="Loading sessions" />;

  const startButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      rightSection={<ShortcutHint keys="N" />}
      disabled={archived}
      onClick={props.onStart}
    >
      Start session
    </Button>
  );

  // Course view: per treatment, how far through the course the client is.
  const courses = new Map<string, SessionSummary[]>();
  for (const s of sessions) courses.set(s.treatmentName, [...(courses.get(s.treatmentName) ?? []), s]);

  return (
    <Stack p="xl" gap="lg">
      {sessions.length === 0 ? (
        <EmptyState icon={<IconStethoscope size={28} />} title="No sessions yet" action={startButton}>
          {archived
            ? 'Restore the client to chart a session.'
            : 'Start a session to screen, chart and sign off a treatment.'}
        </EmptyState>
      ) : (
        <>
          <Group justify="space-between">
            <Group gap="xs" aria-label="Courses">
              {[...courses.entries()].map(([name, list]) => {
                const signed = list.filter((s) => s.status === 'signed').length;
                return (
                  <Badge key={name} variant="light" size="lg" radius="sm">
                    {name}: {signed} of {list[0]!.courseLength}
                  </Badge>
                );
              })}
            </Group>
          </Group>
          <Table highlightOnHover verticalSpacing="sm" aria-label="Sessions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Treatment</Table.Th>
                <Table.Th>Course</Table.Th>
                <Table.Th>Zones</Table.Th>
                <Table.Th>Max depth</Table.Th>
                <Table.Th>Practitioner</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((s) => (
                <Table.Tr
                  key={s.id}
                  style={{ cursor: 'pointer' }}
                  onClick={() => navigate(`/clients/${clientId}/sessions/${s.id}`)}
                >
                  <Table.Td>
                    <Anchor
                      href={`#/clients/${clientId}/sessions/${s.id}`}
                      onClick={(e) => e.stopPropagation()}
                      size="sm"
                    >
                      {formatDateTime(s.startedAt)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.treatmentName}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.courseNumber ? `${s.courseNumber} of ${s.courseLength}` : '—'}</Text>
                    {s.daysSincePrevious !== null && (
                      <Text size="xs" c="dimmed">
                        {s.daysSincePrevious} days after the previous
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{s.zoneCount}</Table.Td>
                  <Table.Td>{s.maxDepthMm !== null ? `${s.maxDepthMm} mm` : '—'}</Table.Td>
                  <Table.Td>{s.practitioner ?? '—'}</Table.Td>
                  <Table.Td>
                    <SessionStatusBadge status={s.status} amended={s.amended} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
