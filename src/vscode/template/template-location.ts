// "Go to Template" (from the tree and the diagram): where in the workspace's templates a resource
// or finding is written.
// A template finding carries its file and range; anything else is found by its logical id — the
// templates open in editors first, then the workspace's files that look like templates — and a
// finding by the place the template check puts the same code on the same resource (the node to
// change, e.g. `VpcConfig`), else the resource's logical id.
import * as vscode from 'vscode';
import type { Finding } from '../../model/finding';
import type { checkTemplate } from '../../template/check-template';
import { isTemplateFileName, looksLikeTemplate } from './template-detect';

/** What to look for: a finding placed by a template check, and/or a resource's logical id. */
export interface TemplateTarget {
  readonly finding?: Finding;
  readonly logicalId?: string;
}

const TEMPLATE_GLOB = '**/*.{yaml,yml,json,template}';
const NOT_TEMPLATES = '**/{node_modules,.git,.aws-sam,cdk.out,dist}/**';
/** A workspace with more candidate files than this is searched in its first ones only: a click must stay quick. */
const MAX_FILES = 200;

let engine: Promise<{ checkTemplate: typeof checkTemplate }> | undefined;

export async function templateLocation(target: TemplateTarget): Promise<vscode.Location | undefined> {
  const finding = target.finding;
  if (finding?.file && finding.range) {
    const uri = resolveFile(finding.file);
    if (uri) return new vscode.Location(uri, toRange(finding.range));
  }
  const logicalId = target.logicalId;
  if (!logicalId) return undefined;
  engine ??= import('../../template/check-template.js');
  const { checkTemplate } = await engine;
  for await (const { uri, text } of templates()) {
    const check = checkTemplate(text, { fileName: vscode.workspace.asRelativePath(uri) });
    const placed = finding && check.findings.find((f) => sameFinding(f, finding, logicalId));
    const range = placed?.range ?? check.rangeOf(logicalId);
    if (range) return new vscode.Location(uri, toRange(range));
  }
  return undefined;
}

function sameFinding(candidate: Finding, finding: Finding, logicalId: string): boolean {
  return candidate.code === finding.code && (candidate.resource.logicalId === logicalId || candidate.resource.id === logicalId);
}

/** Open templates (their unsaved text), then the workspace's files that look like templates. */
async function* templates(): AsyncGenerator<{ uri: vscode.Uri; text: string }> {
  const seen = new Set<string>();
  for (const document of vscode.workspace.textDocuments) {
    if (document.uri.scheme === 'output' || !isTemplateFileName(document.fileName)) continue;
    const text = document.getText();
    if (!looksLikeTemplate(text)) continue;
    seen.add(document.uri.toString());
    yield { uri: document.uri, text };
  }
  const files = await vscode.workspace.findFiles(TEMPLATE_GLOB, NOT_TEMPLATES, MAX_FILES);
  // template.yaml first: the SAM convention, and the likeliest to declare the resource.
  files.sort((a, b) => Number(!/\/template\.ya?ml$/.test(a.path)) - Number(!/\/template\.ya?ml$/.test(b.path)) || a.path.localeCompare(b.path));
  for (const uri of files) {
    if (seen.has(uri.toString())) continue;
    const text = await readText(uri);
    if (text !== undefined && looksLikeTemplate(text)) yield { uri, text };
  }
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    // Deleted since the search, or unreadable: not the template we are looking for.
    return undefined;
  }
}

function resolveFile(file: string): vscode.Uri | undefined {
  if (file.startsWith('/')) return vscode.Uri.file(file);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, file) : undefined;
}

function toRange(range: NonNullable<Finding['range']>): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
