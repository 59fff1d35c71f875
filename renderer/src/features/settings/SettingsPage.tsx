import { type ClinicProfile, ClinicSettingsInput, DATE_FORMATS, LOCALES, PAPER_SIZES } from '@contract';
import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useEffect, useState } from 'react';
import { api } from '../../api/api';
import { PageHeader } from '../../shared/PageHeader';
import { fieldErrors, showApiError } from '../../shared/showApiError';
import { useUnsavedChangesGuard } from '../../shared/useUnsavedChangesGuard';
import { LogoField } from './LogoField';
import { PractitionersCard } from './PractitionersCard';

type Values = {
  name: string;
  address: string;
  phone: string;
  emergencyPhone: string;
  email: string;
  website: string;
  registrations: string;
  paper: (typeof PAPER_SIZES)[number];
  marginMm: number | string;
  dateFormat: (typeof DATE_FORMATS)[number];
  locale: (typeof LOCALES)[number];
};

const validate = zod4Resolver(ClinicSettingsInput);
const SAMPLE_DATE = '2026-03-09';

function toValues(p: ClinicProfile): Values {
  const s = p.settings;
  return {
    name: s.configured ? s.name : '',
    address: s.address ?? '',
    phone: s.phone ?? '',
    emergencyPhone: s.emergencyPhone ?? '',
    email: s.email ?? '',
    website: s.website ?? '',
    registrations: s.registrations ?? '',
    paper: s.paper,
    marginMm: s.marginMm,
    dateFormat: s.dateFormat,
    locale: s.locale,
  };
}

const toInput = (v: Values) => ({ ...v, marginMm: typeof v.marginMm === 'number' ? v.marginMm : Number.NaN });

/** Clinic details printed on every document, document defaults, and the practitioners. */
export function SettingsPage() {
  const [profile, setProfile] = useState<ClinicProfile | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.settings
      .get({})
      .then(setProfile)
      .catch((e: Error) => setError(e.message));
  }, []);

  return (
    <Stack gap={0}>
      <PageHeader
        title="Settings"
        subtitle="The clinic’s details appear on every printed consent form, aftercare sheet and summary."
      />
      {error && (
        <Alert m="xl" color="red" icon={<IconAlertTriangle />} title="Settings could not be loaded">
          {error}
        </Alert>
      )}
      {!profile && !error && <Loader m="xl" aria-label="Loading settings" />}
      {profile && (
        <Stack p="xl" gap="lg" maw={960}>
          <ClinicForm profile={profile} onSaved={setProfile} />
          <LogoField profile={profile} onChange={setProfile} />
          <PractitionersCard profile={profile} onChange={setProfile} />
        </Stack>
      )}
    </Stack>
  );
}

function ClinicForm(props: { profile: ClinicProfile; onSaved: (p: ClinicProfile) => void }) {
  const [saving, setSaving] = useState(false);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: toValues(props.profile),
    validate: (values) => validate(toInput(values) as unknown as Record<string, unknown>),
    validateInputOnBlur: true,
  });
  const leaveGuard = useUnsavedChangesGuard(form.isDirty);

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      const saved = await api.settings.save(toInput(values));
      props.onSaved(saved);
      form.resetDirty(toValues(saved));
      notifications.show({ color: 'teal', title: 'Saved', message: 'The clinic details are saved.' });
    } catch (e) {
      form.setErrors(fieldErrors(e));
      showApiError(e, 'The clinic details were not saved');
    } finally {
      setSaving(false);
    }
  });

  return (
    <Card
      withBorder
      padding="lg"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="clinic-heading"
    >
      {leaveGuard}
      <Stack gap="md">
        <Title order={3} id="clinic-heading" size="h4">
          Clinic
        </Title>
        {!props.profile.settings.configured && (
          <Text size="sm" c="dimmed">
            Until the clinic’s name is saved, documents are headed “Your clinic”.
          </Text>
        )}
        <SimpleGrid cols={2} spacing="md">
          <TextInput label="Clinic name" required {...form.getInputProps('name')} />
          <TextInput label="Website" placeholder="www.example.com" {...form.getInputProps('website')} />
          <TextInput label="Phone" {...form.getInputProps('phone')} />
          <TextInput
            label="Emergency contact phone"
            description="Printed on aftercare sheets; the main phone is used when empty"
            {...form.getInputProps('emergencyPhone')}
          />
          <TextInput label="Email" type="email" {...form.getInputProps('email')} />
        </SimpleGrid>
        <Textarea label="Address" autosize minRows={2} maxRows={5} {...form.getInputProps('address')} />
        <Textarea
          label="Registration numbers"
          description="One per line, e.g. your licence or insurance numbers"
          autosize
          minRows={2}
          maxRows={5}
          {...form.getInputProps('registrations')}
        />

        <Title order={3} size="h4" mt="sm">
          Printed documents
        </Title>
        <SimpleGrid cols={2} spacing="md">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="paper-label">
              Paper size
            </Text>
            <SegmentedControl
              aria-labelledby="paper-label"
              data={PAPER_SIZES.map((p) => ({
                value: p,
                label: p === 'A4' ? 'A4 (210 × 297 mm)' : 'Letter (8.5 × 11 in)',
              }))}
              {...form.getInputProps('paper')}
            />
          </Stack>
          <NumberInput
            label="Margins"
            suffix=" mm"
            min={5}
            max={40}
            allowDecimal={false}
            {...form.getInputProps('marginMm')}
          />
          <Select
            label="Date format"
            data={DATE_FORMATS.map((f) => ({ value: f, label: `${dayjs(SAMPLE_DATE).format(f)}  (${f})` }))}
            allowDeselect={false}
            {...form.getInputProps('dateFormat')}
          />
          <Select
            label="Locale"
            data={[...LOCALES]}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={saving}
            disabled={!form.isDirty() && props.profile.settings.configured}
            leftSection={<IconDeviceFloppy size={16} />}
          >
            Save clinic details
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
