// Names from AWS and templates are hostile: a tooltip must show them as text, never as a link,
// HTML or a command.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeMarkdown, tooltipMarkdown } from '../../../src/vscode/tree/markdown';
import { buildResourceTree } from '../../../src/vscode/tree/resource-tree';
import { shopSnapshot } from './snapshot-builders';

const hostile = [
  '[run](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)',
  '<img src=x onerror=alert(1)>',
  '**bold** _it_ `code` $(zap)',
  'https://evil.example/x www.evil.example',
  '&lt;script&gt;',
  'line1\n# heading\n---',
];

describe('tooltip markdown', () => {
  it('escapes every markdown-significant character, so no construct survives', () => {
    for (const text of hostile) {
      const escaped = escapeMarkdown(text);
      // Every ASCII punctuation character is preceded by a backslash.
      assert.doesNotMatch(escaped.replace(/\\[!-/:-@[-`{-~]/g, ''), /[!-/:-@[-`{-~]/, text);
      assert.doesNotMatch(escaped, /\n/, 'stays on one line');
    }
  });

  it('keeps the text readable once rendered (unescaping gives it back)', () => {
    assert.equal(escapeMarkdown('a [b] c').replace(/\\(.)/g, '$1'), 'a [b] c');
  });

  it('cuts very long values', () => {
    assert.ok(escapeMarkdown('x'.repeat(10_000)).length < 1100);
  });

  it('builds tooltips from escaped text only, even for a hostile subnet name', () => {
    const subnet = buildResourceTree(shopSnapshot(hostile[0]), []).byResourceId.get('subnet-a');
    assert.ok(subnet);
    const markdown = tooltipMarkdown(subnet.tooltip);
    assert.ok(!markdown.includes('](command:'), markdown);
    assert.ok(markdown.includes('\\[run\\]\\(command\\:'), markdown);
  });
});
