// "Go to template" from the diagram: opens the template in the workspace that declares a logical
// id, beside the diagram (the search is the tree's: open editors first, then template files).
import * as vscode from 'vscode';
import { templateLocation } from '../template/template-location';

/** Opens the template declaring `logicalId` at its key; returns "file:line" for the page to show. */
export async function openInTemplate(logicalId: string, diagramColumn: vscode.ViewColumn | undefined): Promise<string> {
  const found = await templateLocation({ logicalId });
  if (!found) throw new Error(`No template in this workspace declares ${logicalId}. Open the folder that holds its template.yaml.`);
  await vscode.window.showTextDocument(found.uri, {
    selection: found.range,
    // Beside the diagram, not over it: the picture stays in view.
    viewColumn: diagramColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One,
  });
  return `${vscode.workspace.asRelativePath(found.uri, false)}:${found.range.start.line + 1}`;
}
