import { type ConsentStanding, SCOPE_LABELS } from '@contract';
import { Anchor, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconFileUpload, IconPrinter, IconSignature } from '@tabler/icons-react';
import { Link } from 'react-router';
import { RowAction } from '../catalogue/catalogueUi';
import { formatDate } from '../clients/format';
import { ConsentStatusBadge } from './ConsentStatusBadge';
import { standingText } from './consentFormat';

/** One row per treatment's consent (and the photo consent): where it stands and what can be done now. */
export function ConsentStandingsTable(props: {
  clientId: string;
  standings: ConsentStanding[];
  /** False for an archived client: nothing new can be signed. */
  canSign: boolean;
  onSign: (s: ConsentStanding) => void;
  onBlankForm: (s: ConsentStanding) => void;
  onAttach: (s: ConsentStanding) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" horizontalSpacing="lg" aria-label="Consent status" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Form</Table.Th>
            <Table.Th w={220}>Status</Table.Th>
            <Table.Th w={190}>Signed</Table.Th>
            <Table.Th w={230} ta="right">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.standings.map((s) => {
            const usable = s.familyId !== null && props.canSign;
            const record = s.record;
            return (
              <Table.Tr key={s.familyId ?? s.title} data-standing={s.code ?? s.title}>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" fw={500}>
                      {s.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {s.kind === 'photo'
                        ? record && s.status === 'valid' && record.photoScope
                          ? `Photos may be used for: ${SCOPE_LABELS[record.photoScope]}`
                          : 'Photos: clinical record only until signed'
                        : s.familyId === null
                          ? 'No consent form is set for this treatment'
                          : s.treatmentTypes.map((t) => t.name).join(', ') || 'No treatment uses this form'}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <ConsentStatusBadge status={s.status} />
                    {s.status !== 'missing' && (
                      <Text size="xs" c="dimmed">
                        {standingText(s)}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {record ? (
                    <Stack gap={2}>
                      <Anchor
                        component={Link}
                        to={`/clients/${props.clientId}/consents/${record.id}`}
                        size="sm"
                      >
                        {formatDate(record.signedAt)}
                        <VisuallyHidden>: open the signed {s.title}</VisuallyHidden>
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {record.method === 'paper' ? 'Paper, scanned' : 'On screen'} · version{' '}
                        {record.templateVersion}
                      </Text>
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant={s.status === 'valid' ? 'default' : 'filled'}
                      leftSection={<IconSignature size={14} />}
                      disabled={!usable}
                      onClick={() => props.onSign(s)}
                      aria-label={`${s.status === 'valid' ? 'Sign again' : 'Sign now'}: ${s.title}`}
                    >
                      {s.status === 'valid' ? 'Sign again' : 'Sign now'}
                    </Button>
                    <RowAction
                      label={`Print a blank ${s.title} form`}
                      tooltip="Print blank form"
                      icon={<IconPrinter size={18} />}
                      disabled={!usable}
                      onClick={() => props.onBlankForm(s)}
                    />
                    <RowAction
                      label={`Attach a signed scan of ${s.title}`}
                      tooltip="Attach signed scan"
                      icon={<IconFileUpload size={18} />}
                      disabled={!usable}
                      onClick={() => props.onAttach(s)}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
