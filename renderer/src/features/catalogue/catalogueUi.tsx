import type { Batch, Catalogue, DeviceKind, ExpiryStatus, ProductKind, ZoneMapId } from '@contract';
import { ActionIcon, Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { api } from '../../api/api';
import { fieldErrors, showApiError } from '../../shared/showApiError';
import { useCatalogue } from './catalogueStore';

export const PRODUCT_KIND_LABELS: Record<ProductKind, string> = {
  serum: 'Serum',
  numbing: 'Numbing cream',
  'prp-kit': 'PRP kit',
  cartridge: 'Needle cartridge',
  other: 'Other',
};

export const DEVICE_KIND_LABELS: Record<DeviceKind, string> = {
  pen: 'Pen',
  roller: 'Roller',
  stamp: 'Stamp',
};

/** The zone map's full title, e.g. "Face, neck and décolleté — front view: the client's left is…". */
export function zoneMapTitle(catalogue: Catalogue, id: ZoneMapId): string {
  return catalogue.zoneMaps.find((m) => m.id === id)?.title ?? id;
}

/** The zone map's name without its viewing notes: "Face, neck and décolleté". */
export function zoneMapName(catalogue: Catalogue, id: ZoneMapId): string {
  return zoneMapTitle(catalogue, id).split(' — ')[0]!;
}

/** A lot that may still be chosen on a new chart: not retired and not past its expiry date. */
export function isUsable(batch: Batch): boolean {
  return !batch.retiredAt && batch.expiry !== 'expired';
}

/** Active entries first (alphabetical, as the catalogue already is), retired ones last. */
export function activeFirst<T extends { retiredAt: string | null }>(list: T[]): T[] {
  return [...list.filter((x) => !x.retiredAt), ...list.filter((x) => x.retiredAt)];
}

/**
 * Field errors from a failed save, keyed the way the modal forms name their fields. Payload validation
 * reports "fields.lotNumber"; domain rules report "lotNumber": both land on the same input.
 */
export function serverFieldErrors(error: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors(error)).map(([path, message]) => [path.replace(/^fields\./, ''), message]),
  );
}

/** Store the fresh catalogue for the charting screens and confirm the save. */
export function applyCatalogue(catalogue: Catalogue, message: string, title = 'Saved') {
  useCatalogue.getState().set(catalogue);
  notifications.show({ color: 'teal', title, message });
}

/**
 * Orange badges for "expires soon": Mantine's light orange fails WCAG AA for small text, so the label is
 * drawn in a darker orange (and a pale one in dark mode).
 */
export const WARNING_BADGE_TEXT = 'light-dark(#9a3412, var(--mantine-color-orange-2))';

const EXPIRY: Record<ExpiryStatus, { label: string; color: string; text?: string }> = {
  expired: { label: 'Expired', color: 'red' },
  expiring: { label: 'Expires soon', color: 'orange', text: WARNING_BADGE_TEXT },
  ok: { label: 'OK', color: 'clinic' },
};

export function ExpiryBadge({ status }: { status: ExpiryStatus }) {
  const { label, color, text } = EXPIRY[status];
  return (
    <Badge color={color} variant="light" radius="sm" c={text}>
      {label}
    </Badge>
  );
}

/** An empty cell. */
export function Dash() {
  return (
    <Text span size="sm" c="dimmed">
      —
    </Text>
  );
}

export function RetiredBadge() {
  return (
    <Badge color="gray" variant="light" radius="sm">
      Retired
    </Badge>
  );
}

/** An icon-only row action: the tooltip shows its name, the aria-label names it and its row. */
export function RowAction(props: {
  label: string;
  tooltip: string;
  icon: ReactNode;
  onClick: () => void;
  loading?: boolean;
  disabled?: boolean;
  /** For a disclosure button: whether its panel is shown, and the panel's id. */
  expanded?: boolean;
  controls?: string | undefined;
}) {
  return (
    <Tooltip label={props.tooltip} openDelay={300}>
      <ActionIcon
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={props.label}
        loading={props.loading}
        disabled={props.disabled}
        aria-expanded={props.expanded}
        aria-controls={props.controls}
        onClick={(event) => {
          event.stopPropagation();
          props.onClick();
        }}
      >
        {props.icon}
      </ActionIcon>
    </Tooltip>
  );
}

export type RetireKind = 'treatmentType' | 'device' | 'product' | 'batch';

/** Retire or restore a catalogue entry; `pending` is the id being changed, for the button's spinner. */
export function useRetire() {
  const [pending, setPending] = useState<string | null>(null);
  const toggle = async (kind: RetireKind, id: string, retired: boolean, name: string) => {
    setPending(id);
    try {
      const catalogue = await api.catalogue.setRetired({ kind, id, retired });
      applyCatalogue(
        catalogue,
        retired
          ? `${name} is retired: past charts keep it, new charts no longer offer it.`
          : `${name} is offered on new charts again.`,
        retired ? 'Retired' : 'Restored',
      );
    } catch (error) {
      showApiError(error, retired ? `${name} was not retired` : `${name} was not restored`);
    } finally {
      setPending(null);
    }
  };
  return { pending, toggle };
}

/** Cancel and submit, at the foot of every catalogue modal form. */
export function FormActions(props: { saving: boolean; onCancel: () => void; submitLabel: string }) {
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={props.onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={props.saving}>
        {props.submitLabel}
      </Button>
    </Group>
  );
}

/** Retire or restore a catalogue entry: the same button in every table. */
export function RetireAction(props: {
  name: string;
  retired: boolean;
  loading: boolean;
  onToggle: () => void;
}) {
  return (
    <RowAction
      label={`${props.retired ? 'Restore' : 'Retire'} ${props.name}`}
      tooltip={props.retired ? 'Restore' : 'Retire'}
      icon={props.retired ? <IconArchiveOff size={18} /> : <IconArchive size={18} />}
      loading={props.loading}
      onClick={props.onToggle}
    />
  );
}
