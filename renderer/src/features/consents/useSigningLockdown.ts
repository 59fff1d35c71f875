import { useEffect, useRef } from 'react';

/** Text editing keeps working inside signing mode; every other shortcut is held back. */
const EDITING_KEYS = new Set(['a', 'c', 'v', 'x', 'z', 'y']);

/**
 * While signing mode is open, the app's shortcuts (Ctrl/Cmd+K search, Ctrl/Cmd+N, Ctrl/Cmd+E…), the
 * browser's (reload, print, back) and Escape never reach anything else: a capture listener on the window
 * runs before every other handler. Escape asks for the practitioner instead of closing anything, unless a
 * dialog of signing mode itself is open (then Escape closes that dialog, as usual).
 */
export function useSigningLockdown(onEscape: () => void) {
  const escapeRef = useRef(onEscape);
  escapeRef.current = onEscape;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const dialogOpen = document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
      if (event.key === 'Escape') {
        if (dialogOpen) return;
        event.preventDefault();
        event.stopPropagation();
        escapeRef.current();
        return;
      }
      const modified = event.ctrlKey || event.metaKey || event.altKey;
      const editing = !event.altKey && EDITING_KEYS.has(event.key.toLowerCase());
      const functionKey = /^F\d{1,2}$/.test(event.key);
      if ((modified && !editing && !['Control', 'Meta', 'Alt', 'Shift'].includes(event.key)) || functionKey) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
