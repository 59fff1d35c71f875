import { CONSENT_ALERT_KEY, type ScreeningFlag, type Session } from '@contract';
import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api/api';
import { fieldErrors, showApiError } from '../../shared/showApiError';
import { SignConsentNowButton } from '../consents/SignConsentNowButton';

const COLOR = { contraindication: 'red', caution: 'orange', info: 'blue' } as const;

/** Before charting: every screening flag is acknowledged, to proceed (with a note) or to stop. */
export function ScreeningPanel(props: {
  session: Session;
  practitioner: string;
  onDone: (s: Session) => void;
}) {
  const pending = props.session.screening.filter((f) => !f.decision);
  const [decisions, setDecisions] = useState<
    Record<string, { decision: 'proceed' | 'stop' | null; note: string }>
  >(Object.fromEntries(pending.map((f) => [f.alertKey, { decision: null, note: '' }])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [by, setBy] = useState(props.practitioner);

  const submit = async () => {
    const undecided = pending.filter((f) => !decisions[f.alertKey]?.decision);
    if (undecided.length) {
      setErrors(Object.fromEntries(undecided.map((f) => [f.alertKey, 'Choose proceed or stop'])));
      return;
    }
    const stopping = pending.some((f) => decisions[f.alertKey]?.decision === 'stop');
    const send = async () => {
      setSaving(true);
      try {
        const acknowledgements = pending.map((f) => ({
          alertKey: f.alertKey,
          decision: decisions[f.alertKey]!.decision!,
          note: decisions[f.alertKey]!.note,
        }));
        props.onDone(await api.sessions.acknowledge({ id: props.session.id, by, acknowledgements }));
      } catch (error) {
        const byIndex = fieldErrors(error);
        const mapped: Record<string, string> = byIndex.by ? { by: byIndex.by } : {};
        for (const [path, message] of Object.entries(byIndex)) {
          const index = Number(path.split('.')[1]);
          const flag = pending[index];
          if (flag) mapped[flag.alertKey] = message;
        }
        setErrors(mapped);
        showApiError(error, 'Screening was not recorded');
      } finally {
        setSaving(false);
      }
    };
    if (stopping) {
      modals.openConfirmModal({
        title: 'Stop this session?',
        children: (
          <Text size="sm">
            The session is recorded as stopped at screening, with your decision. No treatment is charted.
          </Text>
        ),
        labels: { confirm: 'Stop the session', cancel: 'Back' },
        confirmProps: { color: 'red' },
        onConfirm: () => void send(),
      });
    } else await send();
  };

  return (
    <Stack p="xl" gap="md" maw={900}>
      <div>
        <Title order={3}>Pre-treatment screening</Title>
        <Text size="sm" c="dimmed">
          These alerts come from the client's record and latest medical history. Acknowledge each one before
          charting.
        </Text>
      </div>
      {pending.map((flag: ScreeningFlag) => {
        const value = decisions[flag.alertKey]!;
        return (
          <Paper key={flag.alertKey} withBorder p="md" data-flag={flag.alertKey}>
            <Alert color={COLOR[flag.severity]} variant="light" title={flag.label} mb="sm">
              {flag.advice}
            </Alert>
            <Group align="flex-start" wrap="nowrap">
              <SegmentedControl
                aria-label={`Decision for ${flag.label}`}
                value={value.decision ?? ''}
                onChange={(d) => {
                  setDecisions({
                    ...decisions,
                    [flag.alertKey]: { ...value, decision: d as 'proceed' | 'stop' },
                  });
                  setErrors({ ...errors, [flag.alertKey]: '' });
                }}
                data={[
                  { value: 'proceed', label: 'Proceed' },
                  { value: 'stop', label: 'Stop' },
                ]}
              />
              <Textarea
                style={{ flex: 1 }}
                aria-label={`Note for ${flag.label}`}
                placeholder={
                  flag.alertKey === CONSENT_ALERT_KEY
                    ? 'Reason to proceed without a signed consent (required)'
                    : flag.severity === 'contraindication'
                      ? 'Why it is safe to proceed (required)'
                      : 'Note (optional)'
                }
                autosize
                minRows={1}
                value={value.note}
                onChange={(e) =>
                  setDecisions({ ...decisions, [flag.alertKey]: { ...value, note: e.currentTarget.value } })
                }
              />
              {flag.alertKey === CONSENT_ALERT_KEY && <SignConsentNowButton session={props.session} />}
            </Group>
            {errors[flag.alertKey] && (
              <Text size="xs" c="red.8" role="alert" mt={4}>
                {errors[flag.alertKey]}
              </Text>
            )}
          </Paper>
        );
      })}
      <Group justify="flex-end" align="flex-end">
        <TextInput
          label="Screened by"
          withAsterisk
          value={by}
          onChange={(e) => setBy(e.currentTarget.value)}
          error={errors.by}
        />
        <Button leftSection={<IconShieldCheck size={16} />} loading={saving} onClick={() => void submit()}>
          Record screening
        </Button>
      </Group>
    </Stack>
  );
}
