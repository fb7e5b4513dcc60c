// The commands the Getting Started walkthrough's buttons run: show the demo account on the diagram,
// and open the demo's template so its diagnostics show where the broken paths are written.
// (Its "Scan an account" step runs Scan Account itself.)
import * as vscode from 'vscode';
import { SECTION } from '../settings';

export const WALKTHROUGH_COMMANDS = {
  openDemo: 'serverlessNetworkMap.openDemo',
  openSampleTemplate: 'serverlessNetworkMap.openSampleTemplate',
} as const;

export function registerWalkthroughCommands(context: vscode.ExtensionContext, openDiagram: () => void): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(WALKTHROUGH_COMMANDS.openDemo, async () => {
      const config = vscode.workspace.getConfiguration(SECTION);
      // Only written when it differs: a user who already shows the demo gets no settings.json edit.
      if (config.get<string>('source') !== 'demo') await config.update('source', 'demo', vscode.ConfigurationTarget.Global);
      openDiagram();
      await vscode.commands.executeCommand('workbench.view.extension.serverlessNetworkMap');
    }),
    vscode.commands.registerCommand(WALKTHROUGH_COMMANDS.openSampleTemplate, async () => {
      // A real file (the template checks need a template file name), in the extension's storage so
      // the person's workspace is not touched; written again each time, so it is the pristine sample.
      const { DEMO_TEMPLATE_TEXT } = await import('../../demo/demo-account.js');
      const folder = vscode.Uri.joinPath(context.globalStorageUri, 'sample');
      await vscode.workspace.fs.createDirectory(folder);
      const file = vscode.Uri.joinPath(folder, 'template.yaml');
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(DEMO_TEMPLATE_TEXT));
      await vscode.window.showTextDocument(file, { preview: false });
      await vscode.commands.executeCommand('workbench.actions.view.problems', { preserveFocus: true });
    }),
  ];
}
