// Where a template declares a resource: the range of its logical id under `Resources`, read with
// the `yaml` library (JSON is flow YAML, so one reader serves both). Pure: no `vscode` import, so
// it is tested in plain Node; lines and characters are 0-based, as in VS Code.
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

export interface TextPosition {
  line: number;
  character: number;
}

export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

/** The range of `logicalId`'s key in the template's Resources; undefined when the text does not declare it. */
export function logicalIdRange(text: string, logicalId: string): TextRange | undefined {
  const lines = new LineCounter();
  // A template with an error elsewhere still says where its resources are.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, strict: false, prettyErrors: false });
  if (!isMap(doc.contents)) return undefined;
  const resources = doc.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'Resources')?.value;
  if (!isMap(resources)) return undefined;
  for (const pair of resources.items) {
    if (!isScalar(pair.key) || String(pair.key.value) !== logicalId || !pair.key.range) continue;
    const [from, to] = pair.key.range;
    const position = (offset: number): TextPosition => {
      const { line, col } = lines.linePos(offset);
      return { line: line - 1, character: col - 1 };
    };
    return { start: position(from), end: position(to) };
  }
  return undefined;
}
