import { Kbd } from '@mantine/core';
import { modKey } from '../app/platform';

/** "Ctrl + N" shown inside a button or tooltip, so shortcuts are discoverable. */
export function ShortcutHint({ keys, mod = true }: { keys: string; mod?: boolean }) {
  return (
    <span style={{ display: 'inline-flex', gap: 2, opacity: 0.85 }} aria-hidden>
      {mod && <Kbd size="xs">{modKey}</Kbd>}
      <Kbd size="xs">{keys}</Kbd>
    </span>
  );
}
