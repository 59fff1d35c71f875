import type { Adjustment, Photo, SessionSummary } from '@contract';
import {
  ActionIcon,
  Box,
  Button,
  Group,
  Menu,
  Modal,
  SegmentedControl,
  Select,
  Slider,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconArrowsLeftRight, IconChevronDown, IconFileExport, IconPhoto } from '@tabler/icons-react';
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { EmptyState } from '../../shared/EmptyState';
import {
  type AlignControls,
  CompareOverlay,
  type ComparePanePhoto,
  CompareSideBySide,
  CompareSlider,
} from './ComparePanes';
import {
  COMPARE_USES,
  type CompareUse,
  defaultPair,
  exportBlockReason,
  paneCaption,
  photoOptions,
} from './compareDefaults';
import { saveAdjustment } from './saveAdjustment';

export type CompareMode = 'side' | 'slider' | 'overlay';

const MODES: { value: CompareMode; label: string }[] = [
  { value: 'side', label: 'Side by side' },
  { value: 'slider', label: 'Slider' },
  { value: 'overlay', label: 'Overlay' },
];

export interface CompareViewProps {
  /** The client's photos. */
  photos: Photo[];
  /** The client's sessions, for ordering photos and the "Session 1 of 4" captions. */
  sessions: SessionSummary[];
  /** The pair to open with; otherwise the default before/after pair (see defaultPair). */
  initial?: [Photo, Photo] | null;
  onClose: () => void;
  /** Export the comparison for a use both photos' consent allows (done by core; nothing is faked here). */
  onExport?: (earlier: Photo, later: Photo, use: CompareUse) => void;
  /** An archived client: look and export, but no aligning. */
  readOnly?: boolean;
}

/**
 * Full-screen comparison of two of a client's photos: side by side with synced zoom and pan, a wipe
 * slider, or an overlay with adjustable opacity, where the later photo can be aligned to the earlier one.
 * Escape closes it (or, while aligning, cancels the alignment).
 */
export function CompareView(props: CompareViewProps) {
  const { sessions } = props;
  // Photos adjusted here, shown as saved without reloading the list.
  const [saved, setSaved] = useState<Record<string, Photo>>({});
  const photos = useMemo(() => props.photos.map((p) => saved[p.id] ?? p), [props.photos, saved]);
  const [aligning, setAligning] = useState(false);
  const [start] = useState(() => props.initial ?? defaultPair(photos, sessions));
  const [earlierId, setEarlierId] = useState<string | null>(start?.[0].id ?? null);
  const [laterId, setLaterId] = useState<string | null>(start?.[1].id ?? null);
  const [mode, setMode] = useState<CompareMode>('side');
  const [opacity, setOpacity] = useState(50);
  const viewLabelId = useId();
  useFocusReturnOnUnmount();

  const options = useMemo(() => photoOptions(photos, sessions), [photos, sessions]);
  const earlier = photos.find((p) => p.id === earlierId) ?? null;
  const later = photos.find((p) => p.id === laterId) ?? null;
  const align: AlignControls = {
    active: aligning,
    allowed: !props.readOnly,
    onStart: () => setAligning(true),
    onCancel: () => setAligning(false),
    onSave: async (adjustment: Adjustment) => {
      if (!later) return;
      const updated = await saveAdjustment(later, adjustment);
      if (!updated) return;
      setSaved((s) => ({ ...s, [updated.id]: updated }));
      setAligning(false);
    },
  };
  const labelOf = (p: Photo) => options.find((o) => o.value === p.id)?.label ?? '';
  const pane = (p: Photo, role: 'Earlier' | 'Later'): ComparePanePhoto => ({
    photo: p,
    caption: paneCaption(p, sessions),
    alt: `${role} photo: ${labelOf(p)}`,
  });

  const opacityControl = (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }} aria-hidden>
        Overlay opacity
      </Text>
      <Slider
        w={200}
        min={0}
        max={100}
        step={5}
        value={opacity}
        onChange={setOpacity}
        label={(v) => `${v}%`}
        thumbLabel="Overlay opacity"
        thumbValueText={(v) => `${v}%`}
      />
    </Group>
  );

  let content: ReactNode;
  if (photos.length < 2) {
    content = (
      <EmptyState icon={<IconPhoto size={28} aria-hidden />} title="Not enough photos">
        Comparing needs at least two photos of this client.
      </EmptyState>
    );
  } else if (!earlier || !later) {
    content = (
      <EmptyState icon={<IconPhoto size={28} aria-hidden />} title="Choose two photos">
        Pick an earlier and a later photo above to compare them.
      </EmptyState>
    );
  } else if (mode === 'side') {
    content = <CompareSideBySide earlier={pane(earlier, 'Earlier')} later={pane(later, 'Later')} />;
  } else if (mode === 'slider') {
    content = <CompareSlider earlier={pane(earlier, 'Earlier')} later={pane(later, 'Later')} />;
  } else {
    content = (
      <CompareOverlay
        earlier={pane(earlier, 'Earlier')}
        later={pane(later, 'Later')}
        opacity={opacity}
        opacityControl={opacityControl}
        align={align}
      />
    );
  }

  return (
    <Modal
      opened
      onClose={props.onClose}
      fullScreen
      title="Compare photos"
      closeOnEscape={!aligning}
      styles={{
        title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' },
        content: { display: 'flex', flexDirection: 'column' },
        body: {
          flex: 1,
          minHeight: 0,
          display: 'flex',
          flexDirection: 'column',
          gap: 'var(--mantine-spacing-md)',
        },
      }}
    >
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label="Earlier photo"
          placeholder="Choose a photo"
          data={options.map((o) => ({ ...o, disabled: o.value === laterId }))}
          value={earlierId}
          onChange={setEarlierId}
          disabled={aligning}
          allowDeselect={false}
          checkIconPosition="right"
          maxDropdownHeight={320}
          w={300}
        />
        <Tooltip label="Swap photos">
          <ActionIcon
            variant="default"
            size={36}
            aria-label="Swap earlier and later photos"
            disabled={aligning || (!earlierId && !laterId)}
            onClick={() => {
              setEarlierId(laterId);
              setLaterId(earlierId);
            }}
          >
            <IconArrowsLeftRight size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Select
          label="Later photo"
          placeholder="Choose a photo"
          data={options.map((o) => ({ ...o, disabled: o.value === earlierId }))}
          value={laterId}
          onChange={setLaterId}
          disabled={aligning}
          allowDeselect={false}
          checkIconPosition="right"
          maxDropdownHeight={320}
          w={300}
        />
        <Stack gap={4}>
          <Text id={viewLabelId} size="sm" fw={500}>
            View
          </Text>
          <SegmentedControl
            aria-labelledby={viewLabelId}
            data={MODES}
            value={mode}
            disabled={aligning}
            onChange={(v) => setMode(v as CompareMode)}
          />
        </Stack>
        <Box ml="auto">
          <ExportMenu earlier={earlier} later={later} onExport={props.onExport} busy={aligning} />
        </Box>
      </Group>
      {content}
    </Modal>
  );
}

/** The export menu: a use is offered only when both photos' consent allows it, and otherwise says why not. */
function ExportMenu(props: {
  earlier: Photo | null;
  later: Photo | null;
  onExport: CompareViewProps['onExport'];
  /** Aligning: the export would not include the alignment being made. */
  busy?: boolean;
}) {
  const { earlier, later, onExport } = props;
  const idBase = useId();
  if (!earlier || !later || !onExport || props.busy) {
    const why = props.busy
      ? 'Save or cancel the alignment first'
      : onExport
        ? 'Choose two photos first'
        : 'Export is not available yet';
    return (
      <Tooltip label={why}>
        <Button
          variant="default"
          leftSection={<IconFileExport size={18} aria-hidden />}
          data-disabled
          aria-disabled
          onClick={(e) => e.preventDefault()}
        >
          Export comparison
        </Button>
      </Tooltip>
    );
  }
  return (
    <Menu position="bottom-end" width={300} withinPortal={false} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconFileExport size={18} aria-hidden />}
          rightSection={<IconChevronDown size={16} aria-hidden />}
        >
          Export comparison
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Export for</Menu.Label>
        {COMPARE_USES.map((use) => {
          const reason = exportBlockReason(earlier, later, use.value);
          if (!reason) {
            return (
              <Menu.Item key={use.value} onClick={() => onExport(earlier, later, use.value)}>
                {use.label}
              </Menu.Item>
            );
          }
          const reasonId = `${idBase}-${use.value}`;
          // A disabled button gets no pointer events, so the tooltip hangs on a wrapper. The reason is also
          // written in the item (full opacity, so it stays readable) and is its accessible description.
          return (
            <Tooltip key={use.value} label={reason} position="left" multiline w={260}>
              <div>
                <Menu.Item disabled aria-describedby={reasonId} style={{ opacity: 1 }}>
                  <Text component="span" size="sm" display="block" c="var(--mantine-color-disabled-color)">
                    {use.label}
                  </Text>
                  <Text component="span" id={reasonId} size="xs" c="dimmed" display="block" aria-hidden>
                    {reason}
                  </Text>
                </Menu.Item>
              </div>
            </Tooltip>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * The view is shown by mounting it and hidden by unmounting it, so Mantine's own focus return (which
 * follows `opened` changing) never runs: put focus back on whatever opened the view once it is gone.
 */
function useFocusReturnOnUnmount() {
  const opener = useRef<Element | null>(typeof document === 'undefined' ? null : document.activeElement);
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    const target = opener.current;
    return () => {
      mounted.current = false;
      // Deferred, and only if still unmounted: a development double mount must not steal focus.
      window.setTimeout(() => {
        if (!mounted.current && target instanceof HTMLElement && target.isConnected) {
          target.focus({ preventScroll: true });
        }
      }, 0);
    };
  }, []);
}
