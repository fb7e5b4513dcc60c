// The template corpus (test/fixtures/templates): realistic shapes must all be read, working ones
// must come out free of errors and warnings, and broken ones must give exactly the findings their
// `# expect: <code>` comments name, starting on those lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoSnapshot } from '../../../src/demo/demo-account';
import { check } from './helpers';

const FOLDER = join(__dirname, '..', '..', 'fixtures', 'templates');
const files = readdirSync(FOLDER).filter((name) => /\.(ya?ml|json)$/.test(name)).sort();

/** "code@line" for every `# expect:` comment (lines 0-based, as findings have them). */
function expectations(text: string): string[] {
  return text.split(/\r?\n/).flatMap((line, index) => {
    const match = /#\s*expect:\s*(.+)$/.exec(line);
    return match?.[1] ? match[1].split(',').map((code) => `${code.trim()}@${index}`) : [];
  });
}

test('the corpus has working and broken templates of every common shape', () => {
  assert.ok(files.length >= 20, `only ${files.length} templates`);
  const broken = files.filter((name) => expectations(readFileSync(join(FOLDER, name), 'utf8')).length > 0);
  assert.ok(broken.length >= 6 && files.length - broken.length >= 12, `${broken.length} broken of ${files.length}`);
});

for (const name of files) {
  test(`corpus: ${name}`, () => {
    const text = readFileSync(join(FOLDER, name), 'utf8');
    const result = check(text, { fileName: name });
    const reported = result.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code}@${f.range?.start.line}`);
    assert.deepEqual(reported.sort(), expectations(text).sort(), result.findings.map((f) => `${f.code} ${f.range?.start.line}: ${f.message}`).join('\n'));
    for (const finding of result.findings) {
      assert.equal(finding.file, name);
      assert.ok(finding.range, `${finding.code} has a range`);
    }
  });
}

test('without a region the corpus gives the same findings: the unknown region stays symbolic on both sides of every comparison', () => {
  for (const name of files) {
    const text = readFileSync(join(FOLDER, name), 'utf8');
    const codesOf = (options: Parameters<typeof check>[1]) => check(text, { fileName: name, ...options }).findings.map((f) => `${f.code}@${f.range?.start.line}`).sort();
    assert.deepEqual(codesOf({ region: undefined }), codesOf({}), name);
  }
});

test('every corpus template also reads against an unrelated account and with no region, without an exception', () => {
  for (const name of files) {
    const text = readFileSync(join(FOLDER, name), 'utf8');
    for (const options of [{ snapshot: demoSnapshot() }, { region: undefined }, { region: 'cn-north-1' }]) {
      const result = check(text, { fileName: name, ...options });
      assert.deepEqual(result.findings.filter((f) => /internal error/.test(f.message)), [], name);
      assert.ok(result.snapshot.resources.lambdaFunctions.length > 0, name);
    }
  }
});
