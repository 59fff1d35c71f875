import {
  type Catalogue,
  DEPTH_MAX_MM,
  DEPTH_MIN_MM,
  type TreatmentType,
  TreatmentTypeInput,
} from '@contract';
import {
  Code,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { api } from '../../api/api';
import { showApiError } from '../../shared/showApiError';
import { applyCatalogue, FormActions, serverFieldErrors, zoneMapTitle } from './catalogueUi';

interface TreatmentValues {
  name: string;
  defaultIntervalDays: number | string;
  courseLength: number | string;
  zones: { zone: string; depthMin: number | string; depthMax: number | string }[];
}

const validateTreatment = zod4Resolver(TreatmentTypeInput);
/** NumberInput gives '' when empty; zod then reports a missing number rather than a wrong type. */
const num = (v: number | string) => (typeof v === 'number' ? v : undefined) as number;

function toTreatmentInput(t: TreatmentType, v: TreatmentValues): TreatmentTypeInput {
  return {
    name: v.name,
    // Not editable here: the zone map and the zones are fixed; only their depths change.
    zoneMap: t.zoneMap,
    consentTemplate: t.consentTemplate,
    aftercareTemplate: t.aftercareTemplate,
    defaultIntervalDays: num(v.defaultIntervalDays),
    courseLength: num(v.courseLength),
    zones: v.zones.map((z) => ({ zone: z.zone, depthMin: num(z.depthMin), depthMax: num(z.depthMax) })),
  };
}

export function TreatmentModal(props: {
  opened: boolean;
  treatment: TreatmentType | null;
  catalogue: Catalogue;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.treatment ? `Edit ${props.treatment.name}` : 'Edit treatment'}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
      size="xl"
    >
      {props.treatment && (
        <TreatmentForm treatment={props.treatment} catalogue={props.catalogue} onDone={props.onClose} />
      )}
    </Modal>
  );
}

function TreatmentForm(props: { treatment: TreatmentType; catalogue: Catalogue; onDone: () => void }) {
  const { treatment, catalogue, onDone } = props;
  const [saving, setSaving] = useState(false);
  const map = catalogue.zoneMaps.find((m) => m.id === treatment.zoneMap);
  const zoneLabel = (code: string) => map?.zones.find((z) => z.code === code)?.label ?? code;

  const form = useForm<TreatmentValues>({
    mode: 'controlled',
    initialValues: {
      name: treatment.name,
      defaultIntervalDays: treatment.defaultIntervalDays,
      courseLength: treatment.courseLength,
      zones: treatment.zones.map((z) => ({ zone: z.zone, depthMin: z.depthMin, depthMax: z.depthMax })),
    },
    validate: (values) => {
      const errors = validateTreatment(
        toTreatmentInput(treatment, values) as unknown as Record<string, unknown>,
      );
      if (values.defaultIntervalDays === '') errors.defaultIntervalDays = 'Enter the usual interval in days';
      if (values.courseLength === '') errors.courseLength = 'Enter the number of sessions in a course';
      return errors;
    },
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      const catalogue = await api.catalogue.saveTreatmentType({
        id: treatment.id,
        fields: toTreatmentInput(treatment, values),
      });
      applyCatalogue(catalogue, `${values.name.trim()} is saved.`);
      onDone();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
      showApiError(error, 'The treatment was not saved');
    } finally {
      setSaving(false);
    }
  });

  const depthInput = (index: number, field: 'depthMin' | 'depthMax', label: string) => (
    <NumberInput
      aria-label={`${field === 'depthMin' ? 'Lowest' : 'Highest'} depth for ${label}, in millimetres`}
      min={DEPTH_MIN_MM}
      max={DEPTH_MAX_MM}
      step={0.05}
      decimalScale={2}
      clampBehavior="blur"
      allowNegative={false}
      rightSection={
        <Text size="xs" c="dimmed" aria-hidden>
          mm
        </Text>
      }
      w={130}
      {...form.getInputProps(`zones.${index}.${field}`)}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Edit treatment">
      <Stack>
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={2}>
          <NumberInput
            label="Usual interval"
            description="Days between sessions of a course"
            withAsterisk
            min={1}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            rightSection={
              <Text size="xs" c="dimmed" aria-hidden>
                days
              </Text>
            }
            rightSectionWidth={48}
            {...form.getInputProps('defaultIntervalDays')}
          />
          <NumberInput
            label="Course length"
            description="Sessions in a full course"
            withAsterisk
            min={1}
            max={24}
            allowDecimal={false}
            allowNegative={false}
            rightSection={
              <Text size="xs" c="dimmed" aria-hidden>
                sessions
              </Text>
            }
            rightSectionWidth={72}
            {...form.getInputProps('courseLength')}
          />
        </SimpleGrid>

        <Group gap="xl" wrap="wrap">
          <ReadOnly label="Zone map" value={zoneMapTitle(catalogue, treatment.zoneMap)} />
          <ReadOnly label="Consent template" value={treatment.consentTemplate} code />
          <ReadOnly label="Aftercare template" value={treatment.aftercareTemplate} code />
        </Group>

        <div>
          <Title order={5}>Usual depth per zone</Title>
          <Text size="sm" c="dimmed" mb="xs">
            From {DEPTH_MIN_MM} to {DEPTH_MAX_MM.toFixed(1)} mm. A new zone on a chart starts at the lowest
            depth; a charted depth outside this range is flagged, never blocked.
          </Text>
          {form.values.zones.length === 0 ? (
            <Text size="sm" c="dimmed">
              This treatment has no default zones.
            </Text>
          ) : (
            <Table verticalSpacing={6} aria-label="Usual depth per zone" withRowBorders>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Zone</Table.Th>
                  <Table.Th w={150}>Lowest</Table.Th>
                  <Table.Th w={150}>Highest</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {form.values.zones.map((z, index) => {
                  const label = zoneLabel(z.zone);
                  const zoneError = form.errors[`zones.${index}.zone`];
                  return (
                    <Table.Tr key={z.zone}>
                      <Table.Td>
                        <Text size="sm">{label}</Text>
                        {zoneError && (
                          <Text size="xs" c="red.9">
                            {zoneError}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        {depthInput(index, 'depthMin', label)}
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        {depthInput(index, 'depthMax', label)}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </div>
        <FormActions saving={saving} onCancel={onDone} submitLabel="Save treatment" />
      </Stack>
    </form>
  );
}

function ReadOnly(props: { label: string; value: string | null; code?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      {props.value === null ? (
        <Text size="sm">None</Text>
      ) : props.code ? (
        <Code>{props.value}</Code>
      ) : (
        <Text size="sm">{props.value}</Text>
      )}
    </div>
  );
}
