import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a poppler-utils tool on PDF bytes (written to a temp file) and returns its output. */
function poppler(tool: 'pdftotext' | 'pdfinfo', bytes: Uint8Array, args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'dermachart-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text as pdftotext reads it, with runs of white space made single spaces. */
export function pdfText(bytes: Uint8Array): string {
  return poppler('pdftotext', bytes, []).replace(/\s+/g, ' ');
}

/** Page count and page size (points) as pdfinfo reports them. */
export function pdfInfo(bytes: Uint8Array): { pages: number; width: number; height: number; size: string } {
  const out = poppler('pdfinfo', bytes, []);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts(?: \(([^)]+)\))?/m.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]), size: size?.[3] ?? '' };
}
