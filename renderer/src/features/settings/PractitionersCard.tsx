import { type ClinicProfile, type Practitioner, PractitionerInput } from '@contract';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconUserPlus } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { api } from '../../api/api';
import { EmptyState } from '../../shared/EmptyState';
import { fieldErrors, showApiError } from '../../shared/showApiError';
import { RetireAction } from '../catalogue/catalogueUi';

/** The clinic's practitioners with their credentials, printed on documents they sign or issue. */
export function PractitionersCard(props: { profile: ClinicProfile; onChange: (p: ClinicProfile) => void }) {
  const [editing, setEditing] = useState<Practitioner | 'new' | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const list = props.profile.practitioners;

  const toggle = async (p: Practitioner) => {
    setBusyId(p.id);
    try {
      props.onChange(await api.settings.setPractitionerRetired({ id: p.id, retired: !p.retiredAt }));
    } catch (e) {
      showApiError(e);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Card withBorder padding="lg" aria-labelledby="practitioners-heading">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} size="h4" id="practitioners-heading">
            Practitioners
          </Title>
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Add practitioner
          </Button>
        </Group>
        {list.length === 0 ? (
          <EmptyState icon={<IconUserPlus size={28} />} title="No practitioners yet">
            Add the people who treat clients, with the credentials to print under their name.
          </EmptyState>
        ) : (
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Credentials</Table.Th>
                <Table.Th w={220}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm" fw={500}>
                        {p.name}
                      </Text>
                      {p.retiredAt && (
                        <Badge variant="light" color="gray">
                          Retired
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={p.credentials ? undefined : 'dimmed'}>
                      {p.credentials ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Tooltip label={`Edit ${p.name}`}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Edit ${p.name}`}
                          onClick={() => setEditing(p)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <RetireAction
                        name={p.name}
                        retired={Boolean(p.retiredAt)}
                        loading={busyId === p.id}
                        onToggle={() => toggle(p)}
                      />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add practitioner' : `Edit ${editing?.name ?? ''}`}
        centered
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {editing !== null && (
          <PractitionerForm
            practitioner={editing === 'new' ? null : editing}
            onDone={(p) => {
              if (p) props.onChange(p);
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </Card>
  );
}

const validate = zod4Resolver(PractitionerInput);

function PractitionerForm(props: {
  practitioner: Practitioner | null;
  onDone: (profile: ClinicProfile | null) => void;
}) {
  const [saving, setSaving] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: props.practitioner?.name ?? '',
      credentials: props.practitioner?.credentials ?? '',
    },
    validate,
    validateInputOnBlur: true,
  });
  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      props.onDone(
        await api.settings.savePractitioner({ id: props.practitioner?.id ?? null, fields: values }),
      );
    } catch (e) {
      form.setErrors(
        Object.fromEntries(Object.entries(fieldErrors(e)).map(([k, v]) => [k.replace(/^fields\./, ''), v])),
      );
      showApiError(e, 'The practitioner was not saved');
    } finally {
      setSaving(false);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <TextInput
          label="Credentials"
          placeholder="e.g. Level 4 Skin Therapist"
          {...form.getInputProps('credentials')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => props.onDone(null)}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
