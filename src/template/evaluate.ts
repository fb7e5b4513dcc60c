// Evaluates template expressions: every intrinsic function of CloudFormation, over the bound
// parameters, pseudo parameters, Mappings, decided Conditions and the template's resources.
// Whatever the template does not give becomes symbolic (values.ts), never a guess.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
import { cidrSplit } from './cidr-split';
import { childOf, describeNode, scalarText, type MapNode, type TemplateNode } from './template-node';
import { isSymbolic, knownText, NO_VALUE, sameValue, symbolic, valueBoolean, valueNumber, valueText, type Value, type ValueMap } from './values';

export interface Scope {
  /** Pseudo parameters: known, or symbolic ("<region>") when no region was given. */
  readonly pseudo: Readonly<Record<string, Value>>;
  /** A bound parameter's value, symbolic when it has none; undefined when no such parameter. */
  parameter(name: string): Value | undefined;
  /** true/false when decided, undefined when it depends on something unknown. */
  condition(name: string): boolean | undefined;
  readonly mappings: MapNode | undefined;
  /** What `Ref` of a template resource returns; undefined when there is no such resource. */
  resourceRef(logicalId: string): Value | undefined;
  /** What `Fn::GetAtt` returns; symbolic when known only after deploy. */
  resourceAttribute(logicalId: string, attribute: string): Value | undefined;
  /** Evaluation steps left: pathological templates (alias bombs) stop here instead of hanging. */
  readonly budget: { steps: number };
}

const unknownOf = (node: TemplateNode): string => symbolic(describeNode(node));

function args(node: TemplateNode): readonly TemplateNode[] {
  return node.kind === 'seq' ? node.items : [node];
}

export function evaluate(node: TemplateNode | undefined, scope: Scope): Value {
  if (node === undefined) return NO_VALUE;
  if (--scope.budget.steps < 0) return symbolic('template too complex to evaluate');
  switch (node.kind) {
    case 'scalar':
      // Dynamic references are resolved by CloudFormation at deploy time.
      return typeof node.value === 'string' && node.value.includes('{{resolve:') ? symbolic(node.value) : node.value;
    case 'seq': {
      const items: Value[] = [];
      for (const item of node.items) {
        const value = evaluate(item, scope);
        if (value !== NO_VALUE) items.push(value);
      }
      return items;
    }
    case 'map': {
      const map: Record<string, Value> = {};
      for (const entry of node.entries) {
        const value = evaluate(entry.value, scope);
        if (value !== NO_VALUE) map[entry.key] = value;
      }
      return map as ValueMap;
    }
    case 'invalid':
      return symbolic(node.reason);
    case 'fn':
      return evaluateFunction(node.name, node.arg, node, scope);
  }
}

function evaluateFunction(name: string, arg: TemplateNode, node: TemplateNode, scope: Scope): Value {
  switch (name) {
    case 'Ref':
      return ref(scalarText(arg) ?? valueText(evaluate(arg, scope)) ?? '', node, scope);
    case 'Fn::GetAtt':
      return getAtt(arg, node, scope);
    case 'Fn::Sub':
      return sub(arg, node, scope);
    case 'Fn::Join':
      return join(arg, node, scope);
    case 'Fn::Select': {
      const [indexNode, listNode] = args(arg);
      const index = valueNumber(evaluate(indexNode, scope));
      const list = evaluate(listNode, scope);
      if (index === undefined || !Array.isArray(list)) return unknownOf(node);
      return (list as Value[])[index] ?? unknownOf(node);
    }
    case 'Fn::Split': {
      const [delimiterNode, sourceNode] = args(arg);
      const delimiter = knownText(evaluate(delimiterNode, scope));
      const source = valueText(evaluate(sourceNode, scope));
      if (delimiter === undefined || delimiter === '' || source === undefined) return unknownOf(node);
      // A symbolic source has unknown pieces: one unknown item, not a split through the symbol.
      return isSymbolic(source) ? [unknownOf(node)] : source.split(delimiter);
    }
    case 'Fn::FindInMap':
      return findInMap(arg, node, scope);
    case 'Fn::If': {
      const [conditionNode, whenTrue, whenFalse] = args(arg);
      const decided = scope.condition(scalarText(conditionNode) ?? '');
      if (decided === true) return evaluate(whenTrue, scope);
      if (decided === false) return evaluate(whenFalse, scope);
      const a = evaluate(whenTrue, scope);
      const b = evaluate(whenFalse, scope);
      return a !== NO_VALUE && b !== NO_VALUE && sameValue(a, b) ? a : unknownOf(node);
    }
    case 'Fn::Cidr': {
      const [blockNode, countNode, bitsNode] = args(arg);
      const block = knownText(evaluate(blockNode, scope));
      const count = valueNumber(evaluate(countNode, scope));
      const bits = valueNumber(evaluate(bitsNode, scope));
      return (block !== undefined && count !== undefined && bits !== undefined && cidrSplit(block, count, bits)) || unknownOf(node);
    }
    case 'Fn::Length': {
      const list = evaluate(arg, scope);
      return Array.isArray(list) && !list.some((v) => typeof v === 'string' && isSymbolic(v)) ? list.length : unknownOf(node);
    }
    case 'Fn::ToJsonString': {
      const value = evaluate(arg, scope);
      const json = JSON.stringify(value);
      return json === undefined || isSymbolic(json) ? unknownOf(node) : json;
    }
    case 'Fn::Equals':
    case 'Fn::And':
    case 'Fn::Or':
    case 'Fn::Not':
    case 'Condition': {
      const decided = evaluateCondition(node, scope);
      return decided === undefined ? unknownOf(node) : decided;
    }
    default:
      // Fn::ImportValue, Fn::GetAZs, Fn::Base64, Fn::Transform and rule functions: known only at deploy.
      return unknownOf(node);
  }
}

function ref(name: string, node: TemplateNode, scope: Scope): Value {
  if (name === 'AWS::NoValue') return NO_VALUE;
  if (name in scope.pseudo) return scope.pseudo[name] as Value;
  return scope.parameter(name) ?? scope.resourceRef(name) ?? unknownOf(node);
}

function getAtt(arg: TemplateNode, node: TemplateNode, scope: Scope): Value {
  let logicalId: string | undefined;
  let attribute: string | undefined;
  if (arg.kind === 'seq') {
    logicalId = knownText(evaluate(arg.items[0], scope));
    attribute = knownText(evaluate(arg.items[1], scope));
  } else {
    const text = scalarText(arg) ?? '';
    const dot = text.indexOf('.');
    if (dot > 0) {
      logicalId = text.slice(0, dot);
      attribute = text.slice(dot + 1);
    }
  }
  if (!logicalId || !attribute) return unknownOf(node);
  return scope.resourceAttribute(logicalId, attribute) ?? unknownOf(node);
}

function sub(arg: TemplateNode, node: TemplateNode, scope: Scope): Value {
  const [templateNode, variablesNode] = args(arg);
  const template = scalarText(templateNode);
  if (template === undefined) return unknownOf(node);
  const variables = variablesNode?.kind === 'map' ? variablesNode : undefined;
  return template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
    const name = inner.trim();
    const variable = variables?.byKey.get(name);
    let value: Value;
    if (variable) value = evaluate(variable.value, scope);
    else if (name.includes('.') && !name.startsWith('AWS::')) {
      const dot = name.indexOf('.');
      value = scope.resourceAttribute(name.slice(0, dot), name.slice(dot + 1)) ?? symbolic(`GetAtt ${name}`);
    } else value = ref(name, { kind: 'scalar', value: `Ref ${name}`, span: node.span }, scope);
    if (value === NO_VALUE) return '';
    return valueText(value) ?? symbolic(whole);
  });
}

function join(arg: TemplateNode, node: TemplateNode, scope: Scope): Value {
  const [delimiterNode, listNode] = args(arg);
  const delimiter = valueText(evaluate(delimiterNode, scope));
  const list = evaluate(listNode, scope);
  if (delimiter === undefined || !Array.isArray(list)) return unknownOf(node);
  const parts = (list as Value[]).map(valueText);
  return parts.every((p): p is string => p !== undefined) ? parts.join(delimiter) : unknownOf(node);
}

function findInMap(arg: TemplateNode, node: TemplateNode, scope: Scope): Value {
  const [mapNameNode, topNode, secondNode, options] = args(arg);
  const keys = [mapNameNode, topNode, secondNode].map((n) => knownText(evaluate(n, scope)));
  let found: TemplateNode | undefined = scope.mappings;
  for (const key of keys) found = key === undefined ? undefined : childOf(found, key);
  if (found) return evaluate(found, scope);
  // Fn::FindInMap's DefaultValue (AWS::LanguageExtensions) applies when a key is missing.
  const fallback = childOf(options, 'DefaultValue');
  if (fallback && keys.every((k) => k !== undefined)) return evaluate(fallback, scope);
  return unknownOf(node);
}

/** A condition expression: true, false, or undefined when it depends on something unknown. */
export function evaluateCondition(node: TemplateNode | undefined, scope: Scope): boolean | undefined {
  if (node === undefined || --scope.budget.steps < 0) return undefined;
  if (node.kind === 'map' && node.entries.length === 1 && node.entries[0]?.key === 'Condition') {
    return scope.condition(scalarText(node.entries[0].value) ?? '');
  }
  if (node.kind !== 'fn') return valueBoolean(evaluate(node, scope));
  const operands = args(node.arg);
  switch (node.name) {
    case 'Condition':
      return scope.condition(scalarText(node.arg) ?? '');
    case 'Fn::Not': {
      const inner = evaluateCondition(operands[0], scope);
      return inner === undefined ? undefined : !inner;
    }
    case 'Fn::And':
    case 'Fn::Or': {
      const wanted = node.name === 'Fn::Or';
      let unknown = false;
      for (const operand of operands) {
        const value = evaluateCondition(operand, scope);
        if (value === wanted) return wanted;
        if (value === undefined) unknown = true;
      }
      return unknown ? undefined : !wanted;
    }
    case 'Fn::Equals': {
      const [a, b] = operands.map((operand) => evaluate(operand, scope));
      if (a === undefined || b === undefined) return undefined;
      if (containsSymbolic(a) || containsSymbolic(b)) return undefined;
      return sameValue(a, b);
    }
    default:
      return valueBoolean(evaluate(node, scope));
  }
}

function containsSymbolic(value: Value): boolean {
  if (typeof value === 'string') return isSymbolic(value);
  if (Array.isArray(value)) return (value as Value[]).some(containsSymbolic);
  return false;
}
