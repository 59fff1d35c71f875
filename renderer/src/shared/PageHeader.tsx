import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The top band of every screen: title, a line of context, and the screen's main actions on the right. */
export function PageHeader(props: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  badges?: ReactNode;
}) {
  return (
    <Group
      justify="space-between"
      align="flex-start"
      wrap="nowrap"
      px="xl"
      pt="lg"
      pb="md"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Stack gap={4} style={{ minWidth: 0 }}>
        <Group gap="sm" wrap="nowrap">
          <Title order={2} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {props.title}
          </Title>
          {props.badges}
        </Group>
        {props.subtitle && (
          <Text c="dimmed" size="sm" component="div">
            {props.subtitle}
          </Text>
        )}
      </Stack>
      {props.actions && (
        <Group gap="sm" wrap="nowrap">
          {props.actions}
        </Group>
      )}
    </Group>
  );
}
