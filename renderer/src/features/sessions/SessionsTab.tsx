import type { SessionSummary } from '@contract';
import { Alert, Badge, Button, Group, Loader, Stack } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconStethoscope } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api } from '../../api/api';
import { EmptyState } from '../../shared/EmptyState';
import { ShortcutHint } from '../../shared/ShortcutHint';
import { SessionTable } from './SessionTable';

export function SessionsTab(props: { clientId: string; archived: boolean; onStart: () => void }) {
  const { clientId, archived } = props;
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
          <SessionTable sessions={sessions} view="client" label="Sessions" />
        </>
      )}
    </Stack>
  );
}
