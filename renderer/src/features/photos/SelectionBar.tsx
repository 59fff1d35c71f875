import type { Phase, Pose } from '@contract';
import { Button, Group, Paper, Select, Text } from '@mantine/core';
import { IconArrowsLeftRight, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { type Option, PHASE_OPTIONS, POSE_OPTIONS } from './ImportPanel';

/** The "No …" choice in the bulk Selects: clears the tag (an empty Select means "keep as is"). */
const NONE = 'none';

export interface PhotoPatch {
  phase?: Phase | null;
  pose?: Pose | null;
  sessionId?: string | null;
}

export function buildPatch(choice: { phase: string | null; pose: string | null; session: string | null }) {
  const patch: PhotoPatch = {};
  if (choice.phase) patch.phase = choice.phase === NONE ? null : (choice.phase as Phase);
  if (choice.pose) patch.pose = choice.pose === NONE ? null : (choice.pose as Pose);
  if (choice.session) patch.sessionId = choice.session === NONE ? null : choice.session;
  return patch;
}

/** Floats over the bottom of the timeline while photos are selected: bulk tagging and Compare. */
export function SelectionBar(props: {
  count: number;
  sessionOptions: Option[];
  archived: boolean;
  /** Resolves true when the change was saved. */
  onApply: (patch: PhotoPatch) => Promise<boolean>;
  onClear: () => void;
  onCompare?: () => void;
}) {
  const [phase, setPhase] = useState<string | null>(null);
  const [pose, setPose] = useState<string | null>(null);
  const [session, setSession] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const patch = buildPatch({ phase, pose, session });
  const changes = Object.keys(patch).length;

  const apply = async () => {
    setSaving(true);
    const saved = await props.onApply(patch);
    setSaving(false);
    if (saved) {
      setPhase(null);
      setPose(null);
      setSession(null);
    }
  };

  return (
    <Paper
      withBorder
      shadow="md"
      radius="md"
      p="sm"
      role="region"
      aria-label="Selected photos"
      style={{ position: 'absolute', left: 16, right: 16, bottom: 12, zIndex: 2 }}
    >
      <Group gap="sm" wrap="wrap" align="flex-end">
        <Text fw={600} size="sm" aria-live="polite" style={{ whiteSpace: 'nowrap', alignSelf: 'center' }}>
          {props.count} selected
        </Text>
        <Select
          label="Set phase"
          placeholder="Keep as is"
          size="xs"
          w={130}
          clearable
          disabled={props.archived}
          data={[...PHASE_OPTIONS, { value: NONE, label: 'No phase' }]}
          value={phase}
          onChange={setPhase}
        />
        <Select
          label="Set pose"
          placeholder="Keep as is"
          size="xs"
          w={130}
          clearable
          disabled={props.archived}
          data={[...POSE_OPTIONS, { value: NONE, label: 'No pose' }]}
          value={pose}
          onChange={setPose}
        />
        <Select
          label="Set session"
          placeholder="Keep as is"
          size="xs"
          w={220}
          clearable
          searchable
          disabled={props.archived}
          data={[...props.sessionOptions, { value: NONE, label: 'No session' }]}
          comboboxProps={{ width: 320, position: 'top-start' }}
          value={session}
          onChange={setSession}
          nothingFoundMessage="No matching session"
        />
        <Button
          size="xs"
          style={{ flex: 'none' }}
          disabled={props.archived || changes === 0}
          loading={saving}
          onClick={apply}
        >
          Apply
        </Button>
        <Group gap="xs" wrap="nowrap" ml="auto">
          {props.onCompare && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconArrowsLeftRight size={14} />}
              disabled={props.count !== 2}
              title={
                props.count === 2
                  ? 'Compare the two photos side by side'
                  : 'Select exactly two photos to compare'
              }
              onClick={props.onCompare}
            >
              Compare
            </Button>
          )}
          <Button size="xs" variant="default" leftSection={<IconX size={14} />} onClick={props.onClear}>
            Clear selection
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
