import type { AftercareTemplateFamily } from '@contract';
import { Alert, Button, Group, Menu, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api/api';
import { fieldErrors, showApiError } from '../../shared/showApiError';
import { AftercareBlockEditor } from './AftercareBlockEditor';
import {
  AFTERCARE_BLOCK_LABELS,
  type AftercareBlockType,
  type EditorBlock,
  emptyBlock,
  move,
  toInput,
  withKey,
} from './aftercareEditorModel';

/** Errors under "fields.blocks.<i>." for block i, keyed by the rest of the path. */
function blockErrors(errors: Record<string, string>, index: number): Record<string, string> {
  const prefix = `fields.blocks.${index}`;
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
      .map(([path, message]) => [path.slice(prefix.length + 1), message]),
  );
}

/** Edit an aftercare template: saving adds a new version; sheets already printed keep theirs. */
export function AftercareEditorModal(props: {
  family: AftercareTemplateFamily | null;
  onClose: () => void;
  onSaved: (family: AftercareTemplateFamily) => void;
}) {
  return (
    <Modal
      opened={props.family !== null}
      onClose={props.onClose}
      title={props.family ? `Edit ${props.family.title}` : ''}
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
      scrollAreaComponent={ScrollArea.Autosize}
    >
      {props.family && <Editor family={props.family} onClose={props.onClose} onSaved={props.onSaved} />}
    </Modal>
  );
}

function Editor(props: {
  family: AftercareTemplateFamily;
  onClose: () => void;
  onSaved: (family: AftercareTemplateFamily) => void;
}) {
  const { family } = props;
  const [title, setTitle] = useState(family.current.title);
  const [blocks, setBlocks] = useState<EditorBlock[]>(() => family.current.blocks.map(withKey));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async () => {
    setSaving(true);
    try {
      const saved = await api.aftercare.saveTemplate({
        familyId: family.id,
        fields: toInput(family.code, title, blocks),
      });
      notifications.show({
        color: 'teal',
        title: 'Saved',
        message:
          saved.current.version === family.current.version
            ? 'Nothing had changed, so no new version was made.'
            : `${saved.title} is now version ${saved.current.version}.`,
      });
      props.onSaved(saved);
    } catch (e) {
      const found = fieldErrors(e);
      setErrors(found);
      // Field problems are shown on the fields (a toast would cover the buttons); anything else as a toast.
      setProblem(Object.keys(found).length ? (e as Error).message : null);
      if (!Object.keys(found).length) showApiError(e, 'The template was not saved');
    } finally {
      setSaving(false);
    }
  };

  const add = (type: AftercareBlockType) => setBlocks((list) => [...list, withKey(emptyBlock(type))]);

  return (
    <Stack gap="md">
      <Alert variant="light" icon={<IconInfoCircle />} p="sm">
        Saving makes version {family.current.version + 1}. Sheets already printed keep the version they were
        printed from. The session’s facts (areas, depths, products, next appointment) are added to every sheet
        automatically.
      </Alert>
      <TextInput
        label="Title"
        required
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors['fields.title']}
      />
      {errors['fields.blocks'] && (
        <Text size="sm" c="red.8">
          {errors['fields.blocks']}
        </Text>
      )}
      {blocks.map((b, i) => (
        <AftercareBlockEditor
          key={b.key}
          block={b.block}
          index={i}
          count={blocks.length}
          errors={blockErrors(errors, i)}
          onChange={(block) => {
            setBlocks((list) => list.map((x, j) => (j === i ? { ...x, block } : x)));
            // An edited block's old messages no longer apply.
            setErrors((all) =>
              Object.fromEntries(
                Object.entries(all).filter(([path]) => !path.startsWith(`fields.blocks.${i}`)),
              ),
            );
            setProblem(null);
          }}
          onMove={(step) => setBlocks((list) => move(list, i, step))}
          onRemove={() => setBlocks((list) => list.filter((_, j) => j !== i))}
        />
      ))}
      {problem && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} p="sm" role="alert">
          Not saved: {problem}
        </Alert>
      )}
      {/* The actions stay in view at the bottom of a long template. */}
      <Group justify="space-between" className="sticky-actions">
        <Menu position="top-start" withinPortal>
          <Menu.Target>
            <Button variant="default" leftSection={<IconPlus size={16} />}>
              Add block
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {(Object.keys(AFTERCARE_BLOCK_LABELS) as AftercareBlockType[]).map((type) => (
              <Menu.Item key={type} onClick={() => add(type)}>
                {AFTERCARE_BLOCK_LABELS[type]}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Group gap="sm">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button leftSection={<IconDeviceFloppy size={16} />} loading={saving} onClick={() => void save()}>
            Save new version
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
