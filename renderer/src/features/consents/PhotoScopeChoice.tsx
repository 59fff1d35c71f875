import { CONSENT_SCOPES, type ConsentScope, SCOPE_LABELS } from '@contract';
import { Radio, Stack } from '@mantine/core';
import { SCOPE_EXPLANATIONS } from './consentFormat';

/** The three photo scopes, each explained; the client (or the paper form) picks the widest use allowed. */
export function PhotoScopeChoice(props: {
  value: ConsentScope | null;
  onChange: (scope: ConsentScope) => void;
  error?: string | null | undefined;
  label?: string;
  description?: string;
  size?: 'md' | 'lg';
}) {
  const size = props.size ?? 'md';
  return (
    <Radio.Group
      label={props.label ?? 'How may your photos be used?'}
      description={
        props.description ??
        'Choose one. Each option includes the ones above it. You can change or withdraw this at any time.'
      }
      withAsterisk
      value={props.value}
      onChange={(v) => props.onChange(v as ConsentScope)}
      error={props.error}
      size={size}
      data-testid="photo-scope"
    >
      <Stack gap="sm" mt="sm">
        {CONSENT_SCOPES.map((scope) => (
          <Radio.Card
            key={scope}
            value={scope}
            p={size === 'lg' ? 'md' : 'sm'}
            radius="md"
            data-scope={scope}
          >
            <Radio.Indicator style={{ float: 'left', marginRight: 12, marginTop: 2 }} size={size} />
            <div style={{ overflow: 'hidden' }}>
              <div style={{ fontWeight: 600, fontSize: `var(--mantine-font-size-${size})` }}>
                {SCOPE_LABELS[scope]}
              </div>
              <div
                style={{
                  fontSize: `var(--mantine-font-size-${size === 'lg' ? 'md' : 'sm'})`,
                  color: 'var(--mantine-color-dimmed)',
                }}
              >
                {SCOPE_EXPLANATIONS[scope]}
              </div>
            </div>
          </Radio.Card>
        ))}
      </Stack>
    </Radio.Group>
  );
}
