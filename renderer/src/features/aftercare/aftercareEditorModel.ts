import type { AftercareBlock, AftercareTemplateInput } from '@contract';

export type AftercareBlockType = AftercareBlock['type'];

export const AFTERCARE_BLOCK_LABELS: Record<AftercareBlockType, string> = {
  heading: 'Heading',
  paragraph: 'Paragraph',
  list: 'List',
  checklist: 'Day-by-day checklist',
};

/** A block as the editor holds it: a key that survives reordering, and the block itself. */
export interface EditorBlock {
  key: string;
  block: AftercareBlock;
}

let keys = 0;
export const withKey = (block: AftercareBlock): EditorBlock => ({ key: `a${++keys}`, block });

export function emptyBlock(type: AftercareBlockType): AftercareBlock {
  switch (type) {
    case 'heading':
    case 'paragraph':
      return { type, text: '' };
    case 'list':
      return { type, items: [''] };
    case 'checklist':
      return { type, days: [{ label: 'Day 1 (today)', items: [''] }] };
  }
}

/** Moves the block at `from` by `step` places; out of range leaves the list as it was. */
export function move<T>(list: T[], from: number, step: -1 | 1): T[] {
  const to = from + step;
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

export const toInput = (code: string, title: string, blocks: EditorBlock[]): AftercareTemplateInput => ({
  code,
  title,
  blocks: blocks.map((b) => b.block),
});
