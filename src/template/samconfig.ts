// The settings SAM CLI's `sam deploy` reads from samconfig beside the template: parameter
// overrides, region and stack name, from [<env>.deploy.parameters], falling back to
// [<env>.global.parameters]. samconfig.yaml/.yml go through the yaml library; for samconfig.toml
// no TOML parser is installed, so tomlTables() below reads only the subset samconfig files use
// (tables, key = string | array of strings | number | boolean, comments) and skips the rest.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-sam-cli-config.html
import { parse as parseYaml } from 'yaml';
import { parseParameterOverrides } from './parameters';

export interface SamconfigFile {
  readonly fileName: string;
  readonly text: string;
}

export interface SamconfigSettings {
  readonly parameterOverrides?: Readonly<Record<string, string>>;
  readonly region?: string;
  readonly stackName?: string;
  /** What could not be read, worded for a person. */
  readonly problems: readonly string[];
}

type Scalar = string | number | boolean;
type TomlValue = Scalar | Scalar[];
type Tables = Map<string, Map<string, TomlValue>>;

export function readSamconfig(file: SamconfigFile, environment = 'default'): SamconfigSettings {
  const problems: string[] = [];
  const tables = /\.ya?ml$/i.test(file.fileName) ? yamlTables(file.text, problems) : tomlTables(file.text, problems);
  const lookup = (key: string): TomlValue | undefined =>
    tables.get(`${environment}.deploy.parameters`)?.get(key) ?? tables.get(`${environment}.global.parameters`)?.get(key);
  const overridesValue = lookup('parameter_overrides');
  const items = overridesValue === undefined ? [] : Array.isArray(overridesValue) ? overridesValue.map(String) : [String(overridesValue)];
  const parsed = parseParameterOverrides(items);
  for (const text of parsed.rejected) problems.push(`${file.fileName}: parameter_overrides: cannot read "${text}" as Key=Value`);
  const region = lookup('region');
  const stackName = lookup('stack_name');
  return {
    ...(items.length > 0 ? { parameterOverrides: parsed.values } : {}),
    ...(typeof region === 'string' && region ? { region } : {}),
    ...(typeof stackName === 'string' && stackName ? { stackName } : {}),
    problems,
  };
}

function yamlTables(text: string, problems: string[]): Tables {
  const tables: Tables = new Map();
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    problems.push(`samconfig: ${(error as Error).message.split('\n')[0]}`);
    return tables;
  }
  if (typeof doc !== 'object' || doc === null) return tables;
  for (const [env, commands] of Object.entries(doc as Record<string, unknown>)) {
    if (typeof commands !== 'object' || commands === null) continue;
    for (const [command, section] of Object.entries(commands as Record<string, unknown>)) {
      const parameters = (section as { parameters?: unknown } | null)?.parameters;
      if (typeof parameters !== 'object' || parameters === null) continue;
      const table = new Map<string, TomlValue>();
      for (const [key, value] of Object.entries(parameters as Record<string, unknown>)) {
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') table.set(key, value);
        else if (Array.isArray(value)) table.set(key, value.map((v) => String(v)));
      }
      tables.set(`${env}.${command}.parameters`, table);
    }
  }
  return tables;
}

/** The TOML subset samconfig.toml uses; anything else on a line is skipped with a note. */
export function tomlTables(text: string, problems: string[]): Tables {
  const tables: Tables = new Map();
  let current: Map<string, TomlValue> | undefined = new Map();
  tables.set('', current);
  const reader = new TomlReader(text);
  while (!reader.done()) {
    reader.skipBlank();
    if (reader.done()) break;
    const line = reader.line;
    try {
      if (reader.peek('[[')) {
        // Arrays of tables do not occur in samconfig; their keys are skipped.
        reader.skipLine();
        current = undefined;
      } else if (reader.peek('[')) {
        reader.expect('[');
        const path = reader.keyPath(']');
        reader.expect(']');
        reader.endOfLine();
        current = new Map();
        tables.set(path.join('.'), current);
      } else {
        const path = reader.keyPath('=');
        reader.expect('=');
        const value = reader.value();
        reader.endOfLine();
        const key = path.pop() ?? '';
        const table = path.length === 0 ? current : undefined;
        table?.set(key, value);
      }
    } catch (error) {
      problems.push(`samconfig.toml line ${line + 1}: ${(error as Error).message}; line skipped`);
      reader.skipLine();
    }
  }
  return tables;
}

class TomlReader {
  private at = 0;
  line = 0;

  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length;
  }

  peek(token: string): boolean {
    return this.text.startsWith(token, this.at);
  }

  expect(token: string): void {
    this.spaces();
    if (!this.peek(token)) throw new Error(`expected ${token}`);
    this.at += token.length;
  }

  private spaces(): void {
    while (this.text[this.at] === ' ' || this.text[this.at] === '\t') this.at++;
  }

  /** Blank lines and comments, including newlines inside arrays. */
  skipBlank(): void {
    for (;;) {
      this.spaces();
      const c = this.text[this.at];
      if (c === '#') this.skipLine();
      else if (c === '\n' || c === '\r') this.newline();
      else return;
    }
  }

  private newline(): void {
    if (this.text[this.at] === '\r') this.at++;
    if (this.text[this.at] === '\n') this.at++;
    this.line++;
  }

  skipLine(): void {
    while (!this.done() && this.text[this.at] !== '\n') this.at++;
    if (!this.done()) this.newline();
  }

  endOfLine(): void {
    this.spaces();
    if (this.text[this.at] === '#') {
      while (!this.done() && this.text[this.at] !== '\n') this.at++;
    }
    if (this.done()) return;
    if (this.text[this.at] !== '\n' && this.text[this.at] !== '\r') throw new Error('unexpected text after the value');
    this.newline();
  }

  keyPath(end: string): string[] {
    const parts: string[] = [];
    for (;;) {
      this.spaces();
      const c = this.text[this.at];
      if (c === '"' || c === "'") parts.push(this.string());
      else {
        const match = /^[A-Za-z0-9_-]+/.exec(this.text.slice(this.at, this.at + 256));
        if (!match) throw new Error('expected a key');
        parts.push(match[0]);
        this.at += match[0].length;
      }
      this.spaces();
      if (this.peek('.')) this.at++;
      else if (this.peek(end)) return parts;
      else throw new Error(`expected . or ${end}`);
    }
  }

  value(): TomlValue {
    this.spaces();
    if (this.peek('[')) {
      this.at++;
      const items: Scalar[] = [];
      for (;;) {
        this.skipBlank();
        if (this.peek(']')) {
          this.at++;
          return items;
        }
        const item = this.value();
        if (Array.isArray(item)) throw new Error('nested arrays are not read');
        items.push(item);
        this.skipBlank();
        if (this.peek(',')) this.at++;
        else if (!this.peek(']')) throw new Error('expected , or ] in an array');
      }
    }
    const c = this.text[this.at];
    if (c === '"' || c === "'") return this.string();
    const match = /^[^\s,#\]]+/.exec(this.text.slice(this.at, this.at + 256));
    if (!match) throw new Error('expected a value');
    this.at += match[0].length;
    if (match[0] === 'true' || match[0] === 'false') return match[0] === 'true';
    const number = Number(match[0].replace(/_/g, ''));
    if (Number.isNaN(number)) throw new Error(`cannot read value ${match[0]}`);
    return number;
  }

  /** Basic ("…", """…""") and literal ('…', '''…''') strings. */
  string(): string {
    const quote = this.text[this.at] ?? '"';
    const triple = this.peek(quote.repeat(3));
    const delimiter = triple ? quote.repeat(3) : quote;
    this.at += delimiter.length;
    if (triple && this.text[this.at] === '\n') this.newline();
    let out = '';
    for (;;) {
      if (this.done() || (!triple && this.text[this.at] === '\n')) throw new Error('unterminated string');
      if (this.peek(delimiter)) {
        this.at += delimiter.length;
        return out;
      }
      const c = this.text[this.at] ?? '';
      if (c === '\n') this.line++;
      if (c === '\\' && quote === '"') {
        out += this.escape();
        continue;
      }
      out += c;
      this.at++;
    }
  }

  private escape(): string {
    const next = this.text[this.at + 1] ?? '';
    this.at += 2;
    const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };
    if (next in simple) return simple[next] ?? '';
    if (next === 'u' || next === 'U') {
      const length = next === 'u' ? 4 : 8;
      const hex = this.text.slice(this.at, this.at + length);
      this.at += length;
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) throw new Error('bad unicode escape');
      return String.fromCodePoint(parseInt(hex, 16));
    }
    throw new Error(`unknown escape \\${next}`);
  }
}
