import { MAX_IMPORT_BYTES } from '@contract';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/api';
import {
  addOutcome,
  type BatchTags,
  classifyFile,
  displayName,
  EMPTY_SUMMARY,
  type FileLike,
  type ImportSummary,
  importFile,
  type Skipped,
  summaryText,
} from './photoImport';

export interface ImportProgress {
  /** 1-based number of the latest file started (two are imported at a time). */
  current: number;
  total: number;
  /** Files finished so far (imported, duplicate or failed). */
  done: number;
  fileName: string;
}

interface Job {
  clientId: string;
  file: FileLike;
  tags: BatchTags;
}

/** How often the timeline refreshes while a long batch is still running. */
const REFRESH_EVERY_MS = 3000;
/**
 * Files in flight at once: main decodes photos on two worker threads, so with two files in flight one is
 * decoded while the other is being stored, instead of a thread waiting for each round trip. Same-file
 * duplicates within a batch are still caught: main checks and stores each photo in one uninterrupted step.
 */
const IMPORTS_AT_ONCE = 2;

/**
 * Imports files two at a time (IMPORTS_AT_ONCE), awaiting each call so the window stays responsive. Files
 * dropped while a batch runs join it. A failed file becomes a line in the summary and the batch carries on.
 */
export function useImportQueue(options: {
  clientId: string;
  /** New photos are stored: reload the timeline. */
  onImported: () => void;
  /** The batch is over (the summary is final). */
  onFinished?: (summary: ImportSummary) => void;
}) {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  /** Text for a polite live region: read out when a batch finishes. */
  const [announcement, setAnnouncement] = useState('');

  const queue = useRef<Job[]>([]);
  const running = useRef(false);
  const counts = useRef({ done: 0, total: 0 });
  const current = useRef<ImportSummary>(EMPTY_SUMMARY);
  const mounted = useRef(true);
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const publish = useCallback((next: ImportSummary) => {
    current.current = next;
    if (mounted.current) setSummary(next);
  }, []);

  const run = useCallback(async () => {
    running.current = true;
    let lastRefresh = Date.now();
    let pendingRefresh = false;
    let started = 0;
    const lane = async () => {
      while (queue.current.length > 0) {
        const job = queue.current.shift()!;
        started += 1;
        const { done, total } = counts.current;
        if (mounted.current) setProgress({ current: started, total, done, fileName: displayName(job.file) });
        const outcome = await importFile(job.file, job.tags, MAX_IMPORT_BYTES, (input) =>
          api.photos.import({ clientId: job.clientId, ...input }),
        );
        counts.current.done += 1;
        publish(addOutcome(current.current, outcome));
        if (mounted.current) setProgress((p) => (p ? { ...p, done: counts.current.done } : p));
        if (outcome.status === 'imported') pendingRefresh = true;
        if (pendingRefresh && Date.now() - lastRefresh > REFRESH_EVERY_MS && mounted.current) {
          latest.current.onImported();
          lastRefresh = Date.now();
          pendingRefresh = false;
        }
      }
    };
    await Promise.all(Array.from({ length: IMPORTS_AT_ONCE }, lane));
    running.current = false;
    const final = current.current;
    const text = `Import finished: ${summaryText(final)}.`;
    if (mounted.current) {
      setProgress(null);
      setAnnouncement(text);
      latest.current.onImported();
      latest.current.onFinished?.(final);
    } else {
      // The practitioner left the tab mid-batch: the files were still imported, so say how it went.
      notifications.show({
        color: final.failures.length > 0 ? 'red' : 'teal',
        title: 'Photo import finished',
        message: summaryText(final),
        autoClose: final.failures.length > 0 ? false : 8000,
      });
    }
  }, [publish]);

  /**
   * Adds chosen or dropped files to the import, tagged with `tags`, and files left out of a chosen folder to
   * its report. Returns how many will be imported.
   */
  const enqueue = useCallback(
    (files: readonly FileLike[], tags: BatchTags, skipped: readonly Skipped[] = []): number => {
      if (!running.current) {
        counts.current = { done: 0, total: 0 };
        current.current = EMPTY_SUMMARY;
        setAnnouncement('');
      }
      let next = current.current;
      if (skipped.length > 0) next = { ...next, skipped: [...next.skipped, ...skipped] };
      let accepted = 0;
      for (const file of files) {
        const verdict = classifyFile(file, MAX_IMPORT_BYTES);
        if (verdict.kind === 'ignore') continue;
        if (verdict.kind === 'reject') {
          next = addOutcome(next, { fileName: displayName(file), status: 'failed', reason: verdict.reason });
          continue;
        }
        queue.current.push({ clientId: latest.current.clientId, file, tags });
        accepted += 1;
      }
      counts.current.total += accepted;
      publish(next);
      if (running.current && accepted > 0) {
        const total = counts.current.total;
        setProgress((p) => (p ? { ...p, total } : p));
      }
      if (accepted === 0 && !running.current) {
        const text =
          next.failures.length > 0
            ? `Nothing to import: ${summaryText(next)}.`
            : skipped.length > 0
              ? `Nothing to import: that folder holds no JPEG, PNG, WebP, TIFF or HEIC files (${skipped.length} ${skipped.length === 1 ? 'file' : 'files'} skipped).`
              : 'Nothing to import: no photos were found in what was chosen.';
        setAnnouncement(text);
        if (next.failures.length === 0) {
          notifications.show({ color: 'gray', title: 'No photos found', message: text });
        }
      }
      if (accepted > 0 && !running.current) void run();
      return accepted;
    },
    [publish, run],
  );

  const dismiss = useCallback(() => {
    if (running.current) return;
    setSummary(null);
    setAnnouncement('');
  }, []);

  return { progress, summary, announcement, enqueue, dismiss, busy: progress !== null };
}
