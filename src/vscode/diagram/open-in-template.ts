// "Go to template" from the diagram: finds the template in the workspace that declares a logical
// id and opens it there, beside the diagram. Open editors are searched first (their text may be
// unsaved), then files named template.*, then any other YAML/JSON file that reads as a template.
import * as vscode from 'vscode';
import { looksLikeTemplate } from '../template/template-detect';
import { logicalIdRange, type TextRange } from './template-location';

const CANDIDATES = '**/*.{yaml,yml,json,template}';
/** Folders that hold build output or dependencies, never the template a person edits. */
const SKIPPED = '**/{node_modules,.git,.aws-sam,cdk.out}/**';
/** Enough for any real workspace's templates; bounds the search in a huge monorepo. */
const MAX_FILES = 500;

interface Declaration {
  uri: vscode.Uri;
  range: TextRange;
}

/** Opens the template declaring `logicalId` at its key; returns "file:line" for the page to show. */
export async function openInTemplate(logicalId: string, diagramColumn: vscode.ViewColumn | undefined): Promise<string> {
  const found = await findDeclaration(logicalId);
  if (!found) throw new Error(`No template in this workspace declares ${logicalId}. Open the folder that holds its template.yaml.`);
  const { start, end } = found.range;
  await vscode.window.showTextDocument(found.uri, {
    selection: new vscode.Range(start.line, start.character, end.line, end.character),
    // Beside the diagram, not over it: the picture stays in view.
    viewColumn: diagramColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One,
  });
  return `${vscode.workspace.asRelativePath(found.uri, false)}:${start.line + 1}`;
}

async function findDeclaration(logicalId: string): Promise<Declaration | undefined> {
  const seen = new Set<string>();
  for (const document of vscode.workspace.textDocuments) {
    seen.add(document.uri.toString());
    const range = declaredIn(document.getText(), logicalId);
    if (range) return { uri: document.uri, range };
  }
  const files = await vscode.workspace.findFiles(CANDIDATES, SKIPPED, MAX_FILES);
  const named = (uri: vscode.Uri): number => (/(^|\/)template\.[^/]+$/i.test(uri.path) ? 0 : 1);
  for (const uri of files.sort((a, b) => named(a) - named(b))) {
    if (seen.has(uri.toString())) continue;
    const range = declaredIn(await readText(uri), logicalId);
    if (range) return { uri, range };
  }
  return undefined;
}

function declaredIn(text: string | undefined, logicalId: string): TextRange | undefined {
  return text !== undefined && looksLikeTemplate(text) ? logicalIdRange(text, logicalId) : undefined;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    // Deleted since the search, or unreadable: not the template we are looking for.
    return undefined;
  }
}
