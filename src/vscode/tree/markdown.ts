// Tooltips are Markdown, and every name in them came from an AWS account or a template: hostile
// text. A name like `[x](command:workbench.action.terminal.sendSequence?…)` or `<img onerror=…>`
// must show as those characters, never as a link, an image or HTML. CommonMark lets any ASCII
// punctuation be backslash-escaped, so escaping all of it defeats every construct (links,
// emphasis, code, HTML, entities, bare-URL autolinks, theme icons `$(…)`) without a list of cases.
// Pure: no `vscode` import, so it is tested in plain Node.

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Longest value shown: a tooltip is a glance, and a megabyte tag must not freeze the hover. */
const MAX_VALUE_LENGTH = 1000;

/** Untrusted text as literal Markdown text on one line. */
export function escapeMarkdown(text: string): string {
  // Control characters and line separators are exactly what must not survive: a newline would start a new block.
  // eslint-disable-next-line no-control-regex
  const oneLine = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  const short = oneLine.length > MAX_VALUE_LENGTH ? `${oneLine.slice(0, MAX_VALUE_LENGTH)}…` : oneLine;
  return short.replace(ASCII_PUNCTUATION, '\\$&');
}

/** What a tree item's hover says: a title, labelled facts, and the findings about it. */
export interface Tooltip {
  title: string;
  /** Label (ours, but escaped anyway) and value (untrusted). Empty values are left out. */
  rows: ReadonlyArray<readonly [string, string | undefined]>;
  /** Finding messages, shown as a list under the facts. */
  notes?: readonly string[];
}

/** The tooltip as Markdown in which every piece of text is escaped. */
export function tooltipMarkdown(tooltip: Tooltip): string {
  const lines = [`**${escapeMarkdown(tooltip.title)}**`, ''];
  for (const [label, value] of tooltip.rows) {
    if (value === undefined || value === '') continue;
    // Two trailing spaces: a hard line break, so rows stay one per line.
    lines.push(`${escapeMarkdown(label)}: ${escapeMarkdown(value)}  `);
  }
  if (tooltip.notes && tooltip.notes.length > 0) {
    lines.push('');
    for (const note of tooltip.notes) lines.push(`- ${escapeMarkdown(note)}`);
  }
  return lines.join('\n');
}
