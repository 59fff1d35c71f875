import type { Session } from '@contract';
import { Badge, Group } from '@mantine/core';

export function SessionStatusBadge({ status, amended }: { status: Session['status']; amended: boolean }) {
  return (
    <Group gap={4} wrap="nowrap">
      {status === 'signed' && <Badge variant="light">Signed</Badge>}
      {status === 'draft' && (
        <Badge variant="light" color="blue">
          Draft
        </Badge>
      )}
      {status === 'stopped' && (
        <Badge variant="light" color="red">
          Stopped at screening
        </Badge>
      )}
      {amended && (
        <Badge variant="outline" color="gray">
          Amended
        </Badge>
      )}
    </Group>
  );
}
