// Lint enforces the architecture of DESIGN.md: which folder may import what.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeIo = ['fs', 'net', 'http', 'https', 'dns', 'child_process', 'worker_threads', 'os', 'dgram', 'tls', 'readline']
  .flatMap((m) => [m, `node:${m}`, `${m}/promises`, `node:${m}/promises`]);

const vscodeOnlyInVscode = { name: 'vscode', message: "Only src/vscode/ may import 'vscode'." };
const awsSdkOnlyInAws = { group: ['@aws-sdk/*', '@smithy/*'], message: 'Only src/aws/ may import the AWS SDK.' };

/** no-restricted-imports for a folder: the shared rules plus the folder's own. */
function restrict({ paths = [], patterns = [] } = {}) {
  return {
    'no-restricted-imports': ['error', { paths: [vscodeOnlyInVscode, ...paths], patterns: [awsSdkOnlyInAws, ...patterns] }],
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'test-results/**', '**/*.js', '!eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/**/*.ts', 'webview/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'], rules: restrict() },
  { files: ['src/aws/**/*.ts', 'test/aws/**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: [vscodeOnlyInVscode] }] } },
  { files: ['src/vscode/**/*.ts', 'test/vscode/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [awsSdkOnlyInAws] }] } },
  {
    // The model is the one vocabulary: it depends on nothing of ours.
    files: ['src/model/**/*.ts'],
    rules: restrict({ patterns: [{ group: ['../*', '!../model/*'], message: 'src/model imports nothing of ours.' }] }),
  },
  {
    // Analysis is a pure function of a Snapshot: no I/O, no clock, only the model.
    files: ['src/analysis/**/*.ts'],
    rules: {
      ...restrict({
        paths: nodeIo.map((name) => ({ name, message: 'src/analysis/ is pure: no I/O.' })),
        patterns: [{ group: ['../*', '!../model', '!../model/*', '!../analysis/*'], message: 'src/analysis imports only src/model.' }],
      }),
      'no-restricted-globals': ['error', 'fetch', 'process', 'setTimeout', 'setInterval', 'XMLHttpRequest', 'require'],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/analysis/ has no clock: take the time as an input.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'src/analysis/ has no clock: take the time as an input.' },
      ],
    },
  },
  {
    // The page talks to the host only through the protocol and draws only the laid-out model.
    files: ['webview/**/*.ts'],
    rules: restrict({
      paths: nodeIo.map((name) => ({ name, message: 'webview/ runs in the browser.' })),
      patterns: [{ group: ['../src/*', '!../src/diagram'], message: 'webview/ imports only src/diagram (protocol and drawing model).' }],
    }),
  },
);
