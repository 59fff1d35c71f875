import { Alert, Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconSignature, IconUserCheck } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { SignaturePadField, type SignaturePadHandle } from './SignaturePadField';

export interface Countersignature {
  practitioner: { name: string; signature: Uint8Array };
  witness: { name: string; signature: Uint8Array } | null;
}

/** The practitioner's countersignature, and an optional witness who signs with their name. */
export function CountersignStep(props: {
  practitioner: string;
  clientName: string;
  submitting: boolean;
  /** Field errors from the API, keyed by path ("practitioner.name", "witness.signature"…). */
  errors: Record<string, string>;
  onBack: () => void;
  onSubmit: (c: Countersignature) => void;
}) {
  const [name, setName] = useState(props.practitioner);
  const [withWitness, setWithWitness] = useState(false);
  const [witnessName, setWitnessName] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const practitionerPad = useRef<SignaturePadHandle>(null);
  const witnessPad = useRef<SignaturePadHandle>(null);
  const errors = { ...props.errors, ...local };

  const submit = () => {
    const found: Record<string, string> = {};
    const practitionerPng = practitionerPad.current?.toPng() ?? null;
    const witnessPng = withWitness ? (witnessPad.current?.toPng() ?? null) : null;
    if (!name.trim()) found['practitioner.name'] = 'Enter the practitioner’s name';
    if (!practitionerPng) found['practitioner.signature'] = 'The practitioner’s signature is missing';
    if (withWitness && !witnessName.trim()) found['witness.name'] = 'Enter the witness’s name';
    if (withWitness && !witnessPng) found['witness.signature'] = 'The witness’s signature is missing';
    setLocal(found);
    if (Object.keys(found).length) return;
    props.onSubmit({
      practitioner: { name: name.trim(), signature: practitionerPng! },
      witness: withWitness ? { name: witnessName.trim(), signature: witnessPng! } : null,
    });
  };
  const clear = (key: string) => setLocal(({ [key]: _, ...rest }) => rest);

  return (
    <Stack gap="xl">
      <div>
        <Title order={1} size="h2" tabIndex={-1} data-step-heading>
          Practitioner countersignature
        </Title>
        <Text size="lg" c="dimmed" mt={6}>
          {props.clientName} has signed. Please hand the screen back to the practitioner.
        </Text>
      </div>
      {errors.form && (
        <Alert color="red" variant="light" title="The form was not signed">
          {errors.form}
        </Alert>
      )}
      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          <TextInput
            label="Practitioner"
            withAsterisk
            size="md"
            maw={420}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              clear('practitioner.name');
            }}
            error={errors['practitioner.name']}
          />
          <SignaturePadField
            ref={practitionerPad}
            label="Practitioner signature"
            signer={name || 'the practitioner'}
            height={200}
            error={errors['practitioner.signature']}
            onChange={() => clear('practitioner.signature')}
          />
        </Stack>
      </Paper>
      <Checkbox
        size="md"
        label="A witness is present and signs too"
        checked={withWitness}
        onChange={(e) => setWithWitness(e.currentTarget.checked)}
      />
      {withWitness && (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="md">
            <TextInput
              label="Witness’s name"
              withAsterisk
              size="md"
              maw={420}
              value={witnessName}
              onChange={(e) => {
                setWitnessName(e.currentTarget.value);
                clear('witness.name');
              }}
              error={errors['witness.name']}
              data-autofocus
            />
            <SignaturePadField
              ref={witnessPad}
              label="Witness signature"
              signer={witnessName || 'the witness'}
              height={200}
              error={errors['witness.signature']}
              onChange={() => clear('witness.signature')}
            />
          </Stack>
        </Paper>
      )}
      <Group justify="space-between">
        <Button variant="default" size="md" leftSection={<IconArrowLeft size={18} />} onClick={props.onBack}>
          Back to the client’s page
        </Button>
        <Button
          size="lg"
          leftSection={withWitness ? <IconUserCheck size={20} /> : <IconSignature size={20} />}
          loading={props.submitting}
          onClick={submit}
        >
          Complete and seal the consent
        </Button>
      </Group>
    </Stack>
  );
}
