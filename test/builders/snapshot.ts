// Typed builders for test snapshots: small literal pieces that go through snapshotSchema.parse,
// so defaults fill in exactly as they do for a real file.
import type { z } from 'zod';
import { snapshotSchema, type resourcesSchema, type Snapshot } from '../../src/model/snapshot';

export const ACCOUNT = '111122223333';
export const REGION = 'ap-northeast-2';

export type ResourcesInput = z.input<typeof resourcesSchema>;
/** The input shape of one resource of a kind, e.g. Item<'subnets'>. */
export type Item<K extends keyof ResourcesInput> = NonNullable<ResourcesInput[K]>[number];

/** Account and region every builder stamps on its resources. */
export const here = { accountId: ACCOUNT, region: REGION } as const;

export function snapshotWith(resources: ResourcesInput): Snapshot {
  return snapshotSchema.parse({
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    source: { kind: 'scan' },
    accounts: [{ id: ACCOUNT }],
    regions: [REGION],
    resources,
  });
}

/** Concatenates resource lists kind by kind, so tests can combine a network, functions and domains. */
export function mergeResources(...parts: ResourcesInput[]): ResourcesInput {
  const merged: Record<string, unknown[]> = {};
  for (const part of parts) {
    for (const [kind, items] of Object.entries(part)) {
      merged[kind] = [...(merged[kind] ?? []), ...((items as unknown[] | undefined) ?? [])];
    }
  }
  return merged as ResourcesInput;
}
