// lambda-vpc-eni-permissions: a VPC function's execution role lacks what Lambda needs to create
// its network interfaces — ec2:CreateNetworkInterface, ec2:DescribeNetworkInterfaces (which works
// only on Resource "*") and ec2:DeleteNetworkInterface. Creating or updating the function then
// fails; these permissions matter only for creating ENIs, so a running function keeps working
// until Lambda needs a new one.
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html (execution role permissions)
// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaVPCAccessExecutionRole.html
// Reported only when the role's permissions are fully known: a managed policy we cannot read, or
// an IAM gap in the scan, leaves it unsaid rather than guessed.
import type { Finding } from '../model/finding';
import type { IamRole, LambdaFunction, Permission } from '../model/snapshot';
import { hop } from './hops';
import { actionPatternMatches, managedPolicyActions, managedPolicyName, REQUIRED_ENI_ACTIONS, VPC_ACCESS_POLICY_ARN } from './iam-actions';
import { functionHop, functionLabel, functionResource, vpcFunctions } from './lambda-vpc';
import { memo } from './memo';
import { roleOf } from './needs';
import type { SnapshotIndex } from './snapshot-index';
import { labelled, listWords, plural } from './wording';

interface Grant {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

function grantsOf(fn: LambdaFunction, role: IamRole): { grants: Grant[]; complete: boolean } {
  const fromStatements = (statements: readonly Permission[]): Grant[] => statements.map((s) => ({ actions: s.actions, resources: s.resources }));
  const grants: Grant[] = [...fromStatements(fn.permissions), ...fromStatements(role.statements), { actions: role.allowedActions, resources: ['*'] }];
  let complete = true;
  for (const arn of role.managedPolicyArns) {
    const actions = managedPolicyActions(arn);
    if (actions) grants.push({ actions, resources: ['*'] });
    // A policy we do not know by name is known only if the scan read its document into the role.
    else if (role.allowedActions.length === 0 && role.statements.length === 0) complete = false;
  }
  return { grants, complete };
}

// DescribeNetworkInterfaces supports no resource-level permissions: only Resource "*" grants it.
function granted(grants: readonly Grant[], action: string): boolean {
  const needsStar = action === 'ec2:DescribeNetworkInterfaces';
  return grants.some((g) => g.actions.some((a) => actionPatternMatches(a, action)) && (!needsStar || g.resources.some((r) => r === '*')));
}

interface RoleVerdict {
  readonly missing: readonly string[];
  readonly scopedDescribe: boolean;
}

// Functions usually share nothing but their role's permissions: judge each role once.
const roleVerdicts = memo<IamRole, RoleVerdict | undefined>();

function judge(fn: LambdaFunction, role: IamRole): RoleVerdict | undefined {
  const { grants, complete } = grantsOf(fn, role);
  if (!complete) return undefined;
  const missing = REQUIRED_ENI_ACTIONS.filter((action) => !granted(grants, action));
  const scopedDescribe = missing.includes('ec2:DescribeNetworkInterfaces') && grants.some((g) => g.actions.some((a) => actionPatternMatches(a, 'ec2:DescribeNetworkInterfaces')));
  return { missing, scopedDescribe };
}

function findingFor(index: SnapshotIndex, fn: LambdaFunction): Finding[] {
  const role = roleOf(index, fn);
  if (!role) return [];
  if (index.snapshot.gaps.some((g) => g.service === 'iam')) return [];
  const verdict = fn.permissions.length === 0 ? roleVerdicts(index, role, '', () => judge(fn, role)) : judge(fn, role);
  if (!verdict || verdict.missing.length === 0) return [];
  const { missing, scopedDescribe } = verdict;
  const roleLabel = labelled(role.id, role.name);
  const note = scopedDescribe ? ' (ec2:DescribeNetworkInterfaces is granted only on specific resources, and it works only with Resource "*")' : '';
  const message =
    `${functionLabel(fn)} is attached to a VPC, but its execution role ${roleLabel} lacks ${listWords([...missing])}${note}: ` +
    `Lambda creates the function's network interfaces with that role, so creating or updating the function with this VpcConfig fails ` +
    `(a function already running keeps its interfaces until Lambda needs a new one). ` +
    `Fix: attach the managed policy ${managedPolicyName(VPC_ACCESS_POLICY_ARN)} to ${role.id} (it also grants ec2:AssignPrivateIpAddresses and ec2:UnassignPrivateIpAddresses), ` +
    `or let SAM generate the role by removing the function's Role property.`;
  return [
    {
      code: 'lambda-vpc-eni-permissions',
      severity: 'error',
      message,
      resource: functionResource(fn),
      hops: [functionHop(fn), hop('iam-role', role.arn, false, `lacks ${plural(missing.length, 'permission', 'permissions')} ${listWords([...missing])}`)],
      fix: { kind: 'attach-managed-policy', roleId: role.id, policyArn: VPC_ACCESS_POLICY_ARN },
    },
  ];
}

export function lambdaVpcEniPermissions(index: SnapshotIndex): Finding[] {
  return vpcFunctions(index).flatMap((fn) => findingFor(index, fn));
}
