import { type ConsentRecord, SCOPE_LABELS } from '@contract';
import { Button, Code, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconCircleCheck } from '@tabler/icons-react';
import { formatDate, formatDateTime } from '../clients/format';

/** After sealing: what was recorded, and the way back to the client's page (or the session). */
export function SigningComplete(props: { record: ConsentRecord; backLabel: string; onBack: () => void }) {
  const { record } = props;
  return (
    <Stack align="center" gap="lg" ta="center" maw={640} mx="auto" py="xl">
      <ThemeIcon size={88} radius="xl" variant="light" color="clinic">
        <IconCircleCheck size={56} aria-hidden />
      </ThemeIcon>
      <div>
        <Title order={1} size="h2" tabIndex={-1} data-step-heading>
          Consent signed
        </Title>
        <Text size="lg" c="dimmed" mt={6}>
          Thank you, {record.clientName}. The signed form is stored and sealed.
        </Text>
      </div>
      <Paper withBorder p="lg" w="100%" ta="left">
        <dl className="facts-grid">
          <Text component="dt" c="dimmed" size="sm">
            Form
          </Text>
          <Text component="dd">
            {record.title}, version {record.templateVersion}
          </Text>
          <Text component="dt" c="dimmed" size="sm">
            Signed
          </Text>
          <Text component="dd">{formatDateTime(record.signedAt)}</Text>
          <Text component="dt" c="dimmed" size="sm">
            Valid until
          </Text>
          <Text component="dd">{record.validUntil ? formatDate(record.validUntil) : 'Until revoked'}</Text>
          {record.photoScope && (
            <>
              <Text component="dt" c="dimmed" size="sm">
                Photo use
              </Text>
              <Text component="dd">{SCOPE_LABELS[record.photoScope]}</Text>
            </>
          )}
          <Text component="dt" c="dimmed" size="sm">
            Seal (SHA-256)
          </Text>
          <Text component="dd">
            <Code style={{ wordBreak: 'break-all' }}>{record.seal}</Code>
          </Text>
        </dl>
      </Paper>
      <Button size="lg" rightSection={<IconArrowRight size={20} />} onClick={props.onBack} data-autofocus>
        {props.backLabel}
      </Button>
    </Stack>
  );
}
