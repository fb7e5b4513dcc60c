import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_CODES, findingDocsUrl } from '../../../src/model/finding';

const docs = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'findings.md'), 'utf8');

test('docs/findings.md has a section for every finding code, under the anchor findingDocsUrl links to', () => {
  for (const code of FINDING_CODES) {
    assert.ok(docs.includes(`\n## ${code}\n`), `docs/findings.md lacks "## ${code}"`);
    assert.ok(findingDocsUrl(code).endsWith(`docs/findings.md#${code}`));
  }
});
