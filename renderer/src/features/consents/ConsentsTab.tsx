import './consents.css';
import {
  type ClientConsents,
  type ConsentRecordSummary,
  type ConsentStanding,
  type ConsentTemplateFamily,
  SCOPE_LABELS,
} from '@contract';
import { Alert, Button, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileCertificate, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/api';
import { EmptyState } from '../../shared/EmptyState';
import { SectionHeader } from '../catalogue/SectionHeader';
import { AttachPaperModal } from './AttachPaperModal';
import { BlankFormModal, type FormChoice } from './BlankFormModal';
import { ConsentRecordsTable } from './ConsentRecordsTable';
import { ConsentStandingsTable } from './ConsentStandingsTable';
import { signingPath } from './consentFormat';

interface Loaded {
  consents: ClientConsents;
  records: ConsentRecordSummary[];
  families: ConsentTemplateFamily[];
}

/** The client's consents: where each treatment's consent stands, the paper route, and every signed record. */
export function ConsentsTab(props: { clientId: string; clientName: string; archived: boolean }) {
  const { clientId } = props;
  const navigate = useNavigate();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [blank, setBlank] = useState<FormChoice | null>(null);
  const [attach, setAttach] = useState<FormChoice | null>(null);

  const load = useCallback(() => {
    Promise.all([
      api.consents.forClient({ clientId }),
      api.consents.list({ clientId }),
      api.consents.templates({}),
    ])
      .then(([consents, records, families]) => {
        setData({ consents, records, families });
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [clientId]);
  useEffect(load, [load]);

  if (error) {
    return (
      <Alert m="xl" color="red" icon={<IconAlertTriangle />} title="Consents could not be loaded" maw={720}>
        <Stack gap="sm" align="flex-start">
          {error}
          <Button variant="default" size="xs" leftSection={<IconRefresh size={14} />} onClick={load}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (!data) return <Loader m="xl" aria-label="Loading consents" />;

  const choice = (s: ConsentStanding): FormChoice | null => {
    const family = data.families.find((f) => f.id === s.familyId);
    return family
      ? {
          templateId: family.current.id,
          title: family.current.title,
          version: family.current.version,
          kind: family.kind,
        }
      : null;
  };
  const needing = data.consents.standings.filter(
    (s) => s.kind === 'treatment' && s.status !== 'valid',
  ).length;

  return (
    <Stack p="xl" gap="lg">
      <Paper withBorder component="section" aria-labelledby="consent-status-title">
        <SectionHeader
          id="consent-status-title"
          title="Consent status"
          description="A session is charted only with a valid consent for its treatment, or with a recorded reason. The photo consent sets how the client’s photos may be used."
          action={
            <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
              <Text size="sm">
                <Text span c="dimmed">
                  Photo use allowed:{' '}
                </Text>
                <strong>{SCOPE_LABELS[data.consents.photoScope]}</strong>
              </Text>
              {needing > 0 && (
                <Text size="sm" c="red.9" fw={500}>
                  {needing} treatment consent{needing === 1 ? '' : 's'} not valid
                </Text>
              )}
            </Stack>
          }
        />
        {data.consents.standings.length === 0 ? (
          <EmptyState icon={<IconFileCertificate size={28} />} title="No consent forms set up">
            Add consent forms under Consent forms in the sidebar, and link them to treatments in the
            Catalogue.
          </EmptyState>
        ) : (
          <ConsentStandingsTable
            clientId={clientId}
            standings={data.consents.standings}
            canSign={!props.archived}
            onSign={(s) =>
              s.familyId &&
              navigate(
                signingPath({ clientId, familyId: s.familyId, returnTo: `/clients/${clientId}/consents` }),
              )
            }
            onBlankForm={(s) => setBlank(choice(s))}
            onAttach={(s) => setAttach(choice(s))}
          />
        )}
      </Paper>

      <Paper withBorder component="section" aria-labelledby="consent-records-title">
        <SectionHeader
          id="consent-records-title"
          title="Signed consents"
          description="Every consent signed on screen or attached as a scan, exactly as it was signed. Records are never changed; a revoked consent stays here with its reason."
        />
        {data.records.length === 0 ? (
          <EmptyState icon={<IconFileCertificate size={28} />} title="No signed consents yet">
            {props.archived
              ? 'Restore the client to record a consent.'
              : 'Use Sign now above to sign a form on screen, or print a blank form and attach the signed scan.'}
          </EmptyState>
        ) : (
          <ConsentRecordsTable clientId={clientId} records={data.records} />
        )}
      </Paper>

      <BlankFormModal clientId={clientId} form={blank} onClose={() => setBlank(null)} />
      <AttachPaperModal
        clientId={clientId}
        clientName={props.clientName}
        form={attach}
        onClose={() => setAttach(null)}
        onAttached={load}
      />
    </Stack>
  );
}
