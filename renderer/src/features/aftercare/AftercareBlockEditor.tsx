import { AFTERCARE_PLACEHOLDERS, type AftercareBlock } from '@contract';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { PlaceholderField } from '../consents/PlaceholderField';
import { AFTERCARE_BLOCK_LABELS } from './aftercareEditorModel';

/** One block of an aftercare template being edited; errors are keyed by path inside the block. */
export function AftercareBlockEditor(props: {
  block: AftercareBlock;
  index: number;
  count: number;
  errors: Record<string, string>;
  onChange: (block: AftercareBlock) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { block, index, errors } = props;
  const label = AFTERCARE_BLOCK_LABELS[block.type];
  const name = `${label.toLowerCase()} ${index + 1}`;
  const field = (
    path: string,
    text: string,
    onText: (t: string) => void,
    multiline = false,
    fieldLabel = label,
  ) => (
    <PlaceholderField
      label={fieldLabel}
      hideLabel={fieldLabel === label}
      value={text}
      onChange={onText}
      error={errors[path]}
      multiline={multiline}
      placeholders={AFTERCARE_PLACEHOLDERS}
    />
  );

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="fieldset"
      aria-label={`Block ${index + 1}: ${label}`}
      style={{ margin: 0 }}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Badge variant="light" color={block.type === 'checklist' ? 'clinic' : 'gray'} radius="sm">
          {label}
        </Badge>
        <Group gap={2} wrap="nowrap">
          <Tooltip label="Move up" openDelay={300}>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move ${name} up`}
              disabled={index === 0}
              onClick={() => props.onMove(-1)}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Move down" openDelay={300}>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move ${name} down`}
              disabled={index === props.count - 1}
              onClick={() => props.onMove(1)}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Remove" openDelay={300}>
            <ActionIcon variant="subtle" color="red" aria-label={`Remove ${name}`} onClick={props.onRemove}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>

      {(block.type === 'heading' || block.type === 'paragraph') &&
        field('text', block.text, (text) => props.onChange({ ...block, text }), block.type === 'paragraph')}

      {block.type === 'list' && (
        <ItemList
          items={block.items}
          itemLabel={(i) => `Item ${i + 1} of ${name}`}
          errorAt={(i) => errors[`items.${i}`]}
          onChange={(items) => props.onChange({ ...block, items })}
          addLabel="Add item"
        />
      )}

      {block.type === 'checklist' && (
        <Stack gap="sm">
          {block.days.map((day, d) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the fields are controlled; a position is the item's only identity
            <Paper key={`day-${d}`} withBorder p="sm" radius="sm" bg="var(--mantine-color-default-hover)">
              <Group align="flex-end" wrap="nowrap" mb="xs">
                <TextInput
                  label={`Day ${d + 1} label`}
                  value={day.label}
                  error={errors[`days.${d}.label`]}
                  onChange={(e) => {
                    const days = block.days.map((x, j) =>
                      j === d ? { ...x, label: e.currentTarget.value } : x,
                    );
                    props.onChange({ ...block, days });
                  }}
                  style={{ flex: 1 }}
                />
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  disabled={block.days.length === 1}
                  onClick={() => props.onChange({ ...block, days: block.days.filter((_, j) => j !== d) })}
                >
                  Remove day
                </Button>
              </Group>
              <ItemList
                items={day.items}
                itemLabel={(i) => `Item ${i + 1} of ${day.label || `day ${d + 1}`}`}
                errorAt={(i) => errors[`days.${d}.items.${i}`]}
                onChange={(items) =>
                  props.onChange({
                    ...block,
                    days: block.days.map((x, j) => (j === d ? { ...x, items } : x)),
                  })
                }
                addLabel="Add tick box"
              />
            </Paper>
          ))}
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            style={{ alignSelf: 'flex-start' }}
            disabled={block.days.length >= 14}
            onClick={() =>
              props.onChange({
                ...block,
                days: [...block.days, { label: `Day ${block.days.length + 1}`, items: [''] }],
              })
            }
          >
            Add day
          </Button>
        </Stack>
      )}
      {errors[''] && (
        <Text size="xs" c="red.8" mt={4}>
          {errors['']}
        </Text>
      )}
    </Paper>
  );
}

function ItemList(props: {
  items: string[];
  itemLabel: (i: number) => string;
  errorAt: (i: number) => string | undefined;
  onChange: (items: string[]) => void;
  addLabel: string;
}) {
  return (
    <Stack gap={6}>
      {props.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the fields are controlled; a position is the item's only identity
        <Group key={`item-${i}`} gap={6} wrap="nowrap" align="flex-start">
          <PlaceholderField
            label={props.itemLabel(i)}
            hideLabel
            value={item}
            error={props.errorAt(i)}
            onChange={(text) => props.onChange(props.items.map((x, j) => (j === i ? text : x)))}
            placeholders={AFTERCARE_PLACEHOLDERS}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            mt={4}
            aria-label={`Remove ${props.itemLabel(i).toLowerCase()}`}
            disabled={props.items.length === 1}
            onClick={() => props.onChange(props.items.filter((_, j) => j !== i))}
          >
            <IconX size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="xs"
        leftSection={<IconPlus size={14} />}
        style={{ alignSelf: 'flex-start' }}
        onClick={() => props.onChange([...props.items, ''])}
      >
        {props.addLabel}
      </Button>
    </Stack>
  );
}
