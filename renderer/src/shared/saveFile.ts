/**
 * Hands bytes made by main (a PDF, an exported comparison) to the browser's download, which saves them
 * where the practitioner picks. The one way screens save a file.
 */
export function saveFile(file: { fileName: string; mime: string; bytes: Uint8Array }) {
  const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
