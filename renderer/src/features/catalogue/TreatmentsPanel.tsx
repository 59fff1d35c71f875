import type { Catalogue } from '@contract';
import { Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconStethoscope } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '../../shared/EmptyState';
import { activeFirst, RetireAction, RetiredBadge, RowAction, useRetire, zoneMapName } from './catalogueUi';
import { SectionHeader } from './SectionHeader';
import { TreatmentModal } from './TreatmentModal';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function TreatmentsPanel({ catalogue }: { catalogue: Catalogue }) {
  const [modal, setModal] = useState<{ opened: boolean; treatmentId: string | null }>({
    opened: false,
    treatmentId: null,
  });
  const { pending, toggle } = useRetire();
  const treatments = activeFirst(catalogue.treatmentTypes);

  return (
    <Paper withBorder component="section" aria-labelledby="catalogue-treatments-title">
      <SectionHeader
        id="catalogue-treatments-title"
        title="Treatments"
        description="The treatments offered when starting a session: the usual interval, course length and depth per zone. Retired treatments stay on past charts."
      />
      {treatments.length === 0 ? (
        <EmptyState icon={<IconStethoscope size={28} />} title="No treatments">
          No treatment types are set up. The standard ones are added when Dermachart is first set up.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="lg" aria-label="Treatments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th w={210}>Zone map</Table.Th>
                <Table.Th w={130}>Interval</Table.Th>
                <Table.Th w={140}>Course length</Table.Th>
                <Table.Th w={140}>Default zones</Table.Th>
                <Table.Th w={110} ta="right">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {treatments.map((treatment) => {
                const retired = Boolean(treatment.retiredAt);
                return (
                  <Table.Tr key={treatment.id}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm" fw={500} c={retired ? 'dimmed' : undefined}>
                          {treatment.name}
                        </Text>
                        {retired && <RetiredBadge />}
                      </Group>
                    </Table.Td>
                    <Table.Td>{zoneMapName(catalogue, treatment.zoneMap)}</Table.Td>
                    <Table.Td>{plural(treatment.defaultIntervalDays, 'day', 'days')}</Table.Td>
                    <Table.Td>{plural(treatment.courseLength, 'session', 'sessions')}</Table.Td>
                    <Table.Td>{treatment.zones.length}</Table.Td>
                    <Table.Td>
                      <Group gap={2} justify="flex-end" wrap="nowrap">
                        <RowAction
                          label={`Edit ${treatment.name}`}
                          tooltip="Edit treatment"
                          icon={<IconPencil size={18} />}
                          onClick={() => setModal({ opened: true, treatmentId: treatment.id })}
                        />
                        <RetireAction
                          name={treatment.name}
                          retired={retired}
                          loading={pending === treatment.id}
                          onToggle={() =>
                            void toggle('treatmentType', treatment.id, !retired, treatment.name)
                          }
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
      <TreatmentModal
        opened={modal.opened}
        treatment={catalogue.treatmentTypes.find((t) => t.id === modal.treatmentId) ?? null}
        catalogue={catalogue}
        onClose={() => setModal((s) => ({ ...s, opened: false }))}
      />
    </Paper>
  );
}
