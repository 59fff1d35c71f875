import { PLACEHOLDERS } from '@contract';
import { ActionIcon, Code, Menu, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconBraces } from '@tabler/icons-react';
import { useRef } from 'react';

/**
 * A text field of a template with a menu that inserts a {{placeholder}} at the cursor. The text stays plain
 * text: placeholders are filled in with plain text when a form is prepared.
 */
export function PlaceholderField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  multiline?: boolean;
  withAsterisk?: boolean;
  hideLabel?: boolean;
  placeholder?: string;
  onBlur?: () => void;
  /** The placeholders this kind of template knows, with their labels; consent forms' by default. */
  placeholders?: Readonly<Record<string, string>>;
}) {
  const known = props.placeholders ?? PLACEHOLDERS;
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  const insert = (name: string) => {
    const el = ref.current;
    const token = `{{${name}}}`;
    const start = el?.selectionStart ?? props.value.length;
    const end = el?.selectionEnd ?? props.value.length;
    props.onChange(props.value.slice(0, start) + token + props.value.slice(end));
    // Back in the field, just after the inserted placeholder.
    setTimeout(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    }, 0);
  };

  const menu = (
    <Menu position="bottom-end" withinPortal shadow="md" width={300}>
      <Menu.Target>
        <Tooltip label="Insert a placeholder" openDelay={300}>
          <ActionIcon variant="subtle" color="gray" aria-label={`Insert a placeholder into ${props.label}`}>
            <IconBraces size={16} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Filled in when the document is made</Menu.Label>
        {Object.entries(known).map(([name, label]) => (
          <Menu.Item key={name} onClick={() => insert(name)} rightSection={<Code>{`{{${name}}}`}</Code>}>
            {label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );

  const common = {
    ref,
    label: props.hideLabel ? undefined : props.label,
    'aria-label': props.hideLabel ? props.label : undefined,
    value: props.value,
    onChange: (e: React.ChangeEvent<HTMLInputElement & HTMLTextAreaElement>) =>
      props.onChange(e.currentTarget.value),
    onBlur: props.onBlur,
    error: props.error,
    withAsterisk: props.withAsterisk,
    placeholder: props.placeholder,
    rightSection: menu,
    rightSectionPointerEvents: 'all' as const,
    dir: 'auto',
    style: { flex: 1 },
  };
  return props.multiline ? (
    <Textarea
      {...common}
      autosize
      minRows={2}
      maxRows={14}
      styles={{ section: { alignItems: 'flex-start', paddingTop: 6 } }}
    />
  ) : (
    <TextInput {...common} />
  );
}
