// Quick fixes and the hop-by-hop hover for template diagnostics, both read from the document's
// last check (TemplateDiagnostics), so they always describe the text on screen. The edit writer
// (with the `yaml` library) is imported on the first request, keeping it out of activation.
import * as vscode from 'vscode';
import type { Finding } from '../../model/finding';
import { hopsMarkdown } from './finding-hover';
import { DIAGNOSTIC_SOURCE, type CheckedTemplate, type TemplateDiagnostics } from './template-diagnostics';

function sameRange(finding: Finding, range: vscode.Range): boolean {
  const at = finding.range;
  return at !== undefined && at.start.line === range.start.line && at.start.character === range.start.character && at.end.line === range.end.line && at.end.character === range.end.character;
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'object') return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** The finding a diagnostic was made from: same code, place and message. */
function findingOf(checked: CheckedTemplate, diagnostic: vscode.Diagnostic): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = codeOf(diagnostic);
  return checked.check.findings.find((f) => f.code === code && f.message === diagnostic.message && sameRange(f, diagnostic.range));
}

export class TemplateCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: TemplateDiagnostics) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const checked = this.diagnostics.current(document);
    if (!checked) return [];
    const { templateFix } = await import('./template-fixes.js');
    if (document.version !== checked.version) return [];
    // One action per distinct fix: two findings that the same change fixes share it.
    const actions = new Map<string, vscode.CodeAction>();
    for (const diagnostic of context.diagnostics) {
      const finding = findingOf(checked, diagnostic);
      const fix = finding && templateFix(checked.text, finding, checked.check);
      if (!fix) continue;
      const known = actions.get(fix.title);
      if (known) {
        known.diagnostics = [...(known.diagnostics ?? []), diagnostic];
        continue;
      }
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.edit = new vscode.WorkspaceEdit();
      for (const edit of fix.edits) action.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.text);
      actions.set(fix.title, action);
    }
    // Preferred (applied by "Auto Fix") only when it is the one change on offer here.
    if (actions.size === 1) for (const action of actions.values()) action.isPreferred = true;
    return [...actions.values()];
  }
}

export class TemplateHover implements vscode.HoverProvider {
  constructor(private readonly diagnostics: TemplateDiagnostics) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const checked = this.diagnostics.current(document);
    if (!checked) return undefined;
    const parts: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;
    for (const finding of checked.check.findings) {
      if (!finding.range) continue;
      const at = new vscode.Range(finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character);
      const markdown = at.contains(position) ? hopsMarkdown(finding) : undefined;
      if (!markdown) continue;
      // Untrusted text: no command links, no HTML, no theme icons.
      const part = new vscode.MarkdownString(markdown, false);
      part.isTrusted = false;
      part.supportHtml = false;
      parts.push(part);
      range ??= at;
    }
    return parts.length > 0 ? new vscode.Hover(parts, range) : undefined;
  }
}
