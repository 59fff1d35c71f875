import { describe, expect, it } from 'vitest';
import type { ConsentBlock } from '../../electron/core/contract';
import {
  type PlaceholderValues,
  placeholderIssues,
  renderBlocks,
} from '../../electron/core/domain/consents/placeholders';

const VALUES: PlaceholderValues = {
  'client.name': 'Ann Lee',
  'client.firstName': 'Ann',
  'client.dateOfBirth': '3 February 1990',
  treatment: 'Face micro-needling',
  practitioner: 'Dr Jones',
  clinic: 'Skin Clinic',
  date: '25 November 2026',
};

describe('placeholders', () => {
  it('fills every known placeholder in every kind of block, with or without spaces in the braces', () => {
    const blocks: ConsentBlock[] = [
      { type: 'heading', text: '{{treatment}} at {{ clinic }}' },
      { type: 'paragraph', text: '{{client.name}} ({{client.dateOfBirth}}), {{date}}' },
      { type: 'list', items: ['{{client.firstName}}', 'by {{practitioner}}'] },
      { type: 'acknowledgement', id: 'ok', text: 'I, {{client.name}}, agree' },
    ];
    expect(renderBlocks(blocks, VALUES)).toEqual([
      { type: 'heading', text: 'Face micro-needling at Skin Clinic' },
      { type: 'paragraph', text: 'Ann Lee (3 February 1990), 25 November 2026' },
      { type: 'list', items: ['Ann', 'by Dr Jones'] },
      { type: 'acknowledgement', id: 'ok', text: 'I, Ann Lee, agree' },
    ]);
  });

  it('inserts values as typed: markup stays text, and $-patterns are not replacement patterns', () => {
    const values = { ...VALUES, 'client.name': `<script>alert("x")</script> $& $1 $$` };
    const [block] = renderBlocks([{ type: 'paragraph', text: 'Name: {{client.name}}.' }], values);
    expect(block).toEqual({ type: 'paragraph', text: `Name: <script>alert("x")</script> $& $1 $$.` });
  });

  it('does not fill placeholders that arrive inside a value', () => {
    const values = { ...VALUES, 'client.name': '{{clinic}}' };
    const [block] = renderBlocks([{ type: 'paragraph', text: '{{client.name}}' }], values);
    expect(block).toEqual({ type: 'paragraph', text: '{{clinic}}' });
  });

  it('reports unknown and unclosed placeholders with the path of the text', () => {
    const issues = placeholderIssues(
      [
        { type: 'paragraph', text: 'Fine {{client.name}}' },
        { type: 'list', items: ['ok', 'Dear {{client.surname}}'] },
        { type: 'acknowledgement', id: 'a', text: 'Signed {{date' },
        { type: 'heading', text: '{{}}' },
      ],
      'fields.blocks',
    );
    expect(issues.map((i) => i.path)).toEqual([
      'fields.blocks.1.items.1',
      'fields.blocks.2.text',
      'fields.blocks.3.text',
    ]);
    expect(issues[0]!.message).toMatch(
      /^\{\{client\.surname\}\} is not a placeholder Dermachart knows\. Use one of /,
    );
    expect(issues[0]!.message).toContain('{{client.dateOfBirth}}');
    expect(issues[1]!.message).toBe('A placeholder is not closed: write it as {{name}}');
  });
});
