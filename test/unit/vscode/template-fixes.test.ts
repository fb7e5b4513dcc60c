// Quick-fix edits written into real templates (the demo and the seed-story corpus): each edit is
// applied, the result must still parse as YAML/JSON, keep the file's indentation, and — checked
// again with checkTemplate — no longer have the finding it fixes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { FindingCode } from '../../../src/model/finding';
import { checkTemplate } from '../../../src/template/check-template';
import { applyEdits, templateFix, type TemplateFix } from '../../../src/vscode/template/template-fixes';
import { templateLayout } from '../../../src/vscode/template/template-layout';

const REPO = join(__dirname, '..', '..', '..');
const read = (path: string): string => readFileSync(join(REPO, path), 'utf8');

function fixFor(text: string, code: FindingCode): { fix: TemplateFix; after: string } {
  const check = checkTemplate(text, { fileName: 'template.yaml' });
  const finding = check.findings.find((f) => f.code === code);
  assert.ok(finding, `the template has ${code}`);
  const fix = templateFix(text, finding, check);
  assert.ok(fix, `a quick fix for ${code}`);
  return { fix, after: applyEdits(text, fix.edits) };
}

function codesOf(text: string): string[] {
  return checkTemplate(text, { fileName: 'template.yaml' }).findings.map((f) => f.code);
}

function assertParses(text: string): void {
  const doc = parseDocument(text);
  assert.deepEqual(doc.errors, [], 'the fixed template parses');
}

describe('template quick fixes', () => {
  it('adds a BasePathMapping for the demo domain, waiting for the SAM stage, and the finding goes', () => {
    const text = read('demo/template.yaml');
    const { fix, after } = fixFor(text, 'domain-no-mapping');
    assert.match(fix.title, /^Add BasePathMapping ApiCustomDomainBasePathMapping/);
    assertParses(after);
    assert.match(after, /\n {2}ApiCustomDomainBasePathMapping:\n {4}Type: AWS::ApiGateway::BasePathMapping\n {4}DependsOn: SmartOrderApiprodStage\n {4}Properties:\n {6}DomainName: !Ref ApiCustomDomain\n {6}RestApiId: !Ref SmartOrderApi\n {6}Stage: prod\n\nOutputs:/);
    assert.ok(!codesOf(after).includes('domain-no-mapping'));
    // Only an insertion: every line of the original is still there, in order.
    assert.equal(after.replace(fix.edits[0]!.text, ''), text);
  });

  it('adds the mapping for the hand-wired story-2 domain too', () => {
    const { after } = fixFor(read('test/fixtures/templates/story2-custom-domain-without-mapping.yaml'), 'domain-no-mapping');
    assertParses(after);
    assert.deepEqual(codesOf(after).filter((c) => c !== 'unverifiable-path'), []);
  });

  it('moves the demo worker to the private subnets in place, fixing both its findings', () => {
    const text = read('demo/template.yaml');
    const { fix, after } = fixFor(text, 'lambda-vpc-public-subnet');
    assert.equal(fix.title, 'Move CancelOrderWorker to subnets PrivateSubnet2a, PrivateSubnet2c');
    assertParses(after);
    assert.match(after, /CancelOrderWorker[\s\S]*?SubnetIds:\n {10}- !Ref PrivateSubnet2a\n {10}- !Ref PrivateSubnet2c\n {8}SecurityGroupIds:/);
    const codes = codesOf(after);
    assert.ok(!codes.includes('lambda-vpc-public-subnet') && !codes.includes('lambda-vpc-no-aws-endpoint'), codes.join(', '));
    assert.equal(after.split('\n').length, text.split('\n').length);
  });

  it('replaces a flow list of subnets as a flow list', () => {
    const text = read('demo/template.yaml').replace(
      /SubnetIds:\n {10}- !Ref PublicSubnet2a\n {10}- !Ref PublicSubnet2c/,
      'SubnetIds: [!Ref PublicSubnet2a, !Ref PublicSubnet2c]',
    );
    const { after } = fixFor(text, 'lambda-vpc-public-subnet');
    assert.match(after, /SubnetIds: \[!Ref PrivateSubnet2a, !Ref PrivateSubnet2c\]/);
    assertParses(after);
  });

  it('adds an interface endpoint with its security group for story 1, and the finding goes', () => {
    const { fix, after } = fixFor(read('test/fixtures/templates/story1-invoke-from-public-subnets.yaml'), 'lambda-vpc-no-aws-endpoint');
    assert.match(fix.title, /LambdaInterfaceEndpoint/);
    assertParses(after);
    assert.match(after, /LambdaInterfaceEndpoint:\n {4}Type: AWS::EC2::VPCEndpoint\n {4}Properties:\n {6}VpcEndpointType: Interface\n {6}ServiceName: !Sub "com\.amazonaws\.\$\{AWS::Region\}\.lambda"/);
    assert.match(after, /PrivateDnsEnabled: true/);
    assert.match(after, /SecurityGroupIngress:\n {8}- IpProtocol: tcp\n {10}FromPort: 443\n {10}ToPort: 443\n {10}SourceSecurityGroupId: !Ref FunctionSecurityGroup/);
    assert.ok(!codesOf(after).includes('lambda-vpc-no-aws-endpoint'));
  });

  it('an endpoint in a VPC with DNS hostnames off (the CloudFormation default) turns them on too, so the finding goes', () => {
    // conditional-vpc.yaml declares its VPC with no EnableDnsHostnames: private DNS would not work there.
    const text = read('test/fixtures/templates/conditional-vpc.yaml');
    const { fix, after } = fixFor(text, 'lambda-vpc-no-aws-endpoint');
    assert.match(fix.title, /LambdaInterfaceEndpoint .*turn on DNS hostnames for Vpc/);
    assertParses(after);
    assert.match(after, /\n {2}Vpc:\n {4}Type: AWS::EC2::VPC\n {4}Properties:\n {6}EnableDnsHostnames: true\n {6}CidrBlock: 10\.90\.0\.0\/16\n/);
    assert.match(after, /LambdaInterfaceEndpoint:\n {4}Type: AWS::EC2::VPCEndpoint/);
    // Checked again, in both deploy-time choices of UseVpc: the function can now reach the Lambda API.
    for (const UseVpc of ['true', 'false']) {
      const codes = checkTemplate(after, { fileName: 'template.yaml', parameterOverrides: { UseVpc } }).findings.map((f) => `${f.code} ${f.severity}`);
      assert.ok(!codes.some((c) => c.startsWith('lambda-vpc-no-aws-endpoint')), `UseVpc=${UseVpc}: ${codes.join(', ')}`);
    }
  });

  it('an explicit EnableDnsSupport/EnableDnsHostnames false is set to true in place, in YAML and in JSON', () => {
    const yamlText = read('test/fixtures/templates/conditional-vpc.yaml').replace('      CidrBlock: 10.90.0.0/16\n', '      CidrBlock: 10.90.0.0/16\n      EnableDnsSupport: false # off\n      EnableDnsHostnames: false\n');
    const yamlFix = fixFor(yamlText, 'lambda-vpc-no-aws-endpoint');
    assert.match(yamlFix.after, /CidrBlock: 10\.90\.0\.0\/16\n {6}EnableDnsSupport: true # off\n {6}EnableDnsHostnames: true\n/);
    assert.ok(!codesOf(yamlFix.after).includes('lambda-vpc-no-aws-endpoint'));
    // The JSON fixture without its NAT gateway: the endpoint is the fix, and the VPC (a one-line
    // object) gets the member inline; the file stays JSON.
    const jsonText = read('test/fixtures/templates/json-api-through-nat.json')
      .split('\n')
      .filter((line) => !/^\s*"(NatIp|Nat)":/.test(line))
      .join('\n')
      .replace(/\n\s*"PrivateDefault": \{\n[^\n]*\n[^\n]*\n\s*\},/, '');
    const jsonFix = fixFor(jsonText, 'lambda-vpc-no-aws-endpoint');
    assert.match(jsonFix.after, /"Vpc": \{ "Type": "AWS::EC2::VPC", "Properties": \{ "EnableDnsHostnames": true, "CidrBlock": "10\.100\.0\.0\/16" \} \},/);
    assert.doesNotThrow(() => JSON.parse(jsonFix.after));
    assert.ok(!codesOf(jsonFix.after).includes('lambda-vpc-no-aws-endpoint'), codesOf(jsonFix.after).join(', '));
  });

  it('writes with the file indentation: four spaces', () => {
    // The same template as the yaml library writes it with four spaces.
    const text = parseDocument(read('test/fixtures/templates/story1-invoke-from-public-subnets.yaml')).toString({ indent: 4, indentSeq: false });
    const layout = templateLayout(text);
    assert.equal(layout?.unit, 4);
    const { after } = fixFor(text, 'lambda-vpc-no-aws-endpoint');
    assertParses(after);
    assert.match(after, /\n {4}LambdaInterfaceEndpoint:\n {8}Type: AWS::EC2::VPCEndpoint\n {8}Properties:\n {12}VpcEndpointType: Interface/);
    assert.ok(!codesOf(after).includes('lambda-vpc-no-aws-endpoint'));
  });

  it('writes JSON into a JSON template, which still parses as JSON', () => {
    const text = JSON.stringify(parseDocument(read('test/fixtures/templates/story1-invoke-from-public-subnets.yaml'), { customTags: [] }).toJS(), null, 2);
    const layout = templateLayout(text);
    assert.equal(layout?.json, true);
    const check = checkTemplate(text, { fileName: 'template.json' });
    for (const finding of check.findings) {
      const fix = templateFix(text, finding, check);
      if (fix) assert.doesNotThrow(() => JSON.parse(applyEdits(text, fix.edits)), fix.title);
    }
  });

  it('writes lists flush with their keys where the file does', () => {
    const text = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n      - Key: a\n        Value: b\n';
    const layout = templateLayout(text);
    assert.equal(layout?.indentSequences, false);
    assert.equal(layout?.insertAt, text.length - 1);
  });

  it('never reuses a logical id', () => {
    const text = read('demo/template.yaml').replace('Outputs:', '  ApiCustomDomainBasePathMapping:\n    Type: AWS::SNS::Topic\n\nOutputs:');
    const { fix } = fixFor(text, 'domain-no-mapping');
    assert.match(fix.title, /ApiCustomDomainBasePathMapping2/);
  });
});
