import { type ConsentRecordSummary, SCOPE_LABELS } from '@contract';
import { Anchor, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { formatDate, formatDateTime } from '../clients/format';
import { ConsentStatusBadge } from './ConsentStatusBadge';

/** Every consent the client has signed, newest first; a row opens the record. */
export function ConsentRecordsTable(props: { clientId: string; records: ConsentRecordSummary[] }) {
  const navigate = useNavigate();
  const href = (r: ConsentRecordSummary) => `/clients/${props.clientId}/consents/${r.id}`;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" horizontalSpacing="lg" aria-label="Signed consents" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Form</Table.Th>
            <Table.Th w={180}>Signed</Table.Th>
            <Table.Th w={130}>Method</Table.Th>
            <Table.Th w={150}>Valid until</Table.Th>
            <Table.Th w={120}>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.records.map((r) => (
            <Table.Tr
              key={r.id}
              data-record={r.id}
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(href(r))}
            >
              <Table.Td>
                <Anchor component={Link} to={href(r)} size="sm" fw={500} onClick={(e) => e.stopPropagation()}>
                  {r.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  Version {r.templateVersion}
                  {r.photoScope && ` · ${SCOPE_LABELS[r.photoScope]}`}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(r.signedAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.method === 'paper' ? 'Paper scan' : 'On screen'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.validUntil ? formatDate(r.validUntil) : 'Until revoked'}</Text>
              </Table.Td>
              <Table.Td>
                <ConsentStatusBadge status={r.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
