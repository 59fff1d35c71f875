import { type Catalogue, type Chart, ENDPOINT_LABELS, type TreatmentType } from '@contract';
import { Grid, Paper, Stack, Table, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { findBatch } from '../catalogue/catalogueStore';
import { formatDate, formatDateTime } from '../clients/format';
import { ZoneMap } from './zoneMap/ZoneMap';

/** A signed chart, read-only. With `original`, the chart as first signed is shown beside the amended one. */
export function ChartView(props: {
  chart: Chart;
  original: Chart | null;
  treatment: TreatmentType;
  catalogue: Catalogue;
}) {
  if (!props.original) return <ChartSummary {...props} title="Chart" />;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <ChartSummary {...props} title="Current (with amendments)" compareTo={props.original} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <ChartSummary {...props} chart={props.original} title="As originally signed" />
      </Grid.Col>
    </Grid>
  );
}

function ChartSummary(props: {
  chart: Chart;
  treatment: TreatmentType;
  catalogue: Catalogue;
  title: string;
  compareTo?: Chart;
}) {
  const { chart, catalogue } = props;
  const map = catalogue.zoneMaps.find((m) => m.id === props.treatment.zoneMap)!;
  const label = (code: string) => map.zones.find((z) => z.code === code)?.label ?? code;
  const before = new Map(props.compareTo?.zones.map((z) => [z.zone, z]));
  const batchText = (id: string | null) => {
    const found = id ? findBatch(catalogue, id) : null;
    return found
      ? `${found.product.name}, lot ${found.batch.lotNumber} (exp ${formatDate(found.batch.expiryDate)})`
      : '—';
  };
  const device = catalogue.devices.find((d) => d.id === chart.deviceId);
  const minutes =
    chart.numbing.appliedAt && chart.numbing.removedAt
      ? dayjs(chart.numbing.removedAt).diff(dayjs(chart.numbing.appliedAt), 'minute')
      : null;
  const rows: [string, string][] = [
    ['Practitioner', chart.practitioner ?? '—'],
    ['Device', device ? `${device.name}${chart.needleConfig ? `, ${chart.needleConfig}` : ''}` : '—'],
    ['Cartridge', batchText(chart.cartridgeBatchId)],
    [
      'Numbing',
      chart.numbing.batchId
        ? `${batchText(chart.numbing.batchId)}${chart.numbing.strength ? `, ${chart.numbing.strength}` : ''}${minutes !== null ? `, ${minutes} min` : ''}`
        : '—',
    ],
    [
      'Products',
      chart.products.map((p) => batchText(p.batchId) + (p.notes ? ` (${p.notes})` : '')).join('; ') || '—',
    ],
    ['Endpoint', chart.endpoint ? ENDPOINT_LABELS[chart.endpoint] : '—'],
    ['Reactions', chart.reactions.none ? 'None' : (chart.reactions.details ?? '—')],
    ['Adverse events', chart.adverseEvents.none ? 'None' : (chart.adverseEvents.details ?? '—')],
    ['Next session', formatDate(chart.nextSessionDate)],
    ['Notes', chart.notes ?? '—'],
  ];
  return (
    <Paper withBorder p="lg" component="section" aria-label={props.title}>
      <Title order={4} mb="md">
        {props.title}
      </Title>
      <Stack gap="md">
        <div style={{ maxWidth: 360 }}>
          <ZoneMap
            map={map}
            depths={Object.fromEntries(chart.zones.map((z) => [z.zone, z.depthMm]))}
            ranges={Object.fromEntries(props.treatment.zones.map((z) => [z.zone, z]))}
            selected={new Set()}
          />
        </div>
        <Table aria-label={`${props.title}: zones`} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Zone</Table.Th>
              <Table.Th>Depth</Table.Th>
              <Table.Th>Passes</Table.Th>
              <Table.Th>Technique</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {chart.zones.map((z) => {
              const was = before.get(z.zone);
              const changed =
                props.compareTo && (!was || was.depthMm !== z.depthMm || was.passes !== z.passes);
              return (
                <Table.Tr
                  key={z.zone}
                  data-changed={changed || undefined}
                  style={changed ? { fontWeight: 600 } : undefined}
                >
                  <Table.Td>{label(z.zone)}</Table.Td>
                  <Table.Td>
                    {z.depthMm} mm{changed && was ? ` (was ${was.depthMm} mm)` : ''}
                  </Table.Td>
                  <Table.Td>{z.passes ?? '—'}</Table.Td>
                  <Table.Td>{z.technique ?? '—'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <dl
          style={{ display: 'grid', gridTemplateColumns: '140px 1fr', rowGap: 6, columnGap: 12, margin: 0 }}
        >
          {rows.map(([k, v]) => (
            <FactRow key={k} label={k} value={v} />
          ))}
        </dl>
        <Text size="xs" c="dimmed">
          Session started {formatDateTime(chart.startedAt)}
        </Text>
      </Stack>
    </Paper>
  );
}

function FactRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap' }}>
        {value}
      </Text>
    </>
  );
}
