// The template model lists the resource kinds itself (so checking a template never loads zod):
// the list must stay the schema's, in the schema's order (findings are placed trying kinds in it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resourcesSchema, SNAPSHOT_VERSION } from '../../../src/model/snapshot';
import { snapshotOf } from '../../../src/template/merge-account';
import { RESOURCE_KINDS, TemplateModel } from '../../../src/template/template-model';

test("the template model's resource kinds are the snapshot schema's, in its order", () => {
  assert.deepEqual(RESOURCE_KINDS, Object.keys(resourcesSchema.shape));
});

test('a template snapshot carries the schema version and every resource list', () => {
  const snapshot = snapshotOf(new TemplateModel(), { region: 'eu-west-1', accountId: '111122223333', partition: 'aws' }, 'template.yaml', '2026-11-22T00:00:00Z');
  assert.equal(snapshot.version, SNAPSHOT_VERSION);
  assert.deepEqual(Object.keys(snapshot.resources), Object.keys(resourcesSchema.shape));
});
