import { Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState(props: {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Stack align="center" justify="center" gap="sm" py={64} px="md" ta="center" style={{ flex: 1 }}>
      <ThemeIcon size={56} radius="xl" variant="light">
        {props.icon}
      </ThemeIcon>
      <Title order={3}>{props.title}</Title>
      {props.children && (
        <Text c="dimmed" maw={460}>
          {props.children}
        </Text>
      )}
      {props.action}
    </Stack>
  );
}
