import { type ChangeEvent, type RefObject, useCallback } from 'react';
import { photosInFolder, type Skipped } from './photoImport';

/**
 * The hidden folder chooser behind "Import folder…": Chromium's (and so Electron's) `webkitdirectory`
 * input, which hands over every file in the chosen folder and its subfolders, each with its path inside
 * it. Only photos go on; the rest are reported as skipped.
 */
export function FolderInput(props: {
  inputRef: RefObject<HTMLInputElement | null>;
  onFolder: (photos: File[], skipped: Skipped[]) => void;
}) {
  const { inputRef, onFolder } = props;
  // Not a React prop, so set on the element itself.
  const attach = useCallback(
    (element: HTMLInputElement | null) => {
      inputRef.current = element;
      if (element) element.webkitdirectory = true;
    },
    [inputRef],
  );
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.currentTarget.files ?? [])];
    // Cleared, so choosing the same folder again still counts as a change.
    event.currentTarget.value = '';
    if (files.length === 0) return;
    const { photos, skipped } = photosInFolder(files);
    onFolder(photos, skipped);
  };
  return (
    <input
      ref={attach}
      type="file"
      multiple
      aria-label="Choose a folder of photos to import"
      tabIndex={-1}
      onChange={onChange}
    />
  );
}
