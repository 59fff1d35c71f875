import type { ConsentBlock, ConsentKind, ConsentTemplateInput, ConsentTemplateVersion } from '@contract';

export type BlockType = ConsentBlock['type'];

/** A block as the editor holds it: every field of every type, and a key that survives reordering. */
export interface EditorBlock {
  key: string;
  type: BlockType;
  text: string;
  items: string[];
  id: string;
}

export interface EditorValues {
  code: string;
  kind: ConsentKind;
  title: string;
  expires: boolean;
  expiryMonths: number | string;
  blocks: EditorBlock[];
}

export const BLOCK_LABELS: Record<BlockType, string> = {
  heading: 'Heading',
  paragraph: 'Paragraph',
  list: 'List',
  acknowledgement: 'Acknowledgement',
};

let keys = 0;
const nextKey = () => `b${++keys}`;

export function toEditorBlock(block: ConsentBlock): EditorBlock {
  return {
    key: nextKey(),
    type: block.type,
    text: 'text' in block ? block.text : '',
    items: block.type === 'list' ? [...block.items] : [],
    id: block.type === 'acknowledgement' ? block.id : '',
  };
}

/** A new, empty block; a new acknowledgement gets an id no other block of the form uses. */
export function newBlock(type: BlockType, existing: EditorBlock[]): EditorBlock {
  const taken = new Set(existing.map((b) => b.id));
  let n = existing.filter((b) => b.type === 'acknowledgement').length + 1;
  while (taken.has(`confirm-${n}`)) n++;
  return {
    key: nextKey(),
    type,
    text: '',
    items: type === 'list' ? [''] : [],
    id: type === 'acknowledgement' ? `confirm-${n}` : '',
  };
}

export function fromVersion(v: ConsentTemplateVersion): EditorValues {
  return {
    code: v.code,
    kind: v.kind,
    title: v.title,
    expires: v.expiryMonths !== null,
    expiryMonths: v.expiryMonths ?? 12,
    blocks: v.blocks.map(toEditorBlock),
  };
}

export const EMPTY_TEMPLATE: () => EditorValues = () => ({
  code: '',
  kind: 'treatment',
  title: '',
  expires: true,
  expiryMonths: 12,
  blocks: [
    { ...newBlock('heading', []), text: 'About the treatment' },
    newBlock('paragraph', []),
    { ...newBlock('acknowledgement', []), text: 'I have read and understood this form.' },
  ],
});

/** What the API takes; indexes are kept, so error paths ("blocks.3.text") land on the right field. */
export function toTemplateInput(v: EditorValues): ConsentTemplateInput {
  return {
    code: v.code,
    kind: v.kind,
    title: v.title,
    expiryMonths: v.expires
      ? typeof v.expiryMonths === 'number'
        ? v.expiryMonths
        : (undefined as unknown as number)
      : null,
    blocks: v.blocks.map((b): ConsentBlock => {
      if (b.type === 'list') return { type: 'list', items: b.items };
      if (b.type === 'acknowledgement') return { type: 'acknowledgement', id: b.id, text: b.text };
      return { type: b.type, text: b.text };
    }),
  };
}

/** "Hair growth consent" -> "hair-growth-consent": a suggested family code for a new form. */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}
