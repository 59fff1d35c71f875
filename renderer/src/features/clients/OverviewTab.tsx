import { type ClientDetail, FITZPATRICK_DESCRIPTIONS, SKIN_CONCERN_LABELS } from '@contract';
import { Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ConsentSummaryCard } from '../consents/ConsentSummaryCard';
import { AlertList } from './AlertList';
import { fitzpatrickText, formatDate, formatDateTime, SEX_LABELS } from './format';

export function OverviewTab({ detail }: { detail: ClientDetail }) {
  const c = detail.client;
  const address = [
    c.address.line1,
    c.address.line2,
    c.address.city,
    c.address.region,
    c.address.postcode,
    c.address.country,
  ]
    .filter(Boolean)
    .join(', ');
  const emergency = [
    c.emergencyContact.name,
    c.emergencyContact.relationship && `(${c.emergencyContact.relationship})`,
    c.emergencyContact.phone,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <Grid p="xl" gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">
          <Card
            title="Alerts"
            aside={`History: ${detail.historyRecordedAt ? formatDate(detail.historyRecordedAt) : 'not recorded'}`}
          >
            <AlertList alerts={detail.alerts} />
          </Card>
          <Card title="Skin">
            <Facts>
              <Fact label="Fitzpatrick">
                {c.fitzpatrick
                  ? `${fitzpatrickText(c.fitzpatrick)} — ${FITZPATRICK_DESCRIPTIONS[c.fitzpatrick]}`
                  : 'Not assessed'}
              </Fact>
              <Fact label="Concerns">
                {c.skinConcerns.length ? (
                  <Group gap={6}>
                    {c.skinConcerns.map((s) => (
                      <Badge key={s} variant="light" color="gray">
                        {SKIN_CONCERN_LABELS[s]}
                      </Badge>
                    ))}
                  </Group>
                ) : (
                  '—'
                )}
              </Fact>
              <Fact label="Allergies">{c.allergies ?? 'None recorded'}</Fact>
              <Fact label="Medications">{c.medications ?? 'None recorded'}</Fact>
            </Facts>
          </Card>
          {c.notes && (
            <Card title="Notes">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.notes}
              </Text>
            </Card>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="lg">
          <ConsentSummaryCard clientId={c.id} />
          <Card title="Details">
            <Facts>
              <Fact label="Date of birth">{formatDate(c.dateOfBirth)}</Fact>
              <Fact label="Sex">{c.sex ? SEX_LABELS[c.sex] : '—'}</Fact>
              <Fact label="Pronouns">{c.pronouns ?? '—'}</Fact>
              <Fact label="Phone">{c.phone ?? '—'}</Fact>
              <Fact label="Email">{c.email ?? '—'}</Fact>
              <Fact label="Address">{address || '—'}</Fact>
              <Fact label="Emergency contact">{emergency || '—'}</Fact>
            </Facts>
          </Card>
          <Text size="xs" c="dimmed">
            Created {formatDateTime(c.createdAt)} · Updated {formatDateTime(c.updatedAt)}
            {c.archivedAt && ` · Archived ${formatDateTime(c.archivedAt)}`}
          </Text>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function Card({ title, aside, children }: { title: string; aside?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Group justify="space-between" mb="md">
        <Title order={4}>{title}</Title>
        {aside && (
          <Text size="xs" c="dimmed">
            {aside}
          </Text>
        )}
      </Group>
      {children}
    </Paper>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: '150px 1fr', rowGap: 10, columnGap: 16, margin: 0 }}>
      {children}
    </dl>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </>
  );
}
