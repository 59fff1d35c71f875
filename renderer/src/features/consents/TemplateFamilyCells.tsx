import { Group, Table, Text } from '@mantine/core';
import { IconEye, IconPencil } from '@tabler/icons-react';
import { RetireAction, RetiredBadge, RowAction } from '../catalogue/catalogueUi';
import { formatDate } from '../clients/format';

/** What the template tables (consent forms, aftercare sheets) show of a family of versions. */
export interface FamilyRow {
  id: string;
  code: string;
  title: string;
  retiredAt: string | null;
  current: { version: number; createdAt: string };
  versions: unknown[];
}

/** The title with its code underneath, and a Retired badge when it is. */
export function FamilyTitleCell({ family }: { family: FamilyRow }) {
  const retired = Boolean(family.retiredAt);
  return (
    <Table.Td>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" fw={500} c={retired ? 'dimmed' : undefined}>
          {family.title}
        </Text>
        {retired && <RetiredBadge />}
      </Group>
      <Text size="xs" c="dimmed">
        {family.code}
      </Text>
    </Table.Td>
  );
}

/** "Version 3", with its date and how many versions there are. */
export function FamilyVersionCell({ family }: { family: FamilyRow }) {
  return (
    <Table.Td>
      <Text size="sm">Version {family.current.version}</Text>
      <Text size="xs" c="dimmed">
        {formatDate(family.current.createdAt)}
        {family.versions.length > 1 && ` · ${family.versions.length} versions`}
      </Text>
    </Table.Td>
  );
}

/** View versions, edit (a new version; not while retired), retire or restore. */
export function FamilyActionsCell(props: {
  family: FamilyRow;
  pending: boolean;
  onView: () => void;
  onEdit: () => void;
  onToggleRetired: () => void;
}) {
  const { family } = props;
  const retired = Boolean(family.retiredAt);
  return (
    <Table.Td>
      <Group gap={2} justify="flex-end" wrap="nowrap">
        <RowAction
          label={`View ${family.title}`}
          tooltip="View versions"
          icon={<IconEye size={18} />}
          onClick={props.onView}
        />
        <RowAction
          label={`Edit ${family.title}`}
          tooltip="Edit (new version)"
          icon={<IconPencil size={18} />}
          disabled={retired}
          onClick={props.onEdit}
        />
        <RetireAction
          name={family.title}
          retired={retired}
          loading={props.pending}
          onToggle={props.onToggleRetired}
        />
      </Group>
    </Table.Td>
  );
}
