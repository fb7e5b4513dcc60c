// Small helpers so every message reads as an English sentence whatever the counts are.

/** "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Picks the singular or plural form by count. */
export function plural(count: number, singular: string, pluralForm: string): string {
  return count === 1 ? singular : pluralForm;
}

/** "id (Name tag)" when the resource has a name, so people recognise it; else the id. */
export function labelled(id: string, name: string | undefined): string {
  return name && name !== id ? `${id} (${name})` : id;
}

/**
 * First `max` items, then "and N more", to keep messages short for large configurations;
 * only the items shown are turned into text.
 */
export function listCapped<T>(items: readonly T[], toText: (item: T) => string, max = 4): string {
  const shown = items.slice(0, max).map(toText);
  if (items.length <= max) return listWords(shown);
  return `${shown.join(', ')} and ${items.length - max} more`;
}
