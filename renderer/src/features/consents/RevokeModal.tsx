import type { ConsentRecord } from '@contract';
import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api } from '../../api/api';
import { fieldErrors, showApiError } from '../../shared/showApiError';
import { lastPractitioner, rememberPractitioner } from '../sessions/practitioner';

/** Revoking needs a reason and a name; the signed record stays as it was, with the revocation beside it. */
export function RevokeModal(props: {
  record: ConsentRecord;
  opened: boolean;
  onClose: () => void;
  onRevoked: (r: ConsentRecord) => void;
}) {
  const [reason, setReason] = useState('');
  const [by, setBy] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (props.opened) {
      setReason('');
      setBy(lastPractitioner());
      setErrors({});
    }
  }, [props.opened]);

  const submit = async () => {
    const found: Record<string, string> = {};
    if (!reason.trim()) found.reason = 'Give the reason for revoking';
    if (!by.trim()) found.by = 'Enter who records the revocation';
    setErrors(found);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      const revoked = await api.consents.revoke({ id: props.record.id, reason, by });
      rememberPractitioner(by.trim());
      notifications.show({
        color: 'teal',
        title: 'Consent revoked',
        message: `${props.record.title} is revoked. The signed record is kept with the reason.`,
      });
      props.onRevoked(revoked);
    } catch (e) {
      setErrors(fieldErrors(e));
      showApiError(e, 'The consent was not revoked');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Revoke this consent?" centered size="lg">
      <Stack
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Alert color="orange" variant="light">
          {props.record.kind === 'photo'
            ? 'The client’s photos may then be used for the clinical record only.'
            : 'Sessions of this treatment then need a new consent, or a recorded reason to proceed.'}{' '}
          The signed record is not changed or deleted: the revocation is recorded beside it, with its time.
        </Alert>
        <Textarea
          label="Reason for revoking"
          withAsterisk
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setErrors(({ reason: _, ...rest }) => rest);
          }}
          error={errors.reason}
          data-autofocus
        />
        <TextInput
          label="Recorded by"
          withAsterisk
          value={by}
          onChange={(e) => {
            setBy(e.currentTarget.value);
            setErrors(({ by: _, ...rest }) => rest);
          }}
          error={errors.by}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" color="red.9" loading={saving} leftSection={<IconBan size={16} />}>
            Revoke consent
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
