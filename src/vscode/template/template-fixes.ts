// Quick fixes for template findings: the finding's machine-readable `fix` written into the file
// as text edits that keep its formatting — a new resource after the last one under `Resources`,
// indented as the file indents, or a function's subnet list replaced in place. Ids in a fix are
// the snapshot's; a resource the template declares is referred to by `Ref` to its logical id, an
// account resource (checked against a scan) by its literal id.
// Pure: no `vscode` import, so every edit is tested by applying it and checking the result again.
import type { Finding, FindingFix, Position } from '../../model/finding';
import type { Snapshot } from '../../model/snapshot';
import type { TemplateCheck } from '../../template/check-template';
import { logicalIdOf } from './template-refs';
import { freeLogicalId, templateLayout, type TemplateLayout } from './template-layout';
import { setProperty } from './template-properties';
import { conditionFor, conditionsOf } from './template-conditions';
import { inlineValue, jsonResource, ref, sub, yamlResource, type TemplateValue } from './template-value';

/** Replace `[start, end)` of the text with `text` (an insertion when start = end). */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface TemplateFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

type Resource = { readonly [key: string]: TemplateValue };
type Check = Pick<TemplateCheck, 'snapshot' | 'rangeOf'>;

/** The conditions of the declared resources among `ids` (account resources always exist). */
function conditionsOfIds(text: string, snapshot: Snapshot, ids: readonly string[]): string[] {
  return ids.flatMap((id) => {
    const logicalId = logicalIdOf(snapshot, id);
    return logicalId !== undefined ? conditionsOf(text, logicalId) : [];
  });
}

/** `resource` with `Condition` after its `Type`, as templates write it; unchanged when there is none. */
function withCondition(resource: Resource, condition: string | undefined): Resource {
  if (condition === undefined) return resource;
  const { Type, ...rest } = resource;
  return { Type: Type!, Condition: condition, ...rest };
}

function reference(snapshot: Snapshot, id: string): TemplateValue {
  const logicalId = logicalIdOf(snapshot, id);
  return logicalId !== undefined ? ref(logicalId) : id;
}

function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset + position.character;
}

function capitalized(text: string): string {
  return text.replace(/(^|[^A-Za-z0-9])([a-z])/g, (_, __: string, letter: string) => letter.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');
}

/** New resources inserted after the last one, in the file's own syntax and indentation. */
function insertResources(layout: TemplateLayout, resources: ReadonlyArray<readonly [string, Resource]>): TextEdit {
  if (layout.json) {
    const text = resources.map(([id, body]) => `,\n${jsonResource(id, body, layout).join('\n')}`).join('');
    return { start: layout.insertAt, end: layout.insertAt, text };
  }
  const text = resources.map(([id, body]) => `\n\n${yamlResource(id, body, layout).join('\n')}`).join('');
  return { start: layout.insertAt, end: layout.insertAt, text };
}

/**
 * The stage SAM generates for an `AWS::Serverless::Api`/`HttpApi`: a mapping must wait for it, or
 * CloudFormation may create the mapping first and fail with "Invalid stage identifier".
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources-api.html
 */
function samStageId(fix: Extract<FindingFix, { kind: 'add-api-mapping' }>, check: Check, layout: TemplateLayout): string | undefined {
  const api = logicalIdOf(check.snapshot, fix.apiId);
  const type = api !== undefined ? layout.types.get(api) : undefined;
  if (type !== 'AWS::Serverless::Api' && type !== 'AWS::Serverless::HttpApi') return undefined;
  if (fix.stage === '$default') return `${api}ApiGatewayDefaultStage`;
  return /^[A-Za-z0-9]+$/.test(fix.stage) ? `${api}${fix.stage}Stage` : undefined;
}

function apiMapping(fix: Extract<FindingFix, { kind: 'add-api-mapping' }>, text: string, check: Check, layout: TemplateLayout): TemplateFix | undefined {
  // The mapping refers to the domain and the API (and waits for the API's stage, which exists
  // when the API does): it may exist only when they do.
  const condition = conditionFor(text, conditionsOfIds(text, check.snapshot, [fix.domainName, fix.apiId]), layout);
  if (!condition) return undefined;
  const domain = reference(check.snapshot, fix.domainName);
  const api = reference(check.snapshot, fix.apiId);
  const base = `${typeof domain === 'string' ? capitalized(fix.domainName) : logicalIdOf(check.snapshot, fix.domainName)}${fix.apiVersion === 'v1' ? 'BasePathMapping' : 'ApiMapping'}`;
  const id = freeLogicalId(base, layout.logicalIds);
  let resource: Resource =
    fix.apiVersion === 'v1'
      ? { Type: 'AWS::ApiGateway::BasePathMapping', Properties: { DomainName: domain, RestApiId: api, Stage: fix.stage } }
      : { Type: 'AWS::ApiGatewayV2::ApiMapping', Properties: { DomainName: domain, ApiId: api, Stage: fix.stage } };
  const stageId = samStageId(fix, check, layout);
  if (stageId) resource = { Type: resource.Type!, DependsOn: stageId, Properties: resource.Properties! };
  resource = withCondition(resource, condition.condition);
  const type = fix.apiVersion === 'v1' ? 'BasePathMapping' : 'ApiMapping';
  return { title: `Add ${type} ${id} (${fix.domainName} → stage ${fix.stage})`, edits: [...condition.edits, insertResources(layout, [[id, resource]])] };
}

function interfaceEndpoint(
  fix: Extract<FindingFix, { kind: 'add-interface-endpoint' }>,
  functionLogicalId: string | undefined,
  text: string,
  check: Check,
  layout: TemplateLayout,
): TemplateFix | undefined {
  // The endpoint and its group refer to the VPC, the subnets and the functions' groups: they may
  // exist only when those do. The function's own condition (or its VpcConfig's `Fn::If`) is when
  // it is in the VPC at all: without it, no endpoint is needed.
  const referenced = conditionsOfIds(text, check.snapshot, [fix.vpcId, ...fix.subnetIds, ...fix.sourceSecurityGroupIds]);
  const fn = functionLogicalId !== undefined ? conditionsOf(text, functionLogicalId, ['Properties', 'VpcConfig']) : [];
  const condition = conditionFor(text, [...referenced, ...fn], layout);
  if (!condition) return undefined;
  const name = capitalized(fix.service);
  const endpointId = freeLogicalId(`${name}InterfaceEndpoint`, layout.logicalIds);
  const groupId = freeLogicalId(`${name}EndpointSecurityGroup`, new Set([...layout.logicalIds, endpointId]));
  const vpc = reference(check.snapshot, fix.vpcId);
  const group: Resource = withCondition({
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: `HTTPS to the ${fix.service} interface endpoint from the functions that call it`,
      VpcId: vpc,
      SecurityGroupIngress: fix.sourceSecurityGroupIds.map((source) => ({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, SourceSecurityGroupId: reference(check.snapshot, source) })),
    },
  }, condition.condition);
  const endpoint: Resource = withCondition({
    Type: 'AWS::EC2::VPCEndpoint',
    Properties: {
      VpcEndpointType: 'Interface',
      // Region-independent, so the template still deploys anywhere.
      ServiceName: sub(`com.amazonaws.\${AWS::Region}.${fix.service}`),
      VpcId: vpc,
      PrivateDnsEnabled: true,
      SubnetIds: fix.subnetIds.map((subnet) => reference(check.snapshot, subnet)),
      SecurityGroupIds: [ref(groupId)],
    },
  }, condition.condition);
  const dns = vpcDnsEdits(fix.vpcId, text, check, layout);
  return {
    title: `Add interface endpoint ${endpointId} for ${fix.service} (with security group ${groupId}${dns.length > 0 ? `; turn on DNS hostnames for ${logicalIdOf(check.snapshot, fix.vpcId) ?? fix.vpcId}` : ''})`,
    edits: [...condition.edits, ...dns, insertResources(layout, [[groupId, group], [endpointId, endpoint]])],
  };
}

/**
 * Private DNS, which lets the SDK's default host name reach the endpoint, works only in a VPC with
 * DNS support and DNS hostnames on — and CloudFormation creates a VPC with hostnames off unless
 * told. So the endpoint alone would leave the function as broken as before: for a VPC the
 * template declares, turn both on with it. (An account VPC is changed outside the template.)
 * https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#private-dns
 */
function vpcDnsEdits(vpcId: string, text: string, check: Check, layout: TemplateLayout): TextEdit[] {
  const vpc = check.snapshot.resources.vpcs.find((v) => v.id === vpcId);
  const logicalId = logicalIdOf(check.snapshot, vpcId);
  if (!vpc || logicalId === undefined) return [];
  const edits: TextEdit[] = [];
  for (const [key, on] of [['EnableDnsSupport', vpc.enableDnsSupport], ['EnableDnsHostnames', vpc.enableDnsHostnames]] as const) {
    if (on !== false) continue;
    const edit = setProperty(text, logicalId, key, true, layout.json);
    if (!edit) return [];
    edits.push(edit);
  }
  // Two insertions before the same first property: one edit, in the order written.
  if (edits.length === 2 && edits[0]!.start === edits[1]!.start && edits[0]!.end === edits[0]!.start && edits[1]!.end === edits[1]!.start) {
    return [{ start: edits[0]!.start, end: edits[0]!.end, text: edits[0]!.text + edits[1]!.text }];
  }
  return edits;
}

/** The function's SubnetIds items replaced in place (block or flow list, YAML or JSON); undefined when they are not a literal list. */
function moveToSubnets(fix: Extract<FindingFix, { kind: 'move-to-subnets' }>, text: string, check: Check, json: boolean): TemplateFix | undefined {
  const fn = logicalIdOf(check.snapshot, fix.functionId);
  if (fn === undefined) return undefined;
  const path = ['Properties', 'VpcConfig', 'SubnetIds'];
  const items: { start: number; end: number }[] = [];
  for (let i = 0; ; i++) {
    const range = check.rangeOf(fn, [...path, i]);
    if (!range) break;
    items.push({ start: offsetAt(text, range.start), end: offsetAt(text, range.end) });
  }
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return undefined;
  const values = fix.subnetIds.map((subnet) => inlineValue(reference(check.snapshot, subnet), json));
  const lineStart = text.lastIndexOf('\n', first.start - 1) + 1;
  const before = text.slice(lineStart, first.start);
  const names = fix.subnetIds.map((subnet) => logicalIdOf(check.snapshot, subnet) ?? subnet).join(', ');
  const title = `Move ${fn} to subnets ${names}`;
  const block = /^\s*-\s*$/.test(before);
  if (!block) return { title, edits: [{ start: first.start, end: last.end, text: values.join(', ') }] };
  // A block list: one `- item` line per subnet at the first item's column.
  return { title, edits: [{ start: first.start, end: last.end, text: values.join(`\n${before}`) }] };
}

/** The quick fix for a finding, or undefined when its fix is not one we can write into this template. */
export function templateFix(text: string, finding: Finding, check: Check): TemplateFix | undefined {
  const fix = finding.fix;
  if (!fix) return undefined;
  const layout = templateLayout(text);
  if (!layout) return undefined;
  switch (fix.kind) {
    case 'add-api-mapping':
      return apiMapping(fix, text, check, layout);
    case 'add-interface-endpoint':
      return interfaceEndpoint(fix, finding.resource.logicalId, text, check, layout);
    case 'move-to-subnets':
      return moveToSubnets(fix, text, check, layout.json);
    default:
      return undefined;
  }
}

/** The text with the edits applied (they never overlap): what the editor would show afterwards. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}
