// Parameters bound as SAM CLI binds them: --parameter-overrides, else samconfig's
// parameter_overrides, else the parameter's Default; a parameter with none of these has no value.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-cli-command-reference-sam-deploy.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
import { childOf, scalarText, type MapNode } from './template-node';
import { symbolic, type Value } from './values';

export type ParameterSource = 'override' | 'samconfig' | 'default';

export interface ParameterBinding {
  readonly name: string;
  readonly type: string;
  /** The value as text (list types comma-separated, as CloudFormation takes them); undefined when none. */
  readonly text?: string;
  readonly source?: ParameterSource;
}

/**
 * `Key=Value` pairs as SAM CLI reads them: several per argument separated by spaces, values in
 * double or single quotes when they hold spaces, or the long `ParameterKey=K,ParameterValue=V` form.
 */
const PAIR = /(?:ParameterKey=([A-Za-z0-9]+),ParameterValue=|([A-Za-z0-9]+)=)("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|(?:\\.|[^\s"\\])+|)/g;

export interface ParsedOverrides {
  readonly values: Readonly<Record<string, string>>;
  /** Text that is not a Key=Value pair, for the caller to report. */
  readonly rejected: readonly string[];
}

export function parseParameterOverrides(items: readonly string[]): ParsedOverrides {
  const values: Record<string, string> = {};
  const rejected: string[] = [];
  for (const item of items) {
    let matched = '';
    for (const match of item.matchAll(PAIR)) {
      const key = match[1] ?? match[2];
      if (!key) continue;
      values[key] = unquote(match[3] ?? '');
      matched += match[0];
    }
    const rest = item.replace(PAIR, '').trim();
    if (rest.length > 0 || matched.length === 0) rejected.push(rest.length > 0 ? rest : item);
  }
  return { values, rejected };
}

function unquote(text: string): string {
  if (text.length >= 2 && ((text.startsWith('"') && text.endsWith('"')) || (text.startsWith("'") && text.endsWith("'")))) {
    return text.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return text.replace(/\\(.)/g, '$1');
}

/** Binds every declared parameter; `overrides` win over `samconfig`, which wins over Default. */
export function bindParameters(
  root: MapNode,
  overrides: Readonly<Record<string, string>> | undefined,
  samconfig: Readonly<Record<string, string>> | undefined,
): Map<string, ParameterBinding> {
  const bindings = new Map<string, ParameterBinding>();
  const declared = childOf(root, 'Parameters');
  if (declared?.kind !== 'map') return bindings;
  for (const entry of declared.entries) {
    const type = scalarText(childOf(entry.value, 'Type')) ?? 'String';
    const fromOverride = overrides?.[entry.key];
    const fromSamconfig = samconfig?.[entry.key];
    const defaultNode = childOf(entry.value, 'Default');
    const fromDefault = defaultNode?.kind === 'seq' ? defaultNode.items.map((i) => scalarText(i) ?? '').join(',') : scalarText(defaultNode);
    const binding: ParameterBinding =
      fromOverride !== undefined
        ? { name: entry.key, type, text: fromOverride, source: 'override' }
        : fromSamconfig !== undefined
          ? { name: entry.key, type, text: fromSamconfig, source: 'samconfig' }
          : fromDefault !== undefined
            ? { name: entry.key, type, text: fromDefault, source: 'default' }
            : { name: entry.key, type };
    bindings.set(entry.key, binding);
  }
  return bindings;
}

/** What `Ref` of the parameter returns: text, a list for list types, symbolic when unknown. */
export function parameterValue(binding: ParameterBinding): Value {
  // SSM parameter types take the parameter's *name*; CloudFormation reads the value at deploy.
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html#aws-ssm-parameter-types
  if (binding.type.startsWith('AWS::SSM::Parameter::Value<')) {
    return symbolic(`SSM parameter ${binding.text ?? binding.name}`);
  }
  if (binding.text === undefined) return symbolic(`Ref ${binding.name}`);
  const isList = binding.type === 'CommaDelimitedList' || binding.type.startsWith('List<');
  // List members are trimmed of spaces.
  return isList ? (binding.text === '' ? [] : binding.text.split(',').map((part) => part.trim())) : binding.text;
}
