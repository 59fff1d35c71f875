import {
  DOCUMENT_KIND_LABELS,
  type DocumentPreview,
  type DocumentSubject,
  type IssuedDocument,
  PAPER_SIZES,
  type PaperSize,
} from '@contract';
import { Alert, Button, Group, Loader, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDownload, IconPrinter } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api } from '../../api/api';
import { modKey } from '../../app/platform';
import { saveFile } from '../../shared/saveFile';
import { showApiError } from '../../shared/showApiError';
import { lastPractitioner, rememberPractitioner } from '../sessions/practitioner';

/** Paper width at 96 px per inch: the preview frame is laid out at the printed width, then scaled to fit. */
const PAPER_WIDTH_PX: Record<PaperSize, number> = { A4: 794, Letter: 816 };
const PAPER_RATIO: Record<PaperSize, number> = { A4: 297 / 210, Letter: 11 / 8.5 };
const PREVIEW_WIDTH = 480;

/**
 * Preview a document as it will print, choose the paper, then print it or save it as PDF. Issuing records
 * the document (with a snapshot) on the session or client, so it can be reprinted identically later.
 */
export function DocumentPreviewModal(props: {
  subject: DocumentSubject | null;
  onClose: () => void;
  onIssued?: (doc: IssuedDocument) => void;
  /** Who issues it when this workstation has not remembered anyone yet (e.g. the session's practitioner). */
  defaultBy?: string | null;
}) {
  const { subject, onClose } = props;
  const [paper, setPaper] = useState<PaperSize | null>(null);
  const [preview, setPreview] = useState<DocumentPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [by, setBy] = useState(() => lastPractitioner() || props.defaultBy || '');
  const [byError, setByError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);

  useEffect(() => {
    if (!subject) return;
    let live = true;
    setError(null);
    api.documents
      .preview({ subject, paper })
      .then((p) => live && setPreview(p))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [subject, paper]);

  // A new subject starts from the clinic's default paper.
  useEffect(() => {
    if (!subject) {
      setPreview(null);
      setPaper(null);
    }
  }, [subject]);

  const issue = async (action: 'print' | 'pdf') => {
    if (!subject || !preview) return;
    if (!by.trim()) {
      setByError('Enter who is issuing this document');
      return;
    }
    setBusy(action);
    try {
      const result = await api.documents.issue({ subject, paper: preview.paper, action, by });
      rememberPractitioner(by.trim());
      if (result.file) saveFile(result.file);
      notifications.show({
        color: 'teal',
        title: action === 'print' ? 'Sent to the printer' : 'PDF saved',
        message: `${DOCUMENT_KIND_LABELS[result.document.kind]} is recorded on the ${result.document.sessionId ? 'session' : 'client'}.`,
      });
      props.onIssued?.(result.document);
      onClose();
    } catch (e) {
      showApiError(e, action === 'print' ? 'The document was not printed' : 'The PDF was not saved');
    } finally {
      setBusy(null);
    }
  };

  useHotkeys([['mod+P', () => void issue('print')]], []);

  const shownPaper = preview?.paper ?? 'A4';
  const scale = PREVIEW_WIDTH / PAPER_WIDTH_PX[shownPaper];

  return (
    <Modal
      opened={subject !== null}
      onClose={onClose}
      title={subject ? DOCUMENT_KIND_LABELS[subject.kind] : ''}
      size={PREVIEW_WIDTH + 340}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Group align="flex-start" wrap="nowrap" gap="lg">
        <div
          className="paper-preview"
          style={{ width: PREVIEW_WIDTH, height: PREVIEW_WIDTH * PAPER_RATIO[shownPaper] }}
        >
          {error ? (
            <Alert color="red" icon={<IconAlertTriangle />} title="This document cannot be made" m="md">
              {error}
            </Alert>
          ) : preview ? (
            <iframe
              title={`Preview: ${preview.title}`}
              // No scripts, no same-origin: the document is inert markup, whatever its text says.
              sandbox=""
              srcDoc={preview.html}
              style={{
                width: PAPER_WIDTH_PX[shownPaper],
                height: (PREVIEW_WIDTH * PAPER_RATIO[shownPaper]) / scale,
                transform: `scale(${scale})`,
                transformOrigin: '0 0',
                border: 0,
                background: '#fff',
              }}
            />
          ) : (
            <Loader m="xl" aria-label="Preparing the preview" />
          )}
        </div>
        <Stack gap="md" style={{ flex: 1, minWidth: 0 }}>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="paper-size-label">
              Paper
            </Text>
            <SegmentedControl
              aria-labelledby="paper-size-label"
              value={shownPaper}
              onChange={(v) => setPaper(v as PaperSize)}
              data={PAPER_SIZES.map((p) => ({ value: p, label: p }))}
            />
          </Stack>
          <TextInput
            label="Issued by"
            description="Recorded with the document"
            value={by}
            error={byError}
            onChange={(e) => {
              setBy(e.currentTarget.value);
              setByError(null);
            }}
          />
          <Text size="xs" c="dimmed">
            The preview shows the first page’s layout; long lists continue on a second page when printed.
          </Text>
          <Group grow>
            <Button
              leftSection={<IconPrinter size={16} />}
              onClick={() => void issue('print')}
              loading={busy === 'print'}
              disabled={!preview || busy !== null}
            >
              Print…
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              onClick={() => void issue('pdf')}
              loading={busy === 'pdf'}
              disabled={!preview || busy !== null}
            >
              Save PDF
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {modKey}+P prints.
          </Text>
        </Stack>
      </Group>
    </Modal>
  );
}
