// The layering of DESIGN.md is enforced by ESLint (eslint.config.mjs). These tests lint small
// sources as if they lived in each folder, so a rule that stops biting fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

async function assertRejected(filePath: string, code: string, rule: string) {
  const found = await problems(filePath, code);
  assert.ok(found.some((p) => p.startsWith(`${rule}:`)), `${filePath} should be rejected by ${rule}; got ${JSON.stringify(found)}`);
}

async function assertAllowed(filePath: string, code: string) {
  const found = (await problems(filePath, code)).filter((p) => /no-restricted/.test(p));
  assert.deepEqual(found, [], `${filePath} should be allowed`);
}

test("only src/vscode imports 'vscode'", async () => {
  const code = "import * as vscode from 'vscode';\nexport const v = vscode;\n";
  for (const where of ['src/analysis/x.ts', 'src/diagram/x.ts', 'src/cli/x.ts', 'src/aws/x.ts', 'webview/x.ts', 'src/model/x.ts']) {
    await assertRejected(where, code, 'no-restricted-imports');
  }
  await assertAllowed('src/vscode/x.ts', code);
});

test('only src/aws imports the AWS SDK', async () => {
  const code = "import { EC2Client } from '@aws-sdk/client-ec2';\nexport const c = EC2Client;\n";
  for (const where of ['src/analysis/x.ts', 'src/diagram/x.ts', 'src/cli/x.ts', 'src/vscode/x.ts', 'src/model/x.ts']) {
    await assertRejected(where, code, 'no-restricted-imports');
  }
  await assertAllowed('src/aws/x.ts', code);
});

test('src/analysis does no I/O, has no clock, and imports only the model', async () => {
  await assertRejected('src/analysis/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'no-restricted-imports');
  await assertRejected('src/analysis/x.ts', "import { request } from 'https';\nexport const r = request;\n", 'no-restricted-imports');
  await assertRejected('src/analysis/x.ts', "import { scanAccount } from '../aws/scan';\nexport const s = scanAccount;\n", 'no-restricted-imports');
  await assertRejected('src/analysis/x.ts', "import { layoutDiagram } from '../diagram/layout';\nexport const l = layoutDiagram;\n", 'no-restricted-imports');
  await assertRejected('src/analysis/x.ts', 'export const now = Date.now();\n', 'no-restricted-syntax');
  await assertRejected('src/analysis/x.ts', 'export const now = new Date();\n', 'no-restricted-syntax');
  await assertRejected('src/analysis/x.ts', 'export const env = process.env;\n', 'no-restricted-globals');
  await assertAllowed('src/analysis/x.ts', "import type { Snapshot } from '../model/snapshot';\nexport type S = Snapshot;\n");
});

test('src/model imports nothing of ours; webview imports only src/diagram', async () => {
  await assertRejected('src/model/x.ts', "import { analyze } from '../analysis/analyze';\nexport const a = analyze;\n", 'no-restricted-imports');
  await assertRejected('webview/x.ts', "import { analyze } from '../src/analysis/analyze';\nexport const a = analyze;\n", 'no-restricted-imports');
  await assertRejected('webview/x.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n", 'no-restricted-imports');
  await assertAllowed('webview/x.ts', "import type { Diagram } from '../src/diagram/drawing';\nexport type D = Diagram;\n");
});
