import { Button, Group, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconHeading, IconList, IconPilcrow, IconSquareCheck } from '@tabler/icons-react';
import { BLOCK_LABELS, type BlockType, type EditorValues, newBlock } from './templateEditorModel';

const ADD: { type: BlockType; icon: typeof IconHeading }[] = [
  { type: 'heading', icon: IconHeading },
  { type: 'paragraph', icon: IconPilcrow },
  { type: 'list', icon: IconList },
  { type: 'acknowledgement', icon: IconSquareCheck },
];

/** Adds a block at the end of the form, and puts the cursor in it. */
export function AddBlockBar({ form }: { form: UseFormReturnType<EditorValues> }) {
  const add = (type: BlockType) => {
    const index = form.values.blocks.length;
    form.insertListItem('blocks', newBlock(type, form.values.blocks));
    setTimeout(() => {
      const field = document.querySelector<HTMLElement>(
        `[data-block="${index}"] textarea, [data-block="${index}"] input`,
      );
      field?.focus();
      field?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }, 0);
  };
  return (
    <Group gap="xs" mt="md" pt="md" style={{ borderTop: '1px dashed var(--mantine-color-default-border)' }}>
      <Text size="sm" c="dimmed" mr={4}>
        Add:
      </Text>
      {ADD.map(({ type, icon: Icon }) => (
        <Button
          key={type}
          variant="default"
          size="xs"
          leftSection={<Icon size={14} />}
          onClick={() => add(type)}
          aria-label={`Add ${type === 'acknowledgement' ? 'an' : 'a'} ${BLOCK_LABELS[type].toLowerCase()}`}
        >
          {BLOCK_LABELS[type]}
        </Button>
      ))}
    </Group>
  );
}
