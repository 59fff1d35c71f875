import { MIME_TYPES, sniff } from '../photos/formats';

/**
 * A scanned, signed paper form: a PDF (from a scanner or a phone's scan app) or a photo of the pages. It is
 * stored byte for byte as the record's document, so it is judged by its first bytes only, never by its
 * name, with the photo importer's own format sniffing.
 */
export type ScanCheck = { ok: true; mime: string; extension: string } | { ok: false; message: string };

const PDF_MAGIC = '%PDF-';
const ACCEPTED = 'a PDF, JPEG, PNG, WebP, TIFF or HEIC file';

export function checkScan(bytes: Uint8Array): ScanCheck {
  if (bytes.byteLength === 0) return { ok: false, message: 'The scanned file is empty' };
  if (
    Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(5, bytes.byteLength)).toString('latin1') ===
    PDF_MAGIC
  ) {
    return { ok: true, mime: 'application/pdf', extension: 'pdf' };
  }
  const sniffed = sniff(bytes);
  if (sniffed.kind === 'image') {
    const extension = sniffed.format === 'jpeg' ? 'jpg' : sniffed.format === 'tiff' ? 'tif' : sniffed.format;
    return { ok: true, mime: MIME_TYPES[sniffed.format], extension };
  }
  if (sniffed.kind === 'unsupported') {
    return { ok: false, message: `${sniffed.name} files cannot be attached as a scan: use ${ACCEPTED}` };
  }
  const hint = sniffed.looksLike ? ` (it looks like ${sniffed.looksLike})` : '';
  return { ok: false, message: `This file is not a scan of the form${hint}: use ${ACCEPTED}` };
}
