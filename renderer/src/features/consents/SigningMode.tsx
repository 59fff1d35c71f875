import './consents.css';
import type { ClientDetail, ConsentForm, ConsentRecord, ConsentTemplateFamily } from '@contract';
import { Alert, Button, Group, Loader, Stepper, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconLock } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useBlocker, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/api';
import { fieldErrors, showApiError } from '../../shared/showApiError';
import { lastPractitioner, rememberPractitioner } from '../sessions/practitioner';
import { type ClientAnswers, ClientSignStep } from './ClientSignStep';
import { type Countersignature, CountersignStep } from './CountersignStep';
import { LeaveSigningDialog } from './LeaveSigningDialog';
import { SigningComplete } from './SigningComplete';
import { SigningPrepare } from './SigningPrepare';
import { useSigningLockdown } from './useSigningLockdown';

type Step = 'prepare' | 'client' | 'practitioner' | 'done';
const STEP_INDEX: Record<Step, number> = { prepare: 0, client: 1, practitioner: 2, done: 3 };
const EMPTY_ANSWERS: ClientAnswers = { ticked: new Set(), photoScope: null, signature: null, strokes: null };

/**
 * Client-facing signing mode, outside the app shell: no sidebar, no search, no way to other records. The
 * practitioner prepares the form, the client reads, ticks and signs, the practitioner countersigns (with an
 * optional witness), and the record is sealed. Once the client has the screen, leaving needs the
 * practitioner's confirmation; Escape, shortcuts and history navigation all come to that confirmation.
 */
export function SigningMode() {
  const { clientId = '', familyId = '' } = useParams();
  const [search] = useSearchParams();
  const sessionId = search.get('session');
  const requested = search.get('return');
  const returnTo =
    requested?.startsWith(`/clients/${clientId}`) === true ? requested : `/clients/${clientId}/consents`;
  const navigate = useNavigate();

  const [loaded, setLoaded] = useState<{ client: ClientDetail; family: ConsentTemplateFamily } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>('prepare');
  const [form, setForm] = useState<ConsentForm | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [prepareError, setPrepareError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<ClientAnswers>(EMPTY_ANSWERS);
  const [submitting, setSubmitting] = useState(false);
  const [signErrors, setSignErrors] = useState<Record<string, string>>({});
  /** A problem with what the client gave (e.g. a signature too faint to count), sent back to the client. */
  const [clientProblem, setClientProblem] = useState<string | null>(null);
  const [record, setRecord] = useState<ConsentRecord | null>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const leaving = useRef(false);
  const bodyRef = useRef<HTMLElement>(null);

  useEffect(() => {
    Promise.all([api.clients.get({ id: clientId }), api.consents.templates({})])
      .then(([client, families]) => {
        const family = families.find((f) => f.id === familyId);
        if (!family) throw new Error('This consent form does not exist.');
        setLoaded({ client, family });
      })
      .catch((e: Error) => setLoadError(e.message));
  }, [clientId, familyId]);

  // Once the client has the screen, only the practitioner may take it back.
  const guarded = step === 'client' || step === 'practitioner';
  const blocker = useBlocker(() => guarded && !leaving.current);
  const leave = useCallback(() => {
    leaving.current = true;
    setConfirmLeave(false);
    if (blocker.state === 'blocked') blocker.proceed();
    else navigate(returnTo);
  }, [blocker, navigate, returnTo]);
  useSigningLockdown(() => {
    if (guarded) setConfirmLeave(true);
    else leave();
  });

  // Each step starts at the top, with focus on its heading for a screen reader.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    bodyRef.current?.scrollTo({ top: 0 });
    bodyRef.current?.querySelector<HTMLElement>('[data-step-heading]')?.focus({ preventScroll: true });
  }, [step, loaded]);

  const prepare = async (practitioner: string) => {
    if (!loaded) return;
    setPreparing(true);
    setPrepareError(null);
    try {
      const prepared = await api.consents.prepare({
        clientId,
        templateId: loaded.family.current.id,
        practitioner,
      });
      rememberPractitioner(practitioner);
      setForm(prepared);
      setAnswers(EMPTY_ANSWERS);
      setStep('client');
    } catch (error) {
      setPrepareError(fieldErrors(error).practitioner ?? null);
      showApiError(error, 'The form could not be prepared');
    } finally {
      setPreparing(false);
    }
  };

  const sign = async (countersignature: Countersignature) => {
    if (!form || !loaded || !answers.signature) return;
    setSubmitting(true);
    setSignErrors({});
    try {
      const signed = await api.consents.sign({
        clientId,
        templateId: form.template.id,
        sessionId,
        renderedSha256: form.renderedSha256,
        acknowledged: [...answers.ticked],
        photoScope: form.template.kind === 'photo' ? answers.photoScope : null,
        client: { name: clientName(loaded.client), signature: answers.signature },
        practitioner: countersignature.practitioner,
        witness: countersignature.witness,
      });
      rememberPractitioner(countersignature.practitioner.name);
      setRecord(signed);
      setStep('done');
    } catch (error) {
      const errors = fieldErrors(error);
      const clientSide = Object.keys(errors).find(
        (k) => k.startsWith('client.') || k === 'acknowledged' || k === 'photoScope',
      );
      if (clientSide) {
        setClientProblem(errors[clientSide]!);
        setStep('client');
      } else setSignErrors({ ...errors, form: (error as Error).message });
      showApiError(error, 'The consent was not signed');
    } finally {
      setSubmitting(false);
    }
  };

  const client = loaded?.client.client;
  const backLabel = sessionId
    ? 'Return to the session'
    : `Return to ${client?.firstName ?? 'the client'}’s record`;

  return (
    <div className="signing-mode">
      <header className="signing-mode-bar">
        <Group justify="space-between" wrap="nowrap" gap="xl">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <IconLock size={20} aria-hidden color="var(--mantine-primary-color-filled)" />
            <div style={{ minWidth: 0 }}>
              <Text fw={700} size="lg" truncate>
                Consent form{client ? ` · ${client.firstName} ${client.lastName}` : ''}
              </Text>
              <Text size="xs" c="dimmed">
                Signing mode
              </Text>
            </div>
          </Group>
          <Stepper
            active={STEP_INDEX[step]}
            size="sm"
            allowNextStepsSelect={false}
            wrap={false}
            style={{ flex: 1, maxWidth: 640 }}
            aria-label="Signing steps"
            className="signing-steps"
          >
            <Stepper.Step label="Prepare" />
            <Stepper.Step label="Client reads and signs" />
            <Stepper.Step label="Practitioner countersigns" />
          </Stepper>
          <Button
            variant="default"
            leftSection={<IconArrowLeft size={16} />}
            onClick={() => (guarded ? setConfirmLeave(true) : leave())}
          >
            {guarded ? 'Practitioner: exit' : 'Exit'}
          </Button>
        </Group>
      </header>
      <main className="signing-mode-body" ref={bodyRef} aria-label="Consent form">
        <div className="signing-mode-column">
          {loadError ? (
            <Alert color="red" icon={<IconAlertTriangle />} title="The form could not be opened">
              {loadError}
            </Alert>
          ) : !loaded ? (
            <Loader aria-label="Loading the form" />
          ) : step === 'prepare' ? (
            <SigningPrepare
              client={loaded.client.client}
              family={loaded.family}
              practitioner={form?.practitioner ?? lastPractitioner()}
              preparing={preparing}
              error={prepareError}
              onPrepare={(name) => void prepare(name)}
              onCancel={leave}
            />
          ) : step === 'client' && form ? (
            <ClientSignStep
              form={form}
              clientName={clientName(loaded.client)}
              initial={answers}
              problem={clientProblem}
              onContinue={(next) => {
                setAnswers(next);
                setClientProblem(null);
                setStep('practitioner');
              }}
            />
          ) : step === 'practitioner' && form ? (
            <CountersignStep
              practitioner={form.practitioner}
              clientName={clientName(loaded.client)}
              submitting={submitting}
              errors={signErrors}
              onBack={() => setStep('client')}
              onSubmit={(c) => void sign(c)}
            />
          ) : record ? (
            <SigningComplete record={record} backLabel={backLabel} onBack={leave} />
          ) : null}
        </div>
      </main>
      <LeaveSigningDialog
        opened={confirmLeave || blocker.state === 'blocked'}
        onStay={() => {
          setConfirmLeave(false);
          if (blocker.state === 'blocked') blocker.reset();
        }}
        onLeave={leave}
      />
    </div>
  );
}

const clientName = (d: ClientDetail) => `${d.client.firstName} ${d.client.lastName}`;
