import { Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/api';
import { showApiError } from '../../shared/showApiError';
import { useCatalogue } from '../catalogue/catalogueStore';
import { lastPractitioner, rememberPractitioner } from './practitioner';

/** Choose the treatment and practitioner, optionally copying the last signed chart of the same treatment. */
export function StartSessionModal(props: { clientId: string; opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const { catalogue, load } = useCatalogue();
  const [treatmentTypeId, setTreatmentTypeId] = useState<string | null>(null);
  const [practitioner, setPractitioner] = useState(lastPractitioner());
  const [copyForward, setCopyForward] = useState(false);
  // Usually now; an earlier time when charting a session done on paper.
  const [startedAt, setStartedAt] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    if (props.opened) void load();
  }, [props.opened, load]);

  const start = async () => {
    if (!treatmentTypeId) return;
    setStarting(true);
    try {
      rememberPractitioner(practitioner.trim());
      const session = await api.sessions.start({
        clientId: props.clientId,
        treatmentTypeId,
        practitioner,
        copyForward,
        startedAt: startedAt ? dayjs(startedAt).toISOString() : undefined,
      });
      props.onClose();
      navigate(`/clients/${props.clientId}/sessions/${session.id}`);
    } catch (error) {
      showApiError(error, 'The session was not started');
    } finally {
      setStarting(false);
    }
  };

  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Start a treatment session" centered>
      <Stack
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <Select
          label="Treatment"
          placeholder="Choose a treatment"
          withAsterisk
          data-autofocus
          data={(catalogue?.treatmentTypes ?? [])
            .filter((t) => !t.retiredAt)
            .map((t) => ({ value: t.id, label: t.name }))}
          value={treatmentTypeId}
          onChange={setTreatmentTypeId}
          searchable
        />
        <TextInput
          label="Practitioner"
          value={practitioner}
          onChange={(e) => setPractitioner(e.currentTarget.value)}
        />
        <DateTimePicker
          label="Date and time"
          placeholder="Now"
          description="Leave empty for now; set it when charting a session done earlier"
          valueFormat="DD/MM/YYYY HH:mm"
          clearable
          maxDate={new Date()}
          value={startedAt}
          onChange={(v) => setStartedAt(v ? String(v) : null)}
        />
        <Checkbox
          label="Copy forward from the last signed session of this treatment"
          description="Zones, depths, device and products are copied and marked as copied; check each one."
          checked={copyForward}
          onChange={(e) => setCopyForward(e.currentTarget.checked)}
        />
        <Text size="xs" c="dimmed">
          Screening comes first: each alert from the client's medical history must be acknowledged.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={starting} disabled={!treatmentTypeId}>
            Start session
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
