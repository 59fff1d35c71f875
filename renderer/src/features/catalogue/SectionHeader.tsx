import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The title band of a catalogue section: what it holds, and its add action on the right. */
export function SectionHeader(props: { id: string; title: string; description: string; action?: ReactNode }) {
  return (
    <Group
      justify="space-between"
      align="flex-start"
      wrap="nowrap"
      p="lg"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Stack gap={4} maw={720}>
        <Title order={3} size="h4" id={props.id}>
          {props.title}
        </Title>
        <Text size="sm" c="dimmed">
          {props.description}
        </Text>
      </Stack>
      {props.action}
    </Group>
  );
}
