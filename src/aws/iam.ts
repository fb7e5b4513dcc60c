// The IAM collector, for the roles of VPC-attached functions only. GetAccountAuthorizationDetails
// returns every role with its inline and attached policies and every customer-managed policy's
// versions, 1000 entries a page — a handful of calls however many roles a SAM account generated,
// where per-role reads would cost three or more calls a role. AWS-managed policies (such as
// AWSLambdaVPCAccessExecutionRole) are not in it; their default versions are read once per ARN.
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
  paginateGetAccountAuthorizationDetails,
  type GetAccountAuthorizationDetailsCommandOutput,
} from '@aws-sdk/client-iam';
import type { IamRole } from '../model/snapshot';
import { collectPages } from './paging';
import { allowStatements, allowedActions } from './policy-actions';
import { GLOBAL, type ScanContext } from './scan-context';

export const IAM_PAGE_SIZE = 1000;

type Details = GetAccountAuthorizationDetailsCommandOutput;

async function awsManagedDocument(client: IAMClient, ctx: ScanContext, arn: string): Promise<string | undefined> {
  const policy = await client.send(new GetPolicyCommand({ PolicyArn: arn }), ctx.sendOptions);
  const versionId = policy.Policy?.DefaultVersionId;
  if (!versionId) return undefined;
  const version = await client.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }), ctx.sendOptions);
  return version.PolicyVersion?.Document;
}

export async function collectIam(ctx: ScanContext, roleArns: ReadonlySet<string>): Promise<IamRole[]> {
  if (roleArns.size === 0) return [];
  const client = ctx.client('iam', GLOBAL, (config) => new IAMClient(config));
  const pages = await collectPages(
    paginateGetAccountAuthorizationDetails({ client, pageSize: IAM_PAGE_SIZE }, { Filter: ['Role', 'LocalManagedPolicy'] }, ctx.sendOptions),
    (page: Details) => [page],
  );
  const roles = pages.flatMap((p) => p.RoleDetailList ?? []).filter((r) => r.Arn && roleArns.has(r.Arn));
  const localDocuments = new Map<string, string | undefined>();
  for (const policy of pages.flatMap((p) => p.Policies ?? [])) {
    const current = (policy.PolicyVersionList ?? []).find((v) => v.IsDefaultVersion);
    if (policy.Arn) localDocuments.set(policy.Arn, current?.Document);
  }

  const attached = new Set(roles.flatMap((r) => (r.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn ?? '')).filter(Boolean));
  const awsManaged = [...attached].filter((arn) => !localDocuments.has(arn));
  const managedDocuments = new Map(localDocuments);
  await Promise.all(
    awsManaged.map(async (arn) => {
      try {
        managedDocuments.set(arn, await awsManagedDocument(client, ctx, arn));
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        // The role is still listed with the ARN; only this policy's actions are unknown.
        ctx.gap('iam', GLOBAL, error, `managed policy ${arn}`);
      }
    }),
  );

  return roles.map((role) => {
    const managedPolicyArns = (role.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn ?? '').filter(Boolean).sort();
    const inline = (role.RolePolicyList ?? []).map((p) => ({ document: p.PolicyDocument, via: `inline policy ${p.PolicyName ?? ''}` }));
    const managed = managedPolicyArns.map((arn) => ({ document: managedDocuments.get(arn), via: `managed policy ${arn}` }));
    const documents = [...inline, ...managed];
    const tags = Object.fromEntries((role.Tags ?? []).filter((t) => t.Key && t.Value !== undefined).map((t) => [t.Key as string, t.Value as string]));
    return {
      id: role.RoleName ?? role.Arn ?? '',
      accountId: ctx.accountId,
      region: GLOBAL,
      name: role.RoleName ?? '',
      ...(Object.keys(tags).length > 0 ? { tags } : {}),
      arn: role.Arn ?? '',
      allowedActions: allowedActions(documents.map((d) => d.document)),
      managedPolicyArns,
      statements: documents.flatMap((d) => allowStatements(d.document, d.via)),
    };
  });
}
