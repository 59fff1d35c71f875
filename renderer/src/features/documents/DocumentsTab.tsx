import { DOCUMENT_KIND_LABELS, type DocumentSubject, type IssuedDocument } from '@contract';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconDownload,
  IconFileText,
  IconPrinter,
  IconReportMedical,
} from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/api';
import { EmptyState } from '../../shared/EmptyState';
import { saveFile } from '../../shared/saveFile';
import { showApiError } from '../../shared/showApiError';
import { formatDateTime } from '../clients/format';
import { lastPractitioner } from '../sessions/practitioner';
import { DocumentPreviewModal } from './DocumentPreviewModal';

/**
 * Everything printed or saved for a client: aftercare sheets, chart summaries and record summaries, newest
 * first, each with the template version and who issued it. Reprinting uses the stored snapshot.
 */
export function DocumentsTab(props: { clientId: string }) {
  const [docs, setDocs] = useState<IssuedDocument[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [subject, setSubject] = useState<DocumentSubject | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(() => {
    api.documents
      .listForClient({ clientId: props.clientId })
      .then((list) => {
        setDocs(list);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [props.clientId]);
  useEffect(load, [load]);

  const reissue = async (doc: IssuedDocument, action: 'print' | 'pdf') => {
    setBusy(`${doc.id}:${action}`);
    try {
      const result = await api.documents.reissue({ id: doc.id, action, by: lastPractitioner() || 'Unknown' });
      if (result.file) saveFile(result.file);
      load();
    } catch (e) {
      showApiError(e, 'The document was not reprinted');
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="md" p="xl">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          A reprint is the same document as the first print, even if the records changed since.
        </Text>
        <Button
          variant="default"
          leftSection={<IconReportMedical size={16} />}
          onClick={() => setSubject({ kind: 'client-summary', clientId: props.clientId })}
        >
          Print record summary…
        </Button>
      </Group>
      {error && (
        <Alert color="red" icon={<IconAlertTriangle />} title="Documents could not be loaded">
          {error}
        </Alert>
      )}
      {!docs && !error && <Loader aria-label="Loading documents" />}
      {docs && docs.length === 0 && (
        <EmptyState icon={<IconFileText size={28} />} title="No documents yet">
          Aftercare sheets and chart summaries printed from a session appear here.
        </EmptyState>
      )}
      {docs && docs.length > 0 && (
        <Table verticalSpacing="xs" highlightOnHover aria-label="Documents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Document</Table.Th>
              <Table.Th>Template</Table.Th>
              <Table.Th>Issued</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>How</Table.Th>
              <Table.Th w={100}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {docs.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {DOCUMENT_KIND_LABELS[d.kind]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {d.title}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{d.template ? `${d.template.code} v${d.template.version}` : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(d.issuedAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{d.issuedBy}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Badge variant="light" color={d.action === 'pdf' ? 'blue' : 'gray'}>
                      {d.action === 'pdf' ? 'PDF' : 'Printed'}
                    </Badge>
                    {d.reprintOf && (
                      <Badge variant="outline" color="gray">
                        Reprint
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip label="Print again">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Print ${DOCUMENT_KIND_LABELS[d.kind]} again`}
                        loading={busy === `${d.id}:print`}
                        onClick={() => void reissue(d, 'print')}
                      >
                        <IconPrinter size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Save PDF again">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Save ${DOCUMENT_KIND_LABELS[d.kind]} as PDF again`}
                        loading={busy === `${d.id}:pdf`}
                        onClick={() => void reissue(d, 'pdf')}
                      >
                        <IconDownload size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <DocumentPreviewModal subject={subject} onClose={() => setSubject(null)} onIssued={load} />
    </Stack>
  );
}
