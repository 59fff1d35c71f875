import type { ConsentScope } from '@contract';
import { Button, FileInput, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconFileUpload, IconPaperclip } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api } from '../../api/api';
import { fieldErrors, showApiError } from '../../shared/showApiError';
import { parseTypedDate } from '../clients/dates';
import { lastPractitioner, rememberPractitioner } from '../sessions/practitioner';
import type { FormChoice } from './BlankFormModal';
import { PhotoScopeChoice } from './PhotoScopeChoice';

const ACCEPT = 'application/pdf,image/jpeg,image/png,image/webp,image/tiff,image/heic,image/heif';

/** The paper route, second half: a scanned, signed copy (PDF or image) becomes the consent record. */
export function AttachPaperModal(props: {
  clientId: string;
  clientName: string;
  form: FormChoice | null;
  onClose: () => void;
  onAttached: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [signedOn, setSignedOn] = useState<string | null>(null);
  const [clientName, setClientName] = useState('');
  const [practitioner, setPractitioner] = useState('');
  const [scope, setScope] = useState<ConsentScope | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const opened = props.form !== null;
  const photo = props.form?.kind === 'photo';

  useEffect(() => {
    if (!opened) return;
    setFile(null);
    setSignedOn(null);
    setClientName(props.clientName);
    setPractitioner(lastPractitioner());
    setScope(null);
    setErrors({});
  }, [opened, props.clientName]);

  const submit = async () => {
    if (!props.form) return;
    const found: Record<string, string> = {};
    if (!file) found.bytes = 'Choose the scanned form (a PDF or an image)';
    if (!signedOn) found.signedOn = 'Enter the date the form was signed';
    if (photo && !scope) found.photoScope = 'Choose the use the client allowed on the form';
    if (!clientName.trim()) found.clientName = 'Enter the client’s name as signed';
    if (!practitioner.trim()) found.practitioner = 'Enter the practitioner’s name';
    setErrors(found);
    if (Object.keys(found).length || !file || !signedOn) return;
    setSaving(true);
    try {
      await api.consents.attachPaper({
        clientId: props.clientId,
        templateId: props.form.templateId,
        signedOn,
        clientName,
        practitioner,
        photoScope: photo ? scope : null,
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      rememberPractitioner(practitioner.trim());
      notifications.show({
        color: 'teal',
        title: 'Signed form attached',
        message: `${props.form.title}: the scan is stored and sealed as the record.`,
      });
      props.onAttached();
      props.onClose();
    } catch (e) {
      setErrors(fieldErrors(e));
      showApiError(e, 'The scan was not attached');
    } finally {
      setSaving(false);
    }
  };

  const clear = (key: string) => setErrors(({ [key]: _, ...rest }) => rest);

  return (
    <Modal opened={opened} onClose={props.onClose} title="Attach a signed scan" centered size="lg">
      <Stack
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Text size="sm">
          {props.form?.title} (version {props.form?.version}), signed on paper. The scan is stored byte for
          byte and sealed; it cannot be changed afterwards.
        </Text>
        <FileInput
          label="Scanned form"
          description="PDF, JPEG, PNG, WebP, TIFF or HEIC, up to 50 MB"
          placeholder="Choose a file"
          withAsterisk
          accept={ACCEPT}
          leftSection={<IconPaperclip size={16} />}
          clearable
          value={file}
          onChange={(f) => {
            setFile(f);
            clear('bytes');
          }}
          error={errors.bytes ?? errors.fileName}
          data-autofocus
        />
        <SimpleGrid cols={2}>
          <DateInput
            label="Signed on"
            placeholder="DD/MM/YYYY"
            valueFormat="DD/MM/YYYY"
            dateParser={parseTypedDate}
            maxDate={new Date()}
            withAsterisk
            value={signedOn}
            onChange={(v) => {
              setSignedOn(v);
              clear('signedOn');
            }}
            error={errors.signedOn}
          />
          <div />
          <TextInput
            label="Client’s name as signed"
            withAsterisk
            value={clientName}
            onChange={(e) => {
              setClientName(e.currentTarget.value);
              clear('clientName');
            }}
            error={errors.clientName}
          />
          <TextInput
            label="Practitioner"
            withAsterisk
            value={practitioner}
            onChange={(e) => {
              setPractitioner(e.currentTarget.value);
              clear('practitioner');
            }}
            error={errors.practitioner}
          />
        </SimpleGrid>
        {photo && (
          <PhotoScopeChoice
            label="Photo use the client chose on the form"
            description="The widest use the client allowed on the signed paper form."
            value={scope}
            onChange={(s) => {
              setScope(s);
              clear('photoScope');
            }}
            error={errors.photoScope}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saving} leftSection={<IconFileUpload size={16} />}>
            Attach as the signed record
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
