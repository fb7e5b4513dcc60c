// Template findings as diagnostics: every open SAM/CloudFormation file is checked on open and as
// it is edited (debounced; a run whose document changed meanwhile is dropped), its findings put on
// the node to change with their code, docs link and the failing hops as related locations; the
// diagnostics go when the file closes. The template engine is imported on the first check, not at
// activation. The last check of each document is kept for the quick fixes and the hover.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { findingDocsUrl, type Finding } from '../../model/finding';
import type { Snapshot } from '../../model/snapshot';
import type { checkTemplate, CheckTemplateOptions, TemplateCheck } from '../../template/check-template';
import type { SnapshotCache } from '../scan/snapshot-cache';
import { readSettings } from '../settings';
import { isTemplateFileName, looksLikeTemplate } from './template-detect';
import { logicalIdOf } from './template-refs';

export const DIAGNOSTIC_SOURCE = 'Serverless Network Map';

/** Quiet time after the last keystroke before a re-check. */
const DEBOUNCE_MS = 300;
/** A check slower than this is logged: the design wants tens of milliseconds per edit. */
const SLOW_CHECK_MS = 200;

interface Engine {
  checkTemplate: typeof checkTemplate;
}

export interface CheckedTemplate {
  readonly version: number;
  readonly text: string;
  readonly check: TemplateCheck;
}

const SEVERITY: Readonly<Record<Finding['severity'], vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function toRange(range: Finding['range']): vscode.Range {
  if (!range) return new vscode.Range(0, 0, 0, 0);
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export class TemplateDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('serverlessNetworkMap');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly checked = new Map<string, CheckedTemplate>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private engine: Promise<Engine> | undefined;
  private account: Promise<Snapshot | undefined> | undefined;

  constructor(
    private readonly cache: SnapshotCache,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document, DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
    );
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** The account to check against changed (a new scan, the setting): check every open template again. */
  accountChanged(): void {
    this.account = undefined;
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** The check of the document as it is now; checked again at once if it changed since (quick fixes must match the text). */
  current(document: vscode.TextDocument): CheckedTemplate | undefined {
    const known = this.checked.get(document.uri.toString());
    if (!known || known.version === document.version) return known;
    return undefined;
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    const key = document.uri.toString();
    if (document.uri.scheme === 'output' || !isTemplateFileName(document.fileName) || !looksLikeTemplate(document.getText())) {
      // It may have stopped being a template (the markers were deleted): take its diagnostics away.
      if (this.checked.has(key)) this.forget(document.uri);
      return;
    }
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.run(document, document.version).catch((error: unknown) => this.log.error(`Could not check ${document.fileName}:`, error));
      }, delay),
    );
  }

  private async run(document: vscode.TextDocument, version: number): Promise<void> {
    this.engine ??= import('../../template/check-template.js');
    const [engine, options] = await Promise.all([this.engine, this.options(document)]);
    // Dropped when overtaken: a newer edit has its own run scheduled, a closed file wants nothing.
    if (document.isClosed || document.version !== version) return;
    const text = document.getText();
    const started = performance.now();
    const check = engine.checkTemplate(text, options);
    const elapsed = performance.now() - started;
    if (elapsed > SLOW_CHECK_MS) this.log.warn(`Checking ${options.fileName} took ${Math.round(elapsed)} ms (${text.length} characters)`);
    this.checked.set(document.uri.toString(), { version, text, check });
    this.collection.set(
      document.uri,
      check.findings.map((finding) => this.diagnostic(document.uri, finding, check)),
    );
  }

  private async options(document: vscode.TextDocument): Promise<CheckTemplateOptions> {
    const settings = readSettings();
    const snapshot = settings.checkAgainstAccount ? await this.accountSnapshot() : undefined;
    const samconfig = document.uri.scheme === 'file' ? await readSamconfig(document.uri.fsPath) : undefined;
    return {
      fileName: vscode.workspace.asRelativePath(document.uri),
      ...(snapshot ? { snapshot } : {}),
      // A scan of one region says where the template deploys; with several, samconfig (or nothing) decides.
      ...(snapshot && snapshot.regions.length === 1 ? { region: snapshot.regions[0] } : {}),
      ...(samconfig ? { samconfig } : {}),
    };
  }

  private accountSnapshot(): Promise<Snapshot | undefined> {
    this.account ??= this.cache.read().catch((error: unknown) => {
      this.log.warn('checkAgainstAccount is on, but the last scan could not be read; checking templates on their own:', error);
      return undefined;
    });
    return this.account;
  }

  private diagnostic(uri: vscode.Uri, finding: Finding, check: TemplateCheck): vscode.Diagnostic {
    const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: finding.code, target: vscode.Uri.parse(findingDocsUrl(finding.code)) };
    // The failing hops the template declares, as places to jump to from the Problems panel.
    const related: vscode.DiagnosticRelatedInformation[] = [];
    for (const hop of finding.hops ?? []) {
      if (hop.ok) continue;
      const logicalId = logicalIdOf(check.snapshot, hop.id);
      const range = logicalId !== undefined ? check.rangeOf(logicalId) : undefined;
      if (range) related.push(new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(range)), `✗ ${hop.kind} ${hop.id}${hop.reason ? `: ${hop.reason}` : ''}`));
    }
    if (related.length > 0) diagnostic.relatedInformation = related;
    return diagnostic;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.checked.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** samconfig.toml beside the template binds parameters as SAM CLI would; absent is normal. */
async function readSamconfig(templatePath: string): Promise<{ fileName: string; text: string } | undefined> {
  const fileName = join(dirname(templatePath), 'samconfig.toml');
  try {
    return { fileName, text: await readFile(fileName, 'utf8') };
  } catch {
    return undefined;
  }
}
