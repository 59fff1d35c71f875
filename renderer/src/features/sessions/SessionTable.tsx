import type { SessionSummary } from '@contract';
import { Anchor, Table, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../clients/format';
import { SessionStatusBadge } from './SessionStatusBadge';

/** Sessions as a table, for one client (dates, depths) or for one day (times, clients). */
export function SessionTable(props: { sessions: SessionSummary[]; view: 'client' | 'day'; label: string }) {
  const navigate = useNavigate();
  const href = (s: SessionSummary) => `/clients/${s.clientId}/sessions/${s.id}`;
  const perClient = props.view === 'client';
  return (
    <Table highlightOnHover verticalSpacing="sm" aria-label={props.label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{perClient ? 'Date' : 'Time'}</Table.Th>
          {!perClient && <Table.Th>Client</Table.Th>}
          <Table.Th>Treatment</Table.Th>
          <Table.Th>Course</Table.Th>
          {perClient && <Table.Th>Zones</Table.Th>}
          {perClient && <Table.Th>Max depth</Table.Th>}
          <Table.Th>Practitioner</Table.Th>
          <Table.Th>Status</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.sessions.map((s) => (
          <Table.Tr key={s.id} style={{ cursor: 'pointer' }} onClick={() => navigate(href(s))}>
            <Table.Td>
              <Anchor href={`#${href(s)}`} onClick={(e) => e.stopPropagation()} size="sm">
                {perClient ? formatDateTime(s.startedAt) : dayjs(s.startedAt).format('HH:mm')}
              </Anchor>
            </Table.Td>
            {!perClient && <Table.Td>{s.clientName}</Table.Td>}
            <Table.Td>{s.treatmentName}</Table.Td>
            <Table.Td>
              <Text size="sm">{s.courseNumber ? `${s.courseNumber} of ${s.courseLength}` : '—'}</Text>
              {perClient && s.daysSincePrevious !== null && (
                <Text size="xs" c="dimmed">
                  {s.daysSincePrevious} days after the previous
                </Text>
              )}
            </Table.Td>
            {perClient && <Table.Td>{s.zoneCount}</Table.Td>}
            {perClient && <Table.Td>{s.maxDepthMm !== null ? `${s.maxDepthMm} mm` : '—'}</Table.Td>}
            <Table.Td>{s.practitioner ?? '—'}</Table.Td>
            <Table.Td>
              <SessionStatusBadge status={s.status} amended={s.amended} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
