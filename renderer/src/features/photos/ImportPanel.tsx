import { PHASES, type Phase, POSES, type Pose } from '@contract';
import {
  Button,
  CloseButton,
  Group,
  List,
  Paper,
  Progress,
  ScrollArea,
  Select,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconCopy,
  IconFileOff,
  IconFolderOpen,
  IconUpload,
} from '@tabler/icons-react';
import { useId } from 'react';
import type { BatchTags, ImportSummary } from './photoImport';
import { NOT_A_PHOTO_REASON, summaryText } from './photoImport';
import { PHASE_LABELS, POSE_LABELS } from './photosGrouping';
import type { ImportProgress } from './useImportQueue';

export interface Option {
  value: string;
  label: string;
}

export const PHASE_OPTIONS: Option[] = PHASES.map((value) => ({ value, label: PHASE_LABELS[value] }));
export const POSE_OPTIONS: Option[] = POSES.map((value) => ({ value, label: POSE_LABELS[value] }));

/** "Tag the batch" (phase, pose, session for every file of the next import) and the Import button. */
export function ImportBar(props: {
  tags: BatchTags;
  onTagsChange: (tags: BatchTags) => void;
  sessionOptions: Option[];
  archived: boolean;
  onChoose: () => void;
  /** Opens the folder chooser: every photo in a folder and its subfolders (a camera card). */
  onChooseFolder: () => void;
}) {
  const { tags, onTagsChange, archived } = props;
  const titleId = useId();
  return (
    <Paper withBorder p="sm" radius="md">
      <Group align="flex-end" gap="sm" wrap="wrap" role="group" aria-labelledby={titleId}>
        <Stack gap={2} mr="xs" style={{ alignSelf: 'center' }}>
          <Text id={titleId} fw={600} size="sm">
            Tag the batch
          </Text>
          <Text size="xs" c="dimmed">
            Optional: applied to every photo in the next import
          </Text>
        </Stack>
        <Select
          label="Batch phase"
          placeholder="Not set"
          size="sm"
          w={140}
          clearable
          disabled={archived}
          data={PHASE_OPTIONS}
          value={tags.phase}
          onChange={(v) => onTagsChange({ ...tags, phase: (v as Phase | null) ?? null })}
        />
        <Select
          label="Batch pose"
          placeholder="Not set"
          size="sm"
          w={150}
          clearable
          disabled={archived}
          data={POSE_OPTIONS}
          value={tags.pose}
          onChange={(v) => onTagsChange({ ...tags, pose: (v as Pose | null) ?? null })}
        />
        <Select
          label="Batch session"
          placeholder={props.sessionOptions.length ? 'Not linked' : 'No sessions yet'}
          size="sm"
          w={260}
          clearable
          searchable
          disabled={archived || props.sessionOptions.length === 0}
          data={props.sessionOptions}
          comboboxProps={{ width: 320, position: 'bottom-start' }}
          value={tags.sessionId}
          onChange={(v) => onTagsChange({ ...tags, sessionId: v ?? null })}
          nothingFoundMessage="No matching session"
        />
        <Group gap="xs" ml="auto" wrap="nowrap">
          <Button leftSection={<IconUpload size={16} />} disabled={archived} onClick={props.onChoose}>
            Import photos
          </Button>
          <Button
            variant="default"
            leftSection={<IconFolderOpen size={16} />}
            disabled={archived}
            onClick={props.onChooseFolder}
          >
            Import folder…
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed" mt={6}>
        {archived
          ? 'Restore the client to import or re-tag photos.'
          : 'You can also drop photos, or whole folders of them, anywhere on this tab.'}
      </Text>
    </Paper>
  );
}

/** "Importing 3 of 12": a determinate progress bar over the files of the batch. */
export function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const label = `Importing ${progress.current} of ${progress.total}`;
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" wrap="nowrap" mb={6} gap="md">
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {label}
        </Text>
        <Text size="xs" c="dimmed" truncate="end" title={progress.fileName}>
          {progress.fileName}
        </Text>
      </Group>
      <Progress.Root
        size="md"
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-valuetext={label}
      >
        <Progress.Section value={percent} withAria={false} />
      </Progress.Root>
    </Paper>
  );
}

/** What happened to each file: the success count, duplicates, and each failure with its reason. */
export function ImportResults(props: { summary: ImportSummary; busy: boolean; onDismiss: () => void }) {
  const { summary } = props;
  const ok = summary.failures.length === 0;
  return (
    <Paper withBorder p="sm" radius="md" role="region" aria-label="Import results">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon size="sm" radius="xl" variant="light" color={ok ? undefined : 'red'} aria-hidden>
            {ok ? <IconCheck size={14} /> : <IconAlertTriangle size={14} />}
          </ThemeIcon>
          <Text size="sm" fw={600}>
            {summaryText(summary)}
          </Text>
        </Group>
        {!props.busy && (
          <CloseButton size="sm" aria-label="Dismiss import results" onClick={props.onDismiss} />
        )}
      </Group>
      {summary.failures.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs" id="photo-import-failures">
            Could not be imported
          </Text>
          <ScrollArea.Autosize mah={132} type="auto" offsetScrollbars>
            <List size="sm" spacing={2} aria-labelledby="photo-import-failures" listStyleType="none">
              {summary.failures.map((f, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows; names can repeat
                <List.Item key={i} icon={<IconAlertTriangle size={14} aria-hidden />}>
                  <Text span size="sm" fw={500}>
                    {f.fileName}
                  </Text>
                  <Text span size="sm" c="dimmed">
                    {' '}
                    — {f.reason}
                  </Text>
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
        </>
      )}
      {summary.duplicates.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs" id="photo-import-duplicates">
            Skipped as duplicates
          </Text>
          <ScrollArea.Autosize mah={96} type="auto" offsetScrollbars>
            <List size="sm" spacing={2} aria-labelledby="photo-import-duplicates" listStyleType="none">
              {summary.duplicates.map((name, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows; names can repeat
                <List.Item key={i} icon={<IconCopy size={14} aria-hidden />}>
                  <Text span size="sm" fw={500}>
                    {name}
                  </Text>
                  <Text span size="sm" c="dimmed">
                    {' '}
                    — already in this client's photos
                  </Text>
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
        </>
      )}
      {summary.skipped.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs" id="photo-import-skipped">
            Skipped from the folder
          </Text>
          <Text size="xs" c="dimmed">
            {NOT_A_PHOTO_REASON}
          </Text>
          <ScrollArea.Autosize mah={96} type="auto" offsetScrollbars>
            <List size="sm" spacing={2} aria-labelledby="photo-import-skipped" listStyleType="none">
              {summary.skipped.map((f, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows; names can repeat
                <List.Item key={i} icon={<IconFileOff size={14} aria-hidden />}>
                  <Text span size="sm">
                    {f.fileName}
                  </Text>
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
        </>
      )}
    </Paper>
  );
}
