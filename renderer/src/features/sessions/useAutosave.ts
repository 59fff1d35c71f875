import { useCallback, useEffect, useRef, useState } from 'react';

export type AutosaveState = {
  status: 'idle' | 'saving' | 'saved' | 'error';
  at: Date | null;
  error: string | null;
};

/**
 * Saves `value` shortly after every change, and at once when the window is hidden or closed, so a crash or
 * a closed lid loses at most the last fraction of a second. Saves never overlap; the latest value wins.
 */
export function useAutosave<T>(value: T, save: (value: T) => Promise<void>, enabled: boolean, delayMs = 400) {
  const [state, setState] = useState<AutosaveState>({ status: 'idle', at: null, error: null });
  const latest = useRef(value);
  const dirty = useRef(false);
  const running = useRef<Promise<void> | null>(null);
  const first = useRef(true);
  latest.current = value;

  const flush = useCallback(async () => {
    if (!dirty.current) return;
    if (running.current) await running.current;
    if (!dirty.current) return;
    dirty.current = false;
    setState((s) => ({ ...s, status: 'saving' }));
    running.current = save(latest.current)
      .then(() => setState({ status: 'saved', at: new Date(), error: null }))
      .catch((error: Error) => {
        dirty.current = true;
        setState({ status: 'error', at: null, error: error.message });
      })
      .finally(() => {
        running.current = null;
      });
    await running.current;
  }, [save]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of `value` is the trigger
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!enabled) return;
    dirty.current = true;
    const timer = setTimeout(() => void flush(), delayMs);
    return () => clearTimeout(timer);
  }, [value, enabled, delayMs, flush]);

  useEffect(() => {
    const now = () => void flush();
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', now);
    return () => {
      window.removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', now);
      void flush();
    };
  }, [flush]);

  return { state, flush };
}
