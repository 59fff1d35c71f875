import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileDownload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api } from '../../api/api';
import { saveFile } from '../../shared/saveFile';
import { fieldErrors, showApiError } from '../../shared/showApiError';
import { lastPractitioner, rememberPractitioner } from '../sessions/practitioner';

export interface FormChoice {
  templateId: string;
  title: string;
  version: number;
  kind: 'treatment' | 'photo';
}

/** The paper route, first half: a pre-filled, unsigned form as a PDF to print and sign by hand. */
export function BlankFormModal(props: { clientId: string; form: FormChoice | null; onClose: () => void }) {
  const [practitioner, setPractitioner] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const opened = props.form !== null;
  useEffect(() => {
    if (opened) {
      setPractitioner(lastPractitioner());
      setError(null);
    }
  }, [opened]);

  const save = async () => {
    if (!props.form) return;
    if (!practitioner.trim()) {
      setError('Enter the practitioner’s name');
      return;
    }
    setSaving(true);
    try {
      const doc = await api.consents.blankForm({
        clientId: props.clientId,
        templateId: props.form.templateId,
        practitioner,
      });
      rememberPractitioner(practitioner.trim());
      saveFile(doc);
      notifications.show({ color: 'teal', title: 'Blank form saved', message: doc.fileName });
      props.onClose();
    } catch (e) {
      setError(fieldErrors(e).practitioner ?? null);
      showApiError(e, 'The blank form was not made');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened={opened} onClose={props.onClose} title="Print a blank form" centered>
      <Stack
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Text size="sm">
          {props.form?.title} (version {props.form?.version}), filled in with the client’s details, to print,
          sign by hand and attach as a scan afterwards.
        </Text>
        <TextInput
          label="Practitioner"
          description="Named on the form"
          withAsterisk
          value={practitioner}
          onChange={(e) => {
            setPractitioner(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saving} leftSection={<IconFileDownload size={16} />}>
            Save PDF
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
