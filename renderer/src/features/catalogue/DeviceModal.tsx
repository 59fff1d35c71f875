import { DEVICE_KINDS, type Device, DeviceInput, type DeviceKind } from '@contract';
import { Modal, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { api } from '../../api/api';
import { showApiError } from '../../shared/showApiError';
import { applyCatalogue, DEVICE_KIND_LABELS, FormActions, serverFieldErrors } from './catalogueUi';

interface DeviceValues {
  name: string;
  kind: string | null;
  make: string;
  model: string;
  needleConfigs: string[];
}

const validateDevice = zod4Resolver(DeviceInput);

function toDeviceInput(v: DeviceValues): DeviceInput {
  return {
    name: v.name,
    kind: v.kind as DeviceKind,
    make: v.make,
    model: v.model,
    needleConfigs: v.needleConfigs.map((c) => c.trim()).filter(Boolean),
  };
}

/** Add (device null) or edit a device; the form is unmounted on close, so each opening starts fresh. */
export function DeviceModal(props: { opened: boolean; device: Device | null; onClose: () => void }) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.device ? `Edit ${props.device.name}` : 'Add device'}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
      size="lg"
    >
      <DeviceForm device={props.device} onDone={props.onClose} />
    </Modal>
  );
}

function DeviceForm({ device, onDone }: { device: Device | null; onDone: () => void }) {
  const [saving, setSaving] = useState(false);
  const form = useForm<DeviceValues>({
    mode: 'controlled',
    initialValues: {
      name: device?.name ?? '',
      kind: device?.kind ?? null,
      make: device?.make ?? '',
      model: device?.model ?? '',
      needleConfigs: device?.needleConfigs ?? [],
    },
    validate: (values) => validateDevice(toDeviceInput(values) as unknown as Record<string, unknown>),
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      const catalogue = await api.catalogue.saveDevice({
        id: device?.id ?? null,
        fields: toDeviceInput(values),
      });
      applyCatalogue(catalogue, `${values.name.trim()} is saved.`);
      onDone();
    } catch (error) {
      form.setErrors(serverFieldErrors(error));
      showApiError(error, 'The device was not saved');
    } finally {
      setSaving(false);
    }
  });

  // An issue on one configuration ("needleConfigs.2") is shown on the whole field.
  const configError =
    form.errors.needleConfigs ??
    Object.entries(form.errors).find(([path]) => path.startsWith('needleConfigs.'))?.[1] ??
    undefined;

  return (
    <form onSubmit={submit} noValidate aria-label={device ? 'Edit device' : 'Add device'}>
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
          <Select
            label="Kind"
            placeholder="Choose"
            withAsterisk
            allowDeselect={false}
            data={DEVICE_KINDS.map((value) => ({ value, label: DEVICE_KIND_LABELS[value] }))}
            {...form.getInputProps('kind')}
          />
          <TextInput label="Make" {...form.getInputProps('make')} />
          <TextInput label="Model" {...form.getInputProps('model')} />
        </SimpleGrid>
        <TagsInput
          label="Needle configurations"
          description="Offered when charting with this device. Type one (e.g. 12-pin, 36-pin, nano) and press Enter."
          placeholder={form.values.needleConfigs.length ? undefined : 'Add a configuration'}
          splitChars={[',', ';']}
          maxTags={30}
          {...form.getInputProps('needleConfigs')}
          error={configError}
        />
        <FormActions saving={saving} onCancel={onDone} submitLabel="Save device" />
      </Stack>
    </form>
  );
}
