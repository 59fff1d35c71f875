import {
  type Client,
  ClientInput,
  FITZPATRICK_DESCRIPTIONS,
  FITZPATRICK_TYPES,
  type FitzpatrickType,
  fitzpatrickLabel,
  SEXES,
  SKIN_CONCERN_LABELS,
  SKIN_CONCERNS,
  type SkinConcern,
} from '@contract';
import {
  Alert,
  Button,
  Loader,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/api';
import { PageHeader } from '../../shared/PageHeader';
import { ShortcutHint } from '../../shared/ShortcutHint';
import { fieldErrors, showApiError } from '../../shared/showApiError';
import { useUnsavedChangesGuard } from '../../shared/useUnsavedChangesGuard';
import { parseTypedDate } from './dates';
import { clientDisplayName, SEX_LABELS } from './format';

interface FormValues {
  firstName: string;
  lastName: string;
  preferredName: string;
  dateOfBirth: string | null;
  sex: string | null;
  pronouns: string;
  phone: string;
  email: string;
  address: { line1: string; line2: string; city: string; region: string; postcode: string; country: string };
  emergencyContact: { name: string; phone: string; relationship: string };
  fitzpatrick: string | null;
  skinConcerns: string[];
  allergies: string;
  medications: string;
  notes: string;
}

const EMPTY: FormValues = {
  firstName: '',
  lastName: '',
  preferredName: '',
  dateOfBirth: null,
  sex: null,
  pronouns: '',
  phone: '',
  email: '',
  address: { line1: '', line2: '', city: '', region: '', postcode: '', country: '' },
  emergencyContact: { name: '', phone: '', relationship: '' },
  fitzpatrick: null,
  skinConcerns: [],
  allergies: '',
  medications: '',
  notes: '',
};

const text = (v: string | null) => v ?? '';
function fromClient(c: Client): FormValues {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    preferredName: text(c.preferredName),
    dateOfBirth: c.dateOfBirth,
    sex: c.sex,
    pronouns: text(c.pronouns),
    phone: text(c.phone),
    email: text(c.email),
    address: {
      line1: text(c.address.line1),
      line2: text(c.address.line2),
      city: text(c.address.city),
      region: text(c.address.region),
      postcode: text(c.address.postcode),
      country: text(c.address.country),
    },
    emergencyContact: {
      name: text(c.emergencyContact.name),
      phone: text(c.emergencyContact.phone),
      relationship: text(c.emergencyContact.relationship),
    },
    fitzpatrick: c.fitzpatrick ? String(c.fitzpatrick) : null,
    skinConcerns: c.skinConcerns,
    allergies: text(c.allergies),
    medications: text(c.medications),
    notes: text(c.notes),
  };
}

/** The form's values as the contract's input: the same zod schema validates here and again in main. */
function toInput(v: FormValues): ClientInput {
  return {
    ...v,
    sex: v.sex as ClientInput['sex'],
    fitzpatrick: v.fitzpatrick ? (Number(v.fitzpatrick) as FitzpatrickType) : null,
    skinConcerns: v.skinConcerns as SkinConcern[],
  };
}

const validateWithContract = zod4Resolver(ClientInput);

export function ClientFormPage({ mode }: { mode: 'create' | 'edit' }) {
  const { clientId } = useParams();
  const navigate = useNavigate();
  const [client, setClient] = useState<Client | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const leaving = useRef(false);

  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: (values) => validateWithContract(toInput(values) as unknown as Record<string, unknown>),
    validateInputOnBlur: true,
  });

  // Load once per client; `form` is a new object every render and must not re-trigger this.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (mode !== 'edit' || !clientId) return;
    api.clients
      .get({ id: clientId })
      .then(({ client }) => {
        setClient(client);
        const values = fromClient(client);
        form.setInitialValues(values);
        form.setValues(values);
        form.resetDirty(values);
      })
      .catch((error: Error) => setLoadError(error.message));
  }, [mode, clientId]);

  const isDirty = useCallback(() => !leaving.current && form.isDirty(), [form]);
  const guard = useUnsavedChangesGuard(isDirty);

  const save = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      const input = toInput(values);
      const saved =
        mode === 'edit' && clientId
          ? await api.clients.update({ id: clientId, fields: input })
          : await api.clients.create(input);
      leaving.current = true;
      notifications.show({ color: 'teal', title: 'Saved', message: `${clientDisplayName(saved)} is saved.` });
      navigate(`/clients/${saved.id}`, { replace: mode === 'create' });
    } catch (error) {
      const errors = fieldErrors(error);
      if (Object.keys(errors).length) form.setErrors(errors);
      showApiError(error, 'The client was not saved');
    } finally {
      setSaving(false);
    }
  });

  const cancel = () => navigate(mode === 'edit' && clientId ? `/clients/${clientId}` : '/clients');

  if (loadError) {
    return (
      <Alert m="xl" color="red" icon={<IconAlertTriangle />} title="This client could not be opened">
        {loadError}
      </Alert>
    );
  }
  if (mode === 'edit' && !client) return <Loader m="xl" aria-label="Loading client" />;

  return (
    <form
      onSubmit={save}
      noValidate
      // No Escape-to-cancel: Escape already closes dropdowns and date pickers inside the form.
      onKeyDown={getHotkeyHandler([['mod+S', () => save()]])}
      style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}
      aria-label={mode === 'edit' ? 'Edit client' : 'New client'}
    >
      <PageHeader
        title={mode === 'edit' && client ? `Edit ${clientDisplayName(client)}` : 'New client'}
        subtitle="Fields marked * are required. Everything else can be added later."
        actions={
          <>
            <Button variant="default" onClick={cancel}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={saving}
              leftSection={<IconDeviceFloppy size={16} />}
              rightSection={<ShortcutHint keys="S" />}
            >
              Save client
            </Button>
          </>
        }
      />
      <div style={{ flex: 1, overflow: 'auto' }}>
        <Stack p="xl" gap="lg" maw={1100}>
          <Section title="Personal details">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label="First name" withAsterisk autoFocus {...form.getInputProps('firstName')} />
              <TextInput label="Last name" withAsterisk {...form.getInputProps('lastName')} />
              <TextInput label="Preferred name" {...form.getInputProps('preferredName')} />
              <DateInput
                label="Date of birth"
                placeholder="DD/MM/YYYY"
                valueFormat="DD/MM/YYYY"
                dateParser={parseTypedDate}
                maxDate={new Date()}
                defaultLevel="decade"
                clearable
                {...form.getInputProps('dateOfBirth')}
              />
              <Select
                label="Sex"
                placeholder="Choose"
                clearable
                data={SEXES.map((value) => ({ value, label: SEX_LABELS[value] }))}
                {...form.getInputProps('sex')}
              />
              <TextInput label="Pronouns" placeholder="e.g. she/her" {...form.getInputProps('pronouns')} />
            </SimpleGrid>
          </Section>

          <Section title="Contact">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
              <TextInput label="Email" type="email" {...form.getInputProps('email')} />
              <TextInput label="Address line 1" {...form.getInputProps('address.line1')} />
              <TextInput label="Address line 2" {...form.getInputProps('address.line2')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 2, sm: 4 }} mt="sm">
              <TextInput label="Town or city" {...form.getInputProps('address.city')} />
              <TextInput label="County or region" {...form.getInputProps('address.region')} />
              <TextInput label="Postcode" {...form.getInputProps('address.postcode')} />
              <TextInput label="Country" {...form.getInputProps('address.country')} />
            </SimpleGrid>
          </Section>

          <Section title="Emergency contact">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label="Name" {...form.getInputProps('emergencyContact.name')} />
              <TextInput label="Phone" type="tel" {...form.getInputProps('emergencyContact.phone')} />
              <TextInput label="Relationship" {...form.getInputProps('emergencyContact.relationship')} />
            </SimpleGrid>
          </Section>

          <Section title="Skin">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Fitzpatrick skin type"
                placeholder="Not assessed"
                clearable
                data={FITZPATRICK_TYPES.map((t) => ({
                  value: String(t),
                  label: `Type ${fitzpatrickLabel(t)} — ${FITZPATRICK_DESCRIPTIONS[t]}`,
                }))}
                {...form.getInputProps('fitzpatrick')}
              />
              <MultiSelect
                label="Skin concerns"
                placeholder={form.values.skinConcerns.length ? undefined : 'Choose any that apply'}
                searchable
                data={SKIN_CONCERNS.map((value) => ({ value, label: SKIN_CONCERN_LABELS[value] }))}
                {...form.getInputProps('skinConcerns')}
              />
            </SimpleGrid>
          </Section>

          <Section title="Health">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Textarea
                label="Allergies"
                description="Shown as an alert on the client's page"
                autosize
                minRows={2}
                {...form.getInputProps('allergies')}
              />
              <Textarea
                label="Current medications"
                autosize
                minRows={2}
                {...form.getInputProps('medications')}
              />
            </SimpleGrid>
          </Section>

          <Section title="Notes">
            <Textarea aria-label="Notes" autosize minRows={3} {...form.getInputProps('notes')} />
          </Section>
        </Stack>
      </div>
      {guard}
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Title order={4} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
