import type { SessionSummary } from '@contract';
import { Alert, Button, Group, Loader } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconAlertTriangle, IconCalendarEvent } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../api/api';
import { EmptyState } from '../../shared/EmptyState';
import { PageHeader } from '../../shared/PageHeader';
import { SessionTable } from './SessionTable';

/** The day's sessions across clients: drafts to finish, charts to sign off. */
export function TodayPage() {
  const [date, setDate] = useState(dayjs().format('YYYY-MM-DD'));
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setSessions(null);
    api.sessions
      .onDay({ date })
      .then(setSessions)
      .catch((e: Error) => setError(e.message));
  }, [date]);

  const isToday = date === dayjs().format('YYYY-MM-DD');
  return (
    <>
      <PageHeader
        title={isToday ? 'Today' : dayjs(date).format('dddd D MMMM YYYY')}
        subtitle={sessions ? `${sessions.length} session(s)` : 'Loading…'}
        actions={
          <Group gap="xs" align="flex-end">
            <Button
              variant="default"
              onClick={() => setDate(dayjs(date).subtract(1, 'day').format('YYYY-MM-DD'))}
            >
              Previous day
            </Button>
            <DateInput
              aria-label="Day"
              valueFormat="DD/MM/YYYY"
              value={date}
              onChange={(v) => v && setDate(String(v).slice(0, 10))}
              w={140}
            />
            <Button variant="default" onClick={() => setDate(dayjs(date).add(1, 'day').format('YYYY-MM-DD'))}>
              Next day
            </Button>
          </Group>
        }
      />
      {error && (
        <Alert m="xl" color="red" icon={<IconAlertTriangle />} title="Sessions could not be loaded">
          {error}
        </Alert>
      )}
      {!sessions ? (
        <Loader m="xl" aria-label="Loading sessions" />
      ) : sessions.length === 0 ? (
        <EmptyState icon={<IconCalendarEvent size={28} />} title="No sessions on this day">
          Sessions started from a client's page appear here for the day.
        </EmptyState>
      ) : (
        <div style={{ padding: 'var(--mantine-spacing-xl)' }}>
          <SessionTable sessions={sessions} view="day" label="Sessions on this day" />
        </div>
      )}
    </>
  );
}
