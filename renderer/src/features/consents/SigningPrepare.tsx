import type { Client, ConsentTemplateFamily } from '@contract';
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconHandStop, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDate } from '../clients/format';
import { KIND_LABELS } from './consentFormat';

/**
 * The practitioner's step before handing the screen over: who is the practitioner (named on the form), and
 * a last check that this is the right client and form.
 */
export function SigningPrepare(props: {
  client: Client;
  family: ConsentTemplateFamily;
  practitioner: string;
  preparing: boolean;
  error: string | null;
  onPrepare: (practitioner: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(props.practitioner);
  const [missing, setMissing] = useState(false);
  const { client, family } = props;
  return (
    <Stack gap="lg" maw={620} mx="auto">
      <div>
        <Title order={1} size="h2" tabIndex={-1} data-step-heading>
          Prepare the form
        </Title>
        <Text c="dimmed" mt={4}>
          Check the client and the form, then hand the screen to the client. Leaving signing mode will need
          you again.
        </Text>
      </div>
      <Paper withBorder p="lg">
        <dl className="facts-grid">
          <Text component="dt" c="dimmed" size="sm">
            Client
          </Text>
          <Text component="dd" fw={600}>
            {client.firstName} {client.lastName}
            {client.dateOfBirth && (
              <Text span c="dimmed" fw={400}>
                {' '}
                · born {formatDate(client.dateOfBirth)}
              </Text>
            )}
          </Text>
          <Text component="dt" c="dimmed" size="sm">
            Form
          </Text>
          <Text component="dd" fw={600}>
            {family.current.title}
            <Text span c="dimmed" fw={400}>
              {' '}
              · version {family.current.version} · {KIND_LABELS[family.kind]}
            </Text>
          </Text>
        </dl>
      </Paper>
      {family.retiredAt && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconInfoCircle size={18} />}
          title="This form is retired"
        >
          It is no longer offered for new consents. Restore it under Consent forms to use it.
        </Alert>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) {
            setMissing(true);
            return;
          }
          props.onPrepare(name.trim());
        }}
      >
        <Stack gap="md">
          <TextInput
            label="Practitioner"
            description="Named on the form and countersigns after the client"
            withAsterisk
            size="md"
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? 'Enter the practitioner’s name' : props.error}
            data-autofocus
          />
          <Group justify="space-between">
            <Button
              variant="default"
              size="md"
              leftSection={<IconArrowLeft size={18} />}
              onClick={props.onCancel}
            >
              Cancel
            </Button>
            <Button
              type="submit"
              size="md"
              leftSection={<IconHandStop size={18} />}
              loading={props.preparing}
              disabled={Boolean(family.retiredAt)}
            >
              Hand the screen to the client
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
