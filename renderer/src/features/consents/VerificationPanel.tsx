import type { ConsentVerification } from '@contract';
import { Alert, List, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { formatDateTime } from '../clients/format';

const CHECK_NAMES: Record<ConsentVerification['checks'][number]['name'], string> = {
  seal: 'Seal over the text, answers, names and times',
  document: 'Stored document (PDF or scan)',
  signatures: 'Signature images',
};

/** The result of recomputing a record's hashes: each check, and plainly INTACT or TAMPERED. */
export function VerificationPanel({ result }: { result: ConsentVerification }) {
  return (
    <Alert
      color={result.intact ? 'teal' : 'red.9'}
      variant={result.intact ? 'light' : 'filled'}
      icon={result.intact ? <IconShieldCheck size={22} /> : <IconShieldX size={22} />}
      title={
        result.intact
          ? 'Intact: nothing has changed since this consent was signed'
          : 'TAMPERED: this record no longer matches what was signed'
      }
      role="status"
      aria-live="polite"
      data-intact={result.intact}
      styles={result.intact ? undefined : { title: { color: 'var(--mantine-color-white)' } }}
    >
      <List spacing={6} size="sm" mt={4} center>
        {result.checks.map((check) => (
          <List.Item
            key={check.name}
            data-check={check.name}
            data-ok={check.ok}
            icon={
              <ThemeIcon
                size={20}
                radius="xl"
                color={check.ok ? 'teal' : result.intact ? 'red' : 'white'}
                variant={check.ok ? 'light' : 'filled'}
                c={check.ok ? undefined : result.intact ? undefined : 'red.9'}
              >
                {check.ok ? <IconCircleCheck size={14} aria-hidden /> : <IconCircleX size={14} aria-hidden />}
              </ThemeIcon>
            }
          >
            <Text span size="sm" fw={600}>
              {CHECK_NAMES[check.name]}: {check.ok ? 'intact' : 'TAMPERED'}
            </Text>
            <Text span size="sm">
              {' '}
              — {check.detail}
            </Text>
          </List.Item>
        ))}
      </List>
      <Text size="xs" mt="xs" c={result.intact ? 'dimmed' : undefined}>
        Checked {formatDateTime(result.checkedAt)}
      </Text>
    </Alert>
  );
}
