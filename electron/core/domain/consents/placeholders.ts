import { type ApiIssue, type ConsentBlock, PLACEHOLDERS, type Placeholder } from '../../contract';
import { fillPlaceholders, placeholderProblems } from '../documents/placeholders';

/**
 * A consent form's {{placeholders}}: checked against the names a consent form may use, and filled in block
 * by block. The values are plain text, and so is the result; printed documents escape it all.
 */

export type PlaceholderValues = Record<Placeholder, string>;

/** Every piece of text in a block, with its path relative to the block. */
function textsOf(block: ConsentBlock): { path: string; text: string }[] {
  if (block.type === 'list') return block.items.map((text, i) => ({ path: `items.${i}`, text }));
  return [{ path: 'text', text: block.text }];
}

/** Issues for every unknown or malformed placeholder, with paths under `prefix` (e.g. "fields.blocks"). */
export function placeholderIssues(blocks: readonly ConsentBlock[], prefix: string): ApiIssue[] {
  return blocks.flatMap((block, i) =>
    textsOf(block).flatMap(({ path, text }) =>
      placeholderProblems(text, PLACEHOLDERS).map((message) => ({ path: `${prefix}.${i}.${path}`, message })),
    ),
  );
}

/** The blocks exactly as the client reads them: every placeholder replaced by its plain-text value. */
export function renderBlocks(blocks: readonly ConsentBlock[], values: PlaceholderValues): ConsentBlock[] {
  const fill = (text: string) => fillPlaceholders(text, values);
  return blocks.map((block) => {
    switch (block.type) {
      case 'list':
        return { type: 'list', items: block.items.map(fill) };
      case 'acknowledgement':
        return { type: 'acknowledgement', id: block.id, text: fill(block.text) };
      default:
        return { type: block.type, text: fill(block.text) };
    }
  });
}
