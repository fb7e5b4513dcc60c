// Status-bar text and quick-pick labels render `$(name)` as an icon. Text from the user's files
// (profile names, regions) is escaped so it shows as written.

/** `\$(` shows literally instead of as an icon. */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}
