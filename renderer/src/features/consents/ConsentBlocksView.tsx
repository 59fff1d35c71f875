import { type ConsentBlock, PLACEHOLDERS, type Placeholder } from '@contract';
import { Checkbox, Code, Group, List, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconSquare, IconSquareCheck } from '@tabler/icons-react';
import { Fragment } from 'react';

/**
 * A consent form's body. Every string is rendered as React text (never as HTML), with dir="auto" so a
 * right-to-left paragraph reads the right way. Acknowledgements are live checkboxes while signing, the
 * recorded ticks on a signed record, and empty boxes on a template.
 */
export function ConsentBlocksView(props: {
  blocks: ConsentBlock[];
  /** "reading": the client-facing size of signing mode. */
  size?: 'normal' | 'reading';
  /** Template view: {{placeholders}} are shown as such, not filled in. */
  showPlaceholders?: boolean;
  /** Signing: what the client has ticked, and how to change it. */
  ticked?: ReadonlySet<string>;
  onTick?: (id: string, checked: boolean) => void;
  /** Signing: acknowledgement ids still to tick after an attempt to continue. */
  missing?: ReadonlySet<string>;
  /** A signed record: the ids the client ticked. */
  acknowledged?: readonly string[];
}) {
  const reading = props.size === 'reading';
  const textSize = reading ? 'xl' : 'sm';
  const inline = (text: string) => <InlineText text={text} placeholders={props.showPlaceholders} />;

  return (
    <Stack gap={reading ? 'lg' : 'sm'} className={reading ? 'consent-reading' : undefined}>
      {props.blocks.map((block, index) => {
        const key = `${index}-${block.type}`;
        switch (block.type) {
          case 'heading':
            return (
              <Title
                key={key}
                order={reading ? 2 : 4}
                dir="auto"
                mt={index === 0 ? 0 : reading ? 'md' : 'xs'}
              >
                {inline(block.text)}
              </Title>
            );
          case 'paragraph':
            return (
              <Text key={key} size={textSize} dir="auto" style={{ whiteSpace: 'pre-wrap' }} lh={1.6}>
                {inline(block.text)}
              </Text>
            );
          case 'list':
            return (
              <List key={key} size={textSize} spacing={reading ? 'xs' : 4} withPadding lh={1.6}>
                {block.items.map((item, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: list items of frozen text have no identity
                  <List.Item key={i} dir="auto">
                    {inline(item)}
                  </List.Item>
                ))}
              </List>
            );
          case 'acknowledgement':
            if (props.onTick) {
              const missing = props.missing?.has(block.id) ?? false;
              return (
                <Checkbox
                  key={key}
                  size={reading ? 'lg' : 'md'}
                  wrapperProps={{ 'data-ack': block.id }}
                  checked={props.ticked?.has(block.id) ?? false}
                  onChange={(e) => props.onTick?.(block.id, e.currentTarget.checked)}
                  label={
                    <Text span size={textSize} fw={500} dir="auto" lh={1.5}>
                      {block.text}
                    </Text>
                  }
                  error={missing ? 'Please tick this box to confirm' : undefined}
                  styles={{
                    root: {
                      padding: reading ? 'var(--mantine-spacing-md)' : 'var(--mantine-spacing-xs)',
                      borderRadius: 'var(--mantine-radius-md)',
                      border: `1px solid ${missing ? 'var(--mantine-color-error)' : 'var(--mantine-color-default-border)'}`,
                      background: 'var(--mantine-color-default)',
                    },
                    error: { fontSize: reading ? 'var(--mantine-font-size-md)' : undefined },
                  }}
                />
              );
            }
            return <StaticAcknowledgement key={key} block={block} props={props} textSize={textSize} />;
        }
        return null;
      })}
    </Stack>
  );
}

function StaticAcknowledgement({
  block,
  props,
  textSize,
}: {
  block: Extract<ConsentBlock, { type: 'acknowledgement' }>;
  props: { acknowledged?: readonly string[]; showPlaceholders?: boolean };
  textSize: 'xl' | 'sm';
}) {
  const record = props.acknowledged !== undefined;
  const ticked = props.acknowledged?.includes(block.id) ?? false;
  const Icon = ticked ? IconSquareCheck : IconSquare;
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      p="xs"
      data-ack={block.id}
      style={{
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)',
      }}
    >
      <Icon
        size={20}
        aria-hidden
        style={{ flexShrink: 0, marginTop: 1 }}
        color={ticked ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-dimmed)'}
      />
      <Text size={textSize} fw={500} dir="auto" lh={1.5}>
        {record && <VisuallyHidden>{ticked ? 'Ticked: ' : 'Not ticked: '}</VisuallyHidden>}
        {!record && <VisuallyHidden>Acknowledgement: </VisuallyHidden>}
        <InlineText text={block.text} placeholders={props.showPlaceholders} />
      </Text>
    </Group>
  );
}

const TOKEN = /(\{\{\s*[a-zA-Z.]+\s*\}\})/;

/** Plain text; in a template, each {{placeholder}} is set apart and named for a screen reader. */
function InlineText({ text, placeholders }: { text: string; placeholders?: boolean | undefined }) {
  if (!placeholders) return <>{text}</>;
  return (
    <>
      {text.split(TOKEN).map((part, i) => {
        const name = /^\{\{\s*([a-zA-Z.]+)\s*\}\}$/.exec(part)?.[1];
        const label = name ? PLACEHOLDERS[name as Placeholder] : undefined;
        return name ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one string, in order
          <Code key={i} title={label ?? 'Unknown placeholder'} c={label ? undefined : 'red.9'}>
            {part}
          </Code>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one string, in order
          <Fragment key={i}>{part}</Fragment>
        );
      })}
    </>
  );
}
