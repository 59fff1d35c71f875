import { describe, expect, it } from 'vitest';
import {
  addOutcome,
  droppedFiles,
  EMPTY_SUMMARY,
  type FileLike,
  NOT_A_PHOTO_REASON,
  photosInFolder,
  summaryText,
} from '../../renderer/src/features/photos/photoImport';

/** A file as a webkitdirectory input gives it: its name and its path inside the chosen folder. */
const inFolder = (path: string): FileLike => ({
  name: path.slice(path.lastIndexOf('/') + 1),
  webkitRelativePath: path,
  type: '',
  size: 1000,
  arrayBuffer: async () => new ArrayBuffer(0),
});

describe('importing a chosen folder', () => {
  it('keeps every supported photo by extension in any case, subfolders included, in path order', () => {
    const files = [
      'DCIM/100CANON/IMG_10.JPG',
      'DCIM/100CANON/IMG_9.jpg',
      'DCIM/clip.MOV',
      'DCIM/101CANON/scan.TIFF',
      'DCIM/101CANON/scan2.tif',
      'DCIM/phone/IMG_1.HEIC',
      'DCIM/phone/IMG_2.heif',
      'DCIM/export/a.png',
      'DCIM/export/b.WebP',
      'DCIM/export/c.jpeg',
      'DCIM/notes.txt',
      'DCIM/.DS_Store',
      'DCIM/._IMG_9.jpg',
      'DCIM/Thumbs.db',
      'DCIM/README',
    ].map(inFolder);
    const { photos, skipped } = photosInFolder(files);
    expect(photos.map((f) => f.webkitRelativePath)).toEqual([
      'DCIM/100CANON/IMG_9.jpg',
      'DCIM/100CANON/IMG_10.JPG',
      'DCIM/101CANON/scan.TIFF',
      'DCIM/101CANON/scan2.tif',
      'DCIM/export/a.png',
      'DCIM/export/b.WebP',
      'DCIM/export/c.jpeg',
      'DCIM/phone/IMG_1.HEIC',
      'DCIM/phone/IMG_2.heif',
    ]);
    // Videos and documents are reported with the reason; system files are not worth a line.
    expect(skipped).toEqual([
      { fileName: 'DCIM/clip.MOV', reason: NOT_A_PHOTO_REASON },
      { fileName: 'DCIM/notes.txt', reason: NOT_A_PHOTO_REASON },
      { fileName: 'DCIM/README', reason: NOT_A_PHOTO_REASON },
    ]);
  });

  it('says how many other files were skipped in the summary', () => {
    const summary = addOutcome(
      { ...EMPTY_SUMMARY, skipped: [{ fileName: 'a/notes.txt', reason: NOT_A_PHOTO_REASON }] },
      { fileName: 'a/IMG_1.jpg', status: 'imported', photoId: 'p1' },
    );
    expect(summaryText(summary)).toBe('1 photo imported, 1 other file skipped (not photos)');
    expect(summaryText({ ...summary, skipped: [...summary.skipped, ...summary.skipped] })).toBe(
      '1 photo imported, 2 other files skipped (not photos)',
    );
  });
});

describe('a drop of loose files and folders', () => {
  const loose = (name: string): FileLike => ({
    name,
    type: '',
    size: 1000,
    arrayBuffer: async () => new ArrayBuffer(0),
  });
  /** What the drop handler gives for a file inside a dropped folder. */
  const dropped = (path: string): FileLike => ({
    ...loose(path.slice(path.lastIndexOf('/') + 1)),
    path: `./${path}`,
  });

  it('skips what is not a photo inside a dropped folder, but still reports a loose non-photo as a failure', () => {
    const { files, skipped } = droppedFiles([
      loose('before.jpg'),
      loose('notes.txt'),
      dropped('Visit 3/IMG_2.jpg'),
      dropped('Visit 3/clip.mov'),
      dropped('Visit 3/IMG_1.jpg'),
      dropped('Visit 3/.DS_Store'),
    ]);
    // Loose files keep their order and are all sent on (the import says why notes.txt fails).
    expect(files.map((f) => f.path ?? f.name)).toEqual([
      'before.jpg',
      'notes.txt',
      './Visit 3/IMG_1.jpg',
      './Visit 3/IMG_2.jpg',
    ]);
    expect(skipped).toEqual([{ fileName: 'Visit 3/clip.mov', reason: NOT_A_PHOTO_REASON }]);
  });
});
