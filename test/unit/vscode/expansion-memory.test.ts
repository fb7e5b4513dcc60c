// The open/closed rows kept in workspace state, through a store that behaves like a Memento.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXPANSION_KEY, ExpansionMemory, type StateStore } from '../../../src/vscode/tree/expansion-memory';

function memento(initial: Record<string, unknown> = {}): StateStore & { data: Record<string, unknown> } {
  const data = { ...initial };
  return { data, get: <T>(key: string) => data[key] as T | undefined, update: async (key, value) => void (data[key] = value) };
}

describe('expansion memory', () => {
  it('answers the default until the person chooses, then the choice, also in a new session', async () => {
    const store = memento();
    const memory = new ExpansionMemory(store);
    assert.equal(memory.isExpanded('vpc', false), false);
    assert.equal(memory.isExpanded('account', true), true);
    await memory.remember('vpc', true);
    await memory.remember('account', false);
    const next = new ExpansionMemory(store);
    assert.equal(next.isExpanded('vpc', false), true);
    assert.equal(next.isExpanded('account', true), false);
  });

  it('ignores a damaged saved value', () => {
    const memory = new ExpansionMemory(memento({ [EXPANSION_KEY]: [['ok', true], ['bad', 'yes'], 7] }));
    assert.equal(memory.isExpanded('ok', false), true);
    assert.equal(memory.isExpanded('bad', false), false);
  });

  it('forgets the oldest choices beyond its limit, not the newest', async () => {
    const store = memento();
    const memory = new ExpansionMemory(store);
    for (let i = 0; i < 2005; i++) await memory.remember(`n${i}`, true);
    assert.equal((store.data[EXPANSION_KEY] as unknown[]).length, 2000);
    assert.equal(memory.isExpanded('n0', false), false);
    assert.equal(memory.isExpanded('n2004', false), true);
  });
});
