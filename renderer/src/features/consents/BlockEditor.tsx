import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  IconArrowDown,
  IconArrowUp,
  IconHeading,
  IconList,
  IconPilcrow,
  IconPlus,
  IconSquareCheck,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { PlaceholderField } from './PlaceholderField';
import { BLOCK_LABELS, type BlockType, type EditorValues } from './templateEditorModel';

const ICONS: Record<BlockType, typeof IconHeading> = {
  heading: IconHeading,
  paragraph: IconPilcrow,
  list: IconList,
  acknowledgement: IconSquareCheck,
};

/** One block of a template being edited: its text (or items, or acknowledgement), moved and removed by buttons. */
export function BlockEditor(props: { form: UseFormReturnType<EditorValues>; index: number }) {
  const { form, index } = props;
  const block = form.values.blocks[index]!;
  const count = form.values.blocks.length;
  const path = `blocks.${index}`;
  const label = BLOCK_LABELS[block.type];
  const Icon = ICONS[block.type];
  const name = `${label.toLowerCase()} ${index + 1}`;
  const error = (p: string) => form.errors[`${path}.${p}`] as string | undefined;

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="fieldset"
      aria-label={`Block ${index + 1}: ${label}`}
      data-block={index}
      style={{ margin: 0, minWidth: 0 }}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap={8}>
          <Text size="xs" c="dimmed" w={20} ta="right" aria-hidden>
            {index + 1}
          </Text>
          <Badge
            variant="light"
            color={block.type === 'acknowledgement' ? 'clinic' : 'gray'}
            radius="sm"
            leftSection={<Icon size={12} aria-hidden />}
          >
            {label}
          </Badge>
        </Group>
        <Group gap={2} wrap="nowrap">
          <Tooltip label="Move up" openDelay={300}>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move ${name} up`}
              disabled={index === 0}
              onClick={() => form.reorderListItem('blocks', { from: index, to: index - 1 })}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Move down" openDelay={300}>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move ${name} down`}
              disabled={index === count - 1}
              onClick={() => form.reorderListItem('blocks', { from: index, to: index + 1 })}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Remove" openDelay={300}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove ${name}`}
              disabled={count === 1}
              onClick={() => form.removeListItem('blocks', index)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>

      {(block.type === 'heading' || block.type === 'paragraph') && (
        <PlaceholderField
          label={`${label} ${index + 1}`}
          hideLabel
          multiline={block.type === 'paragraph'}
          value={block.text}
          onChange={(v) => form.setFieldValue(`${path}.text`, v)}
          error={error('text')}
          placeholder={block.type === 'heading' ? 'Heading' : 'Paragraph text'}
        />
      )}

      {block.type === 'acknowledgement' && (
        <Stack gap="xs">
          <PlaceholderField
            label={`Acknowledgement ${index + 1}`}
            hideLabel
            multiline
            value={block.text}
            onChange={(v) => form.setFieldValue(`${path}.text`, v)}
            error={error('text')}
            placeholder="A statement the client ticks to confirm"
          />
          <TextInput
            label="Reference"
            description="Names this box on signed records; keep it when rewording"
            size="xs"
            maw={360}
            {...form.getInputProps(`${path}.id`)}
          />
        </Stack>
      )}

      {block.type === 'list' && (
        <Stack gap={6}>
          {block.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place; their index is their identity
            <Group key={i} gap={6} wrap="nowrap" align="flex-start">
              <Text size="sm" c="dimmed" mt={6} aria-hidden>
                •
              </Text>
              <PlaceholderField
                label={`Item ${i + 1} of list ${index + 1}`}
                hideLabel
                value={item}
                onChange={(v) => form.setFieldValue(`${path}.items.${i}`, v)}
                error={error(`items.${i}`)}
                placeholder="List item"
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={4}
                aria-label={`Remove item ${i + 1} of list ${index + 1}`}
                disabled={block.items.length === 1}
                onClick={() => form.removeListItem(`${path}.items`, i)}
              >
                <IconX size={16} />
              </ActionIcon>
            </Group>
          ))}
          {error('items') && (
            <Text size="xs" c="var(--mantine-color-error)">
              {error('items')}
            </Text>
          )}
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem(`${path}.items`, '')}
            style={{ alignSelf: 'flex-start' }}
          >
            Add item
          </Button>
        </Stack>
      )}
    </Paper>
  );
}
