import type { Catalogue, ChartInput, ClientDetail, DocumentSubject, Session } from '@contract';
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconCheck,
  IconEdit,
  IconFileText,
  IconHeartHandshake,
  IconLock,
  IconTrash,
} from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/api';
import { PageHeader } from '../../shared/PageHeader';
import { fieldErrors, showApiError } from '../../shared/showApiError';
import { useCatalogue } from '../catalogue/catalogueStore';
import { clientDisplayName, formatDateTime } from '../clients/format';
import { SessionConsentBanner } from '../consents/SessionConsentBanner';
import { DocumentPreviewModal } from '../documents/DocumentPreviewModal';
import { ChartEditor } from './ChartEditor';
import { ChartView } from './ChartView';
import { rememberPractitioner } from './practitioner';
import { ScreeningPanel } from './ScreeningPanel';
import { SessionStatusBadge } from './SessionStatusBadge';
import { useAutosave } from './useAutosave';

export function SessionChartPage() {
  const { clientId = '', sessionId = '' } = useParams();
  const navigate = useNavigate();
  const { load: loadCatalogue } = useCatalogue();
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [client, setClient] = useState<ClientDetail | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [chart, setChart] = useState<ChartInput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [amending, setAmending] = useState<ChartInput | null>(null);
  const [printing, setPrinting] = useState<DocumentSubject | null>(null);

  useEffect(() => {
    Promise.all([loadCatalogue(true), api.clients.get({ id: clientId }), api.sessions.get({ id: sessionId })])
      .then(([cat, detail, s]) => {
        setCatalogue(cat);
        setClient(detail);
        setSession(s);
        setChart(s.chart);
      })
      .catch((e: Error) => setError(e.message));
  }, [clientId, sessionId, loadCatalogue]);

  const saveDraft = useCallback(
    async (next: ChartInput | null) => {
      if (!next) return;
      try {
        const saved = await api.sessions.saveDraft({ id: sessionId, chart: next });
        setSession(saved);
        setErrors({});
      } catch (e) {
        setErrors(fieldErrors(e));
        throw e;
      }
    },
    [sessionId],
  );
  const editable = session?.status === 'draft' && session.screening.every((f) => f.decision);
  const autosave = useAutosave(chart, saveDraft, !!editable);
  const scrollRef = useRef<HTMLDivElement>(null);
  const status = session?.status;
  // A new state of the chart (screened, signed, stopped) starts at the top, where its banner is.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `editable` flips when screening is recorded
  useEffect(() => {
    if (status) scrollRef.current?.scrollTo({ top: 0 });
  }, [status, editable]);
  // Saving is automatic; Ctrl/Cmd+S saves at once, as a practitioner's fingers expect.
  useHotkeys([['mod+S', () => void autosave.flush()]], []);

  if (error) {
    return (
      <Alert m="xl" color="red" icon={<IconAlertTriangle />} title="This session could not be opened">
        {error}
      </Alert>
    );
  }
  if (!session || !client || !catalogue || !chart) return <Loader m="xl" aria-label="Loading session" />;

  const treatment = catalogue.treatmentTypes.find((t) => t.id === session.treatmentTypeId)!;
  const back = () => navigate(`/clients/${clientId}/sessions`);

  const signOff = () => {
    let by = chart.practitioner ?? '';
    modals.openConfirmModal({
      title: 'Sign off and lock this chart?',
      children: (
        <Stack gap="sm">
          <Text size="sm">
            After sign-off the chart cannot be edited. Later corrections are amendments with a reason.
          </Text>
          <TextInput
            label="Signed off by"
            defaultValue={by}
            onChange={(e) => (by = e.currentTarget.value)}
            data-autofocus
          />
        </Stack>
      ),
      labels: { confirm: 'Sign off', cancel: 'Keep editing' },
      onConfirm: async () => {
        try {
          await autosave.flush();
          const signed = await api.sessions.sign({ id: session.id, by });
          rememberPractitioner(by);
          setSession(signed);
          notifications.show({ color: 'teal', title: 'Signed off', message: 'The chart is locked.' });
        } catch (e) {
          setErrors(fieldErrors(e));
          showApiError(e, 'The chart was not signed off');
        }
      },
    });
  };

  const discard = () =>
    modals.openConfirmModal({
      title: 'Discard this draft?',
      children: (
        <Text size="sm">
          The draft chart is removed. Screening decisions already recorded are kept with it.
        </Text>
      ),
      labels: { confirm: 'Discard draft', cancel: 'Keep' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await api.sessions.discard({ id: session.id });
          back();
        } catch (e) {
          showApiError(e);
        }
      },
    });

  const saveState =
    autosave.state.status === 'saving'
      ? 'Saving…'
      : autosave.state.status === 'saved' && autosave.state.at
        ? `Saved ${autosave.state.at.toLocaleTimeString()}`
        : autosave.state.status === 'error'
          ? `Not saved: ${autosave.state.error}`
          : 'Draft: changes save automatically';

  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader
        title={`${treatment.name}`}
        subtitle={
          <Group gap="xs">
            <Text size="sm">
              {clientDisplayName(client.client)} · {formatDateTime(session.chart.startedAt)}
            </Text>
            <SessionStatusBadge status={session.status} amended={session.amendments.length > 0} />
          </Group>
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={back}>
              Sessions
            </Button>
            {editable && (
              <>
                <Text
                  size="xs"
                  c={autosave.state.status === 'error' ? 'red.8' : 'dimmed'}
                  aria-live="polite"
                  w={170}
                  ta="right"
                >
                  {saveState}
                </Text>
                <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={discard}>
                  Discard
                </Button>
                <Button leftSection={<IconLock size={16} />} onClick={signOff}>
                  Sign off
                </Button>
              </>
            )}
            {session.status !== 'stopped' && (
              <>
                <Button
                  variant="default"
                  leftSection={<IconFileText size={16} />}
                  onClick={() => setPrinting({ kind: 'session-summary', sessionId: session.id })}
                >
                  Print chart…
                </Button>
                <Button
                  variant={session.status === 'signed' ? 'filled' : 'default'}
                  leftSection={<IconHeartHandshake size={16} />}
                  onClick={() => setPrinting({ kind: 'aftercare', sessionId: session.id })}
                >
                  Aftercare…
                </Button>
              </>
            )}
            {session.status === 'signed' && (
              <Button
                variant="default"
                leftSection={<IconEdit size={16} />}
                onClick={() => setAmending(session.current)}
              >
                Amend
              </Button>
            )}
          </>
        }
      />
      <div style={{ flex: 1, overflow: 'auto' }} ref={scrollRef}>
        {session.status === 'draft' && !editable && (
          <ScreeningPanel session={session} practitioner={chart.practitioner ?? ''} onDone={setSession} />
        )}
        {editable && (
          <Stack p="xl" maw={1300}>
            <SessionConsentBanner session={session} />
            <Group gap="sm">
              <TextInput
                label="Practitioner"
                value={chart.practitioner ?? ''}
                onChange={(e) => setChart({ ...chart, practitioner: e.currentTarget.value })}
                error={errors.practitioner}
              />
              <ScreeningSummary session={session} />
            </Group>
            <ChartEditor
              chart={chart}
              onChange={setChart}
              treatment={treatment}
              catalogue={catalogue}
              warnings={session.warnings}
              errors={errors}
              copied={session.copiedFromSessionId !== null}
            />
          </Stack>
        )}
        {session.status === 'stopped' && (
          <Stack p="xl" maw={900}>
            <Alert color="red" title="Stopped at screening">
              No treatment was given. The decisions are recorded below.
            </Alert>
            <ScreeningSummary session={session} detailed />
          </Stack>
        )}
        {session.status === 'signed' && (
          <Stack p="xl" maw={1300} gap="lg">
            <SessionConsentBanner session={session} />
            <Alert
              color="teal"
              icon={<IconCheck size={18} />}
              title={`Signed off by ${session.signedBy} on ${formatDateTime(session.signedAt)}`}
            >
              <Text size="xs" ff="monospace">
                SHA-256 {session.signedHash}
              </Text>
            </Alert>
            {session.amendments.length > 0 && (
              <Paper withBorder p="lg" component="section" aria-label="Amendments">
                <Title order={4} mb="sm">
                  Amendments
                </Title>
                <Stack gap="xs">
                  {session.amendments.map((a, i) => (
                    <Text size="sm" key={a.id}>
                      <Badge variant="outline" color="gray" mr="xs">
                        {i + 1}
                      </Badge>
                      {formatDateTime(a.at)} by {a.by}: {a.reason}
                    </Text>
                  ))}
                </Stack>
              </Paper>
            )}
            <ChartView
              chart={session.current}
              original={session.amendments.length ? session.chart : null}
              treatment={treatment}
              catalogue={catalogue}
            />
            <ScreeningSummary session={session} detailed />
          </Stack>
        )}
      </div>
      <AmendModal
        session={session}
        chart={amending}
        onChange={setAmending}
        onClose={() => setAmending(null)}
        onSaved={(s) => {
          setSession(s);
          setAmending(null);
        }}
        render={(c, set) => (
          <ChartEditor
            chart={c}
            onChange={set}
            treatment={treatment}
            catalogue={catalogue}
            warnings={[]}
            errors={{}}
            copied={false}
          />
        )}
      />
      <DocumentPreviewModal
        subject={printing}
        onClose={() => setPrinting(null)}
        defaultBy={session.current.practitioner}
      />
    </div>
  );
}

function ScreeningSummary({ session, detailed }: { session: Session; detailed?: boolean }) {
  if (session.screening.length === 0) {
    return <Badge variant="light">Screening: no flags</Badge>;
  }
  if (!detailed) {
    return (
      <Badge variant="light" color="teal" mt={22}>
        Screening: {session.screening.length} flag(s) acknowledged
      </Badge>
    );
  }
  return (
    <Paper withBorder p="lg" component="section" aria-label="Screening">
      <Title order={4} mb="sm">
        Screening
      </Title>
      <Stack gap={6}>
        {session.screening.map((f) => (
          <Text size="sm" key={f.alertKey}>
            <strong>{f.label}</strong>:{' '}
            {f.decision === 'proceed' ? 'proceeded' : f.decision === 'stop' ? 'stopped' : 'not decided'}
            {f.note ? ` (${f.note})` : ''} — {f.decidedBy ?? 'unknown'}, {formatDateTime(f.decidedAt)}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

function AmendModal(props: {
  session: Session;
  chart: ChartInput | null;
  onChange: (c: ChartInput) => void;
  onClose: () => void;
  onSaved: (s: Session) => void;
  render: (chart: ChartInput, set: (c: ChartInput) => void) => React.ReactNode;
}) {
  const [reason, setReason] = useState('');
  const [by, setBy] = useState(props.session.signedBy ?? '');
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const opened = props.chart !== null;
  const signedBy = props.session.signedBy;
  // Opened after sign-off: offer the signer's name.
  useEffect(() => {
    if (opened) setBy((current) => current || signedBy || '');
  }, [opened, signedBy]);
  if (!props.chart) return null;
  const save = async () => {
    setSaving(true);
    try {
      props.onSaved(await api.sessions.amend({ id: props.session.id, by, reason, chart: props.chart! }));
      setReason('');
      notifications.show({
        color: 'teal',
        title: 'Amendment saved',
        message: 'The original chart stays visible beside it.',
      });
    } catch (e) {
      setErrors(fieldErrors(e));
      showApiError(e, 'The amendment was not saved');
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal opened onClose={props.onClose} title="Amend the signed chart" size="90%">
      <Stack>
        <Alert color="blue" variant="light">
          The signed chart is kept as it was. This amendment is recorded beside it with your name, the time
          and the reason.
        </Alert>
        <Group grow align="flex-start">
          <Textarea
            label="Reason for the amendment"
            withAsterisk
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          <TextInput
            label="Amended by"
            withAsterisk
            value={by}
            onChange={(e) => setBy(e.currentTarget.value)}
            error={errors.by}
          />
        </Group>
        {props.render(props.chart, props.onChange)}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button loading={saving} onClick={() => void save()}>
            Save amendment
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
