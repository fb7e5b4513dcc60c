// Which rows the person opened or closed, kept in the workspace's state so a refresh, a new scan or
// a window reload shows the same rows open. Keyed by the row's id, which is built from what the
// row is (account, region, resource ids), not its position, so it means the same row next time.
// Pure apart from the store it is given (a vscode.Memento in the extension).

export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export const EXPANSION_KEY = 'serverlessNetworkMap.tree.expansion';

/** Enough for any tree a person clicks through; the oldest choices go first beyond it. */
const MAX_REMEMBERED = 2000;

export class ExpansionMemory {
  /** id → open; insertion order is age (a changed choice moves to the end). */
  private readonly choices: Map<string, boolean>;

  constructor(private readonly store: StateStore) {
    const saved = store.get<unknown>(EXPANSION_KEY);
    this.choices = new Map(Array.isArray(saved) ? saved.filter(isChoice) : []);
  }

  /** Open as the person left it, else as the tree opens it by default. */
  isExpanded(id: string, byDefault: boolean): boolean {
    return this.choices.get(id) ?? byDefault;
  }

  remember(id: string, expanded: boolean): Thenable<void> {
    this.choices.delete(id);
    this.choices.set(id, expanded);
    while (this.choices.size > MAX_REMEMBERED) this.choices.delete(this.choices.keys().next().value as string);
    return this.store.update(EXPANSION_KEY, [...this.choices]);
  }
}

function isChoice(entry: unknown): entry is [string, boolean] {
  return Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'boolean';
}
