import {
  type Catalogue,
  type ChartInput,
  type ChartWarning,
  ENDPOINT_LABELS,
  ENDPOINTS,
  type Endpoint,
  TECHNIQUES,
  type Technique,
  type TreatmentType,
} from '@contract';
import {
  ActionIcon,
  Alert,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { DateInput, DateTimePicker } from '@mantine/dates';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { batchOptions } from '../catalogue/catalogueStore';
import { ZoneMap } from './zoneMap/ZoneMap';

type Zone = NonNullable<ChartInput['zones']>[number];

/** The chart as a form: zone map and table, device, numbing, products, endpoint, reactions, notes. */
export function ChartEditor(props: {
  chart: ChartInput;
  onChange: (chart: ChartInput) => void;
  treatment: TreatmentType;
  catalogue: Catalogue;
  warnings: ChartWarning[];
  errors: Record<string, string>;
  copied: boolean;
}) {
  const { chart, onChange, treatment, catalogue } = props;
  const map = catalogue.zoneMaps.find((m) => m.id === treatment.zoneMap)!;
  const zones = chart.zones ?? [];
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const ranges = useMemo(() => Object.fromEntries(treatment.zones.map((z) => [z.zone, z])), [treatment]);
  const labelOf = (code: string) => map.zones.find((z) => z.code === code)?.label ?? code;
  const firstSelected = [...selected][0];
  const [bulk, setBulk] = useState<{
    depth: number | string;
    passes: number | string;
    technique: string | null;
  }>({
    depth: '',
    passes: '',
    technique: null,
  });
  const set = (patch: Partial<ChartInput>) => onChange({ ...chart, ...patch });
  const setZone = (code: string, patch: Partial<Zone>) =>
    set({ zones: zones.map((z) => (z.zone === code ? { ...z, ...patch } : z)) });
  const warningsFor = (prefix: string) => props.warnings.filter((w) => w.path.startsWith(prefix));

  const applyToSelected = () => {
    const depth = typeof bulk.depth === 'number' ? bulk.depth : null;
    const next = [...zones];
    for (const code of selected) {
      const existing = next.find((z) => z.zone === code);
      const fallback = ranges[code]?.depthMin ?? 0.5;
      const patch: Zone = {
        zone: code,
        depthMm: depth ?? existing?.depthMm ?? fallback,
        passes: typeof bulk.passes === 'number' ? bulk.passes : (existing?.passes ?? null),
        technique: (bulk.technique as Technique | null) ?? existing?.technique ?? null,
      };
      if (existing) next.splice(next.indexOf(existing), 1, patch);
      else next.push(patch);
    }
    set({ zones: next });
  };

  const device = catalogue.devices.find((d) => d.id === chart.deviceId);
  const numbingMinutes =
    chart.numbing?.appliedAt && chart.numbing.removedAt
      ? dayjs(chart.numbing.removedAt).diff(dayjs(chart.numbing.appliedAt), 'minute')
      : null;

  return (
    <Stack gap="lg">
      {props.copied && (
        <Alert color="blue" variant="light" title="Copied forward">
          Zones, depths, device and products were copied from the last signed session. Check each before
          signing off.
        </Alert>
      )}
      <Section title="Treated zones">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <ZoneMap
              map={map}
              depths={Object.fromEntries(zones.map((z) => [z.zone, z.depthMm]))}
              ranges={ranges}
              selected={selected}
              onSelectionChange={(next) => {
                setSelected(next);
                const first = [...next][0];
                const current = zones.find((z) => z.zone === first);
                setBulk({
                  depth: current?.depthMm ?? (first ? (ranges[first]?.depthMin ?? '') : ''),
                  passes: current?.passes ?? '',
                  technique: current?.technique ?? null,
                });
              }}
              available={new Set(map.zones.map((z) => z.code))}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper
              withBorder
              p="sm"
              mb="md"
              bg="var(--mantine-color-default-hover)"
              aria-label="Set selected zones"
            >
              <Text size="sm" fw={600} mb={6}>
                {selected.size === 0
                  ? 'Select zones on the map (click, or Tab and Space); Ctrl+click to add more.'
                  : `${selected.size} selected: ${[...selected].map(labelOf).join(', ')}`}
              </Text>
              <Group align="flex-end" gap="sm">
                <NumberInput
                  label="Depth (mm)"
                  w={110}
                  min={0.1}
                  max={3}
                  step={0.05}
                  decimalScale={2}
                  clampBehavior="strict"
                  value={bulk.depth}
                  onChange={(v) => setBulk({ ...bulk, depth: v })}
                  description={
                    firstSelected && ranges[firstSelected]
                      ? `usual ${ranges[firstSelected]!.depthMin}–${ranges[firstSelected]!.depthMax}`
                      : ' '
                  }
                  disabled={selected.size === 0}
                />
                <NumberInput
                  label="Passes"
                  w={90}
                  min={1}
                  max={20}
                  description=" "
                  value={bulk.passes}
                  onChange={(v) => setBulk({ ...bulk, passes: v })}
                  disabled={selected.size === 0}
                />
                <Select
                  label="Technique"
                  w={150}
                  description=" "
                  clearable
                  data={TECHNIQUES.map((t) => ({ value: t, label: t[0]!.toUpperCase() + t.slice(1) }))}
                  value={bulk.technique}
                  onChange={(v) => setBulk({ ...bulk, technique: v })}
                  disabled={selected.size === 0}
                />
                <Button onClick={applyToSelected} disabled={selected.size === 0 || bulk.depth === ''}>
                  Apply to {selected.size || ''} selected
                </Button>
              </Group>
            </Paper>
            {zones.length === 0 ? (
              <Text size="sm" c="dimmed">
                No zones charted yet.
              </Text>
            ) : (
              <Table aria-label="Zones and depths" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Zone</Table.Th>
                    <Table.Th>Depth (mm)</Table.Th>
                    <Table.Th>Passes</Table.Th>
                    <Table.Th>Technique</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Remove</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {zones.map((z, i) => {
                    const warning = warningsFor(`zones.${z.zone}`)[0];
                    const error = props.errors[`chart.zones.${i}.depthMm`];
                    return (
                      <Table.Tr key={z.zone} data-zone={z.zone}>
                        <Table.Td>
                          <Text size="sm">{labelOf(z.zone)}</Text>
                          {warning && (
                            <Text size="xs" c="orange.9">
                              {warning.message}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <NumberInput
                            aria-label={`Depth for ${labelOf(z.zone)}`}
                            size="xs"
                            w={90}
                            min={0.1}
                            max={3}
                            step={0.05}
                            decimalScale={2}
                            value={z.depthMm}
                            error={error}
                            onChange={(v) => typeof v === 'number' && setZone(z.zone, { depthMm: v })}
                          />
                        </Table.Td>
                        <Table.Td>
                          <NumberInput
                            aria-label={`Passes for ${labelOf(z.zone)}`}
                            size="xs"
                            w={70}
                            min={1}
                            max={20}
                            value={z.passes ?? ''}
                            onChange={(v) => setZone(z.zone, { passes: typeof v === 'number' ? v : null })}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Select
                            aria-label={`Technique for ${labelOf(z.zone)}`}
                            size="xs"
                            w={130}
                            clearable
                            data={TECHNIQUES.map((t) => ({
                              value: t,
                              label: t[0]!.toUpperCase() + t.slice(1),
                            }))}
                            value={z.technique ?? null}
                            onChange={(v) => setZone(z.zone, { technique: v as Technique | null })}
                          />
                        </Table.Td>
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={`Remove ${labelOf(z.zone)}`}
                            onClick={() => set({ zones: zones.filter((x) => x.zone !== z.zone) })}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
          </Grid.Col>
        </Grid>
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title="Device">
          <Stack gap="sm">
            <Select
              label="Device"
              clearable
              data={catalogue.devices
                .filter((d) => !d.retiredAt || d.id === chart.deviceId)
                .map((d) => ({ value: d.id, label: d.name }))}
              value={chart.deviceId ?? null}
              onChange={(v) => set({ deviceId: v, needleConfig: null })}
            />
            <Group grow>
              <Select
                label="Needle configuration"
                clearable
                data={device?.needleConfigs ?? []}
                value={chart.needleConfig ?? null}
                onChange={(v) => set({ needleConfig: v })}
                disabled={!device}
              />
              <Select
                label="Cartridge lot"
                clearable
                searchable
                data={batchOptions(catalogue, ['cartridge'])}
                value={chart.cartridgeBatchId ?? null}
                onChange={(v) => set({ cartridgeBatchId: v })}
                error={warningsFor('cartridgeBatchId')[0]?.message}
              />
            </Group>
          </Stack>
        </Section>
        <Section title="Numbing">
          <Stack gap="sm">
            <Group grow>
              <Select
                label="Numbing agent (lot)"
                clearable
                searchable
                data={batchOptions(catalogue, ['numbing'])}
                value={chart.numbing?.batchId ?? null}
                onChange={(v) => set({ numbing: { ...chart.numbing, batchId: v } })}
                error={warningsFor('numbing.batchId')[0]?.message}
              />
              <TextInput
                label="Strength"
                placeholder="e.g. 4%"
                value={chart.numbing?.strength ?? ''}
                onChange={(e) => set({ numbing: { ...chart.numbing, strength: e.currentTarget.value } })}
              />
            </Group>
            <Group grow align="flex-start">
              <DateTimePicker
                label="Applied"
                clearable
                valueFormat="DD/MM/YYYY HH:mm"
                value={
                  chart.numbing?.appliedAt
                    ? dayjs(chart.numbing.appliedAt).format('YYYY-MM-DD HH:mm:ss')
                    : null
                }
                onChange={(v) =>
                  set({ numbing: { ...chart.numbing, appliedAt: v ? dayjs(v).toISOString() : null } })
                }
              />
              <DateTimePicker
                label="Removed"
                clearable
                valueFormat="DD/MM/YYYY HH:mm"
                value={
                  chart.numbing?.removedAt
                    ? dayjs(chart.numbing.removedAt).format('YYYY-MM-DD HH:mm:ss')
                    : null
                }
                onChange={(v) =>
                  set({ numbing: { ...chart.numbing, removedAt: v ? dayjs(v).toISOString() : null } })
                }
                description={numbingMinutes !== null ? `On for ${numbingMinutes} min` : undefined}
                error={warningsFor('numbing.removedAt')[0]?.message}
              />
            </Group>
          </Stack>
        </Section>
      </SimpleGrid>

      <Section title="Products applied">
        <Stack gap="xs">
          {(chart.products ?? []).map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a product line has no identity but its position
            <Group key={i} align="flex-start" wrap="nowrap">
              <Select
                style={{ flex: 2 }}
                aria-label={`Product ${i + 1}`}
                searchable
                data={batchOptions(catalogue, ['serum', 'prp-kit', 'other'])}
                value={p.batchId}
                onChange={(v) =>
                  v &&
                  set({
                    products: (chart.products ?? []).map((x, j) => (j === i ? { ...x, batchId: v } : x)),
                  })
                }
                error={warningsFor(`products.${i}.`)[0]?.message}
              />
              <TextInput
                style={{ flex: 1 }}
                aria-label={`Notes for product ${i + 1}`}
                placeholder="Notes"
                value={p.notes ?? ''}
                onChange={(e) => {
                  const notes = e.currentTarget.value;
                  set({ products: (chart.products ?? []).map((x, j) => (j === i ? { ...x, notes } : x)) });
                }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={6}
                aria-label={`Remove product ${i + 1}`}
                onClick={() => set({ products: (chart.products ?? []).filter((_, j) => j !== i) })}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Select
            aria-label="Add a product batch"
            placeholder="Add a product batch…"
            searchable
            leftSection={<IconPlus size={14} />}
            data={batchOptions(catalogue, ['serum', 'prp-kit', 'other'])}
            value={null}
            onChange={(v) => v && set({ products: [...(chart.products ?? []), { batchId: v, notes: null }] })}
          />
          {batchOptions(catalogue, ['serum', 'prp-kit', 'other']).length === 0 && (
            <Text size="xs" c="dimmed">
              No product batches yet: add lots under Catalogue.
            </Text>
          )}
        </Stack>
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title="Outcome">
          <Stack gap="sm">
            <Select
              label="Clinical endpoint"
              clearable
              data={ENDPOINTS.map((e) => ({ value: e, label: ENDPOINT_LABELS[e] }))}
              value={chart.endpoint ?? null}
              onChange={(v) => set({ endpoint: v as Endpoint | null })}
              error={props.errors.endpoint}
            />
            <Observation
              label="Reactions"
              value={chart.reactions}
              onChange={(reactions) => set({ reactions })}
              error={props.errors['reactions.none'] ?? props.errors['reactions.details']}
            />
            <Observation
              label="Adverse events"
              value={chart.adverseEvents}
              onChange={(adverseEvents) => set({ adverseEvents })}
              error={props.errors['adverseEvents.none'] ?? props.errors['adverseEvents.details']}
            />
          </Stack>
        </Section>
        <Section title="Notes and next session">
          <Stack gap="sm">
            <Textarea
              label="Notes"
              autosize
              minRows={3}
              value={chart.notes ?? ''}
              onChange={(e) => set({ notes: e.currentTarget.value })}
            />
            <DateInput
              label="Recommended next session"
              valueFormat="DD/MM/YYYY"
              clearable
              value={chart.nextSessionDate ?? null}
              onChange={(v) => set({ nextSessionDate: v ? String(v).slice(0, 10) : null })}
              description={`Usual interval: ${treatment.defaultIntervalDays} days`}
              error={warningsFor('nextSessionDate')[0]?.message}
            />
          </Stack>
        </Section>
      </SimpleGrid>
      {props.warnings.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title="Check before signing off"
        >
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {props.warnings.map((w) => (
              <li key={w.path + w.message}>
                <Text size="sm">{w.message}</Text>
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </Stack>
  );
}

function Observation(props: {
  label: string;
  value: ChartInput['reactions'];
  onChange: (v: NonNullable<ChartInput['reactions']>) => void;
  error?: string;
}) {
  const none = props.value?.none ?? null;
  const labelId = useId();
  return (
    <div>
      <Group justify="space-between" align="center">
        <Text size="sm" fw={500} id={labelId}>
          {props.label}
        </Text>
        <SegmentedControl
          size="xs"
          aria-labelledby={labelId}
          value={none === null ? '' : none ? 'none' : 'some'}
          onChange={(v) =>
            props.onChange({
              none: v === 'none',
              details: v === 'none' ? null : (props.value?.details ?? null),
            })
          }
          data={[
            { value: 'none', label: 'None' },
            { value: 'some', label: 'Record' },
          ]}
        />
      </Group>
      {none === false && (
        <Textarea
          mt={6}
          aria-label={`${props.label} details`}
          autosize
          minRows={2}
          value={props.value?.details ?? ''}
          onChange={(e) => props.onChange({ none: false, details: e.currentTarget.value })}
        />
      )}
      {props.error && (
        <Text size="xs" c="red.8" role="alert">
          {props.error}
        </Text>
      )}
    </div>
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
