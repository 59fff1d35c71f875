import './consents.css';
import { type ConsentRecord, type ConsentVerification, consentDocumentUrl } from '@contract';
import { Alert, Badge, Button, Grid, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconBan,
  IconFileDownload,
  IconPrinter,
  IconShieldCheck,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/api';
import { modKey } from '../../app/platform';
import { PageHeader } from '../../shared/PageHeader';
import { saveFile } from '../../shared/saveFile';
import { showApiError } from '../../shared/showApiError';
import { formatDateTime } from '../clients/format';
import { ConsentBlocksView } from './ConsentBlocksView';
import { ConsentStatusBadge } from './ConsentStatusBadge';
import { Panel, RecordFacts, SignatureImages } from './RecordFacts';
import { RevokeModal } from './RevokeModal';
import { VerificationPanel } from './VerificationPanel';

/**
 * One signed consent, exactly as signed: the frozen text with the client's ticks, the signatures, names,
 * times, workstation and seal. Verify recomputes the hashes; Save PDF and Print give the stored document
 * byte for byte; Revoke records a reason beside the record, which itself never changes.
 */
export function ConsentRecordPage() {
  const { clientId = '', recordId = '' } = useParams();
  const navigate = useNavigate();
  const [record, setRecord] = useState<ConsentRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verification, setVerification] = useState<ConsentVerification | null>(null);
  const [busy, setBusy] = useState<'verify' | 'save' | 'print' | null>(null);
  const [revoking, setRevoking] = useState(false);

  useEffect(() => {
    setRecord(null);
    setVerification(null);
    api.consents
      .get({ id: recordId })
      .then(setRecord)
      .catch((e: Error) => setError(e.message));
  }, [recordId]);

  const run = async (what: 'verify' | 'save' | 'print') => {
    setBusy(what);
    try {
      if (what === 'verify') setVerification(await api.consents.verify({ id: recordId }));
      if (what === 'save') {
        const doc = await api.consents.document({ id: recordId });
        saveFile(doc);
        notifications.show({ color: 'teal', title: 'Saved', message: doc.fileName });
      }
      if (what === 'print') await api.consents.print({ id: recordId });
    } catch (e) {
      showApiError(
        e,
        what === 'verify'
          ? 'The record could not be verified'
          : what === 'save'
            ? 'The document was not saved'
            : 'The form was not printed',
      );
    } finally {
      setBusy(null);
    }
  };
  useHotkeys([['mod+P', () => void run('print')]], []);

  if (error) {
    return (
      <Alert m="xl" color="red" icon={<IconAlertTriangle />} title="This consent could not be opened">
        {error}
      </Alert>
    );
  }
  if (!record || record.id !== recordId) return <Loader m="xl" aria-label="Loading the consent" />;

  const paper = record.method === 'paper';
  const back = () => navigate(`/clients/${clientId}/consents`);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader
        // A form's title is long: it may wrap rather than be cut short.
        title={<span style={{ whiteSpace: 'normal' }}>{record.title}</span>}
        subtitle={
          <Group gap="xs" wrap="wrap">
            {verification && !verification.intact ? (
              // A record that failed verification cannot be shown as valid, whatever its dates say.
              <Badge
                color="red.9"
                variant="filled"
                radius="sm"
                style={{ flexShrink: 0 }}
                data-status="tampered"
              >
                Tampered
              </Badge>
            ) : (
              <ConsentStatusBadge status={record.status} />
            )}
            <Badge variant="outline" color="gray" radius="sm" style={{ flexShrink: 0 }}>
              Version {record.templateVersion}
            </Badge>
            <span>
              {record.clientName} · signed {formatDateTime(record.signedAt)}{' '}
              {paper ? 'on paper' : 'on screen'}
            </span>
          </Group>
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={back}>
              Consents
            </Button>
            <Button
              variant="default"
              leftSection={<IconShieldCheck size={16} />}
              loading={busy === 'verify'}
              onClick={() => void run('verify')}
            >
              Verify
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileDownload size={16} />}
              loading={busy === 'save'}
              onClick={() => void run('save')}
            >
              {paper && !record.documentMime.includes('pdf') ? 'Save scan' : 'Save PDF'}
            </Button>
            <Tooltip label={`Print the signed form (${modKey}+P)`} openDelay={300}>
              <Button
                variant="default"
                leftSection={<IconPrinter size={16} />}
                loading={busy === 'print'}
                onClick={() => void run('print')}
              >
                Print
              </Button>
            </Tooltip>
            {!record.revocation && (
              <Button
                color="red"
                variant="light"
                leftSection={<IconBan size={16} />}
                onClick={() => setRevoking(true)}
              >
                Revoke
              </Button>
            )}
          </>
        }
      />
      {/* Focusable, so the record scrolls from the keyboard even where it holds no link or button. */}
      <section
        style={{ flex: 1, overflow: 'auto', scrollbarGutter: 'stable' }}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        tabIndex={0}
        aria-label="Consent record"
      >
        <Stack p="xl" gap="lg" maw={1400}>
          {record.revocation && (
            <Alert
              color="red"
              variant="light"
              icon={<IconBan size={20} />}
              title={`Revoked on ${formatDateTime(record.revocation.revokedAt)} by ${record.revocation.by}`}
            >
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {record.revocation.reason}
              </Text>
            </Alert>
          )}
          {verification && <VerificationPanel result={verification} />}
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Stack gap="lg">
                {paper && (
                  <Panel title="Signed paper form">
                    {record.documentMime.startsWith('image/') ? (
                      <img
                        src={consentDocumentUrl(record.id)}
                        alt={`Scan of the signed ${record.title}`}
                        style={{ maxWidth: '100%', border: '1px solid var(--mantine-color-default-border)' }}
                      />
                    ) : (
                      <Text size="sm" c="dimmed">
                        The signed form is a scanned PDF. Save PDF opens it exactly as it was attached.
                      </Text>
                    )}
                  </Panel>
                )}
                {record.blocks.length > 0 && (
                  <Panel title={paper ? 'The form as printed' : 'The form as signed'}>
                    <Text size="xs" c="dimmed" mt={-8}>
                      The exact text the client read, with the boxes they ticked. It cannot be edited.
                    </Text>
                    <ConsentBlocksView
                      blocks={record.blocks}
                      acknowledged={paper ? undefined : record.acknowledged}
                    />
                  </Panel>
                )}
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Stack gap="lg">
                <Panel title="Signatures">
                  <SignatureImages record={record} />
                </Panel>
                <Panel title="Record">
                  <RecordFacts record={record} />
                </Panel>
              </Stack>
            </Grid.Col>
          </Grid>
        </Stack>
      </section>
      <RevokeModal
        record={record}
        opened={revoking}
        onClose={() => setRevoking(false)}
        onRevoked={(r) => {
          setRecord(r);
          setRevoking(false);
        }}
      />
    </div>
  );
}
