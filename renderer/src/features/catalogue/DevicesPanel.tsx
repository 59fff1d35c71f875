import type { Catalogue, Device } from '@contract';
import { Badge, Button, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconNeedle, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '../../shared/EmptyState';
import {
  activeFirst,
  Dash,
  DEVICE_KIND_LABELS,
  RetireAction,
  RetiredBadge,
  RowAction,
  useRetire,
} from './catalogueUi';
import { DeviceModal } from './DeviceModal';
import { SectionHeader } from './SectionHeader';

export function DevicesPanel({ catalogue }: { catalogue: Catalogue }) {
  const [modal, setModal] = useState<{ opened: boolean; device: Device | null }>({
    opened: false,
    device: null,
  });
  const { pending, toggle } = useRetire();
  const devices = activeFirst(catalogue.devices);
  const addDevice = () => setModal({ opened: true, device: null });

  return (
    <Paper withBorder component="section" aria-labelledby="catalogue-devices-title">
      <SectionHeader
        id="catalogue-devices-title"
        title="Devices"
        description="Pens, rollers and stamps, with the needle configurations offered when charting with each. Retired devices stay on past charts."
        action={
          devices.length > 0 && (
            <Button leftSection={<IconPlus size={16} />} onClick={addDevice}>
              Add device
            </Button>
          )
        }
      />
      {devices.length === 0 ? (
        <EmptyState
          icon={<IconNeedle size={28} />}
          title="No devices yet"
          action={
            <Button leftSection={<IconPlus size={16} />} onClick={addDevice}>
              Add device
            </Button>
          }
        >
          Add the pens, rollers and stamps the clinic uses so each chart records the device and needle
          configuration.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="lg" aria-label="Devices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th w={110}>Kind</Table.Th>
                <Table.Th w={220}>Make and model</Table.Th>
                <Table.Th>Needle configurations</Table.Th>
                <Table.Th w={110} ta="right">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {devices.map((device) => {
                const retired = Boolean(device.retiredAt);
                const makeModel = [device.make, device.model].filter(Boolean).join(' ');
                return (
                  <Table.Tr key={device.id}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm" fw={500} c={retired ? 'dimmed' : undefined}>
                          {device.name}
                        </Text>
                        {retired && <RetiredBadge />}
                      </Group>
                    </Table.Td>
                    <Table.Td>{DEVICE_KIND_LABELS[device.kind]}</Table.Td>
                    <Table.Td>{makeModel || <Dash />}</Table.Td>
                    <Table.Td>
                      {device.needleConfigs.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          None recorded
                        </Text>
                      ) : (
                        <Group gap={6}>
                          {device.needleConfigs.map((config) => (
                            <Badge key={config} variant="light" color="gray" radius="sm" tt="none">
                              {config}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={2} justify="flex-end" wrap="nowrap">
                        <RowAction
                          label={`Edit ${device.name}`}
                          tooltip="Edit device"
                          icon={<IconPencil size={18} />}
                          onClick={() => setModal({ opened: true, device })}
                        />
                        <RetireAction
                          name={device.name}
                          retired={retired}
                          loading={pending === device.id}
                          onToggle={() => void toggle('device', device.id, !retired, device.name)}
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <DeviceModal
        opened={modal.opened}
        device={modal.device}
        onClose={() => setModal((s) => ({ ...s, opened: false }))}
      />
    </Paper>
  );
}
