// Builds the benchmark's large synthetic account in moto: 50 VPCs with 300 subnets, 3,000 ENIs,
// 1,000 functions (200 in VPCs), 10 REST + 10 HTTP APIs behind 40 custom domains with mappings and
// certificates, and 100 hosted zones holding 5,000 records. Requests go out 16 at a time and record
// sets in one change batch per zone, so the account is ready in about a minute, not ten.
import { ACMClient, RequestCertificateCommand } from '@aws-sdk/client-acm';
import {
  APIGatewayClient,
  CreateBasePathMappingCommand,
  CreateDeploymentCommand,
  CreateDomainNameCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from '@aws-sdk/client-api-gateway';
import {
  ApiGatewayV2Client,
  CreateApiCommand,
  CreateApiMappingCommand,
  CreateDomainNameCommand as CreateDomainNameV2Command,
  CreateIntegrationCommand,
  CreateRouteCommand,
  CreateStageCommand,
} from '@aws-sdk/client-apigatewayv2';
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateNetworkInterfaceCommand,
  CreateRouteCommand as CreateEc2RouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { ChangeResourceRecordSetsCommand, CreateHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';
import pLimit from 'p-limit';
import { clientConfig } from '../src/aws/aws-target';

export const BENCH_SHAPE = { vpcs: 50, subnetsPerVpc: 6, enisPerSubnet: 10, functions: 1000, vpcFunctions: 200, restApis: 10, httpApis: 10, domains: 40, zones: 100, recordsPerZone: 50 };

const EMPTY_ZIP = new Uint8Array(Buffer.from('UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==', 'base64'));

export interface BenchAccount {
  /** Requests the build made (not part of any figure). */
  requests: number;
}

export async function buildBenchAccount(endpoint: string, region: string): Promise<BenchAccount> {
  const config = clientConfig({ region, endpoint, credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' }, maxAttempts: 3 });
  const ec2 = new EC2Client(config);
  const lambda = new LambdaClient(config);
  const iam = new IAMClient(config);
  const v1 = new APIGatewayClient(config);
  const v2 = new ApiGatewayV2Client(config);
  const acm = new ACMClient(config);
  const route53 = new Route53Client(config);
  const limit = pLimit(16);
  let requests = 0;
  const send = <T>(call: () => Promise<T>): Promise<T> =>
    limit(() => {
      requests += 1;
      return call();
    });
  const S = BENCH_SHAPE;

  // Network: per VPC an internet gateway, a public and a private table, a NAT gateway, an S3
  // gateway endpoint, two security groups, six subnets with ten ENIs each (Lambda ENIs in two).
  const vpcFunctionSlots: { subnetId: string; groupId: string }[] = [];
  await Promise.all(
    Array.from({ length: S.vpcs }, async (_, v) => {
      const vpcId = (await send(() => ec2.send(new CreateVpcCommand({ CidrBlock: `10.${v}.0.0/16` })))).Vpc?.VpcId ?? '';
      const [igw, publicTable, privateTable, fnSg] = await Promise.all([
        send(() => ec2.send(new CreateInternetGatewayCommand({}))).then((o) => o.InternetGateway?.InternetGatewayId ?? ''),
        send(() => ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }))).then((o) => o.RouteTable?.RouteTableId ?? ''),
        send(() => ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }))).then((o) => o.RouteTable?.RouteTableId ?? ''),
        send(() => ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: `fn-${v}`, Description: 'functions' }))).then((o) => o.GroupId ?? ''),
        send(() => ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: `db-${v}`, Description: 'database' }))),
      ]);
      await send(() => ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcId })));
      await send(() => ec2.send(new CreateEc2RouteCommand({ RouteTableId: publicTable, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw })));
      const subnets = await Promise.all(
        Array.from({ length: S.subnetsPerVpc }, (_, s) =>
          send(() => ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.${v}.${s}.0/24`, AvailabilityZone: `${region}${'abc'[s % 3]}` }))).then((o) => o.Subnet?.SubnetId ?? ''),
        ),
      );
      await Promise.all(subnets.map((subnetId, s) => send(() => ec2.send(new AssociateRouteTableCommand({ RouteTableId: s === 0 ? publicTable : privateTable, SubnetId: subnetId })))));
      const allocation = (await send(() => ec2.send(new AllocateAddressCommand({ Domain: 'vpc' })))).AllocationId;
      const nat = (await send(() => ec2.send(new CreateNatGatewayCommand({ SubnetId: subnets[0], AllocationId: allocation })))).NatGateway?.NatGatewayId;
      await send(() => ec2.send(new CreateEc2RouteCommand({ RouteTableId: privateTable, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat })));
      await send(() => ec2.send(new CreateVpcEndpointCommand({ VpcId: vpcId, VpcEndpointType: 'Gateway', ServiceName: `com.amazonaws.${region}.s3`, RouteTableIds: [privateTable] })));
      await Promise.all(
        subnets.flatMap((subnetId, s) =>
          Array.from({ length: S.enisPerSubnet }, (_, e) => {
            const lambdaEni = s >= 4 && e < 2;
            if (lambdaEni) vpcFunctionSlots.push({ subnetId, groupId: fnSg });
            const description = lambdaEni ? `AWS Lambda VPC ENI-fn-${v}-${s}-${e}-0000` : `app ${v}/${s}/${e}`;
            return send(() => ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnetId, Groups: [lambdaEni ? fnSg : ''].filter(Boolean), Description: description })));
          }),
        ),
      );
    }),
  );

  // Functions: ten shared roles; 200 VPC-attached functions on the Lambda ENIs' subnet + group sets.
  const roles = await Promise.all(
    Array.from({ length: 10 }, async (_, r) => {
      const arn = (await send(() => iam.send(new CreateRoleCommand({ RoleName: `bench-role-${r}`, AssumeRolePolicyDocument: '{}' })))).Role?.Arn ?? '';
      const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ec2:CreateNetworkInterface', 'sqs:SendMessage'], Resource: '*' }] });
      await send(() => iam.send(new PutRolePolicyCommand({ RoleName: `bench-role-${r}`, PolicyName: 'bench', PolicyDocument: policy })));
      return arn;
    }),
  );
  const functionArns = await Promise.all(
    Array.from({ length: S.functions }, (_, f) => {
      const slot = f < S.vpcFunctions ? vpcFunctionSlots[f % vpcFunctionSlots.length] : undefined;
      return send(() =>
        lambda.send(
          new CreateFunctionCommand({
            FunctionName: `fn-${f}`,
            Runtime: 'python3.12',
            Handler: 'app.handler',
            Role: roles[f % roles.length],
            Code: { ZipFile: EMPTY_ZIP },
            Timeout: 3 + (f % 40),
            Environment: { Variables: { NEXT: `fn-${(f + 1) % S.functions}`, QUEUE: `https://sqs.${region}.amazonaws.com/123456789012/q-${f}`, TOKEN: `secret-${f}` } },
            ...(slot ? { VpcConfig: { SubnetIds: [slot.subnetId], SecurityGroupIds: [slot.groupId] } } : {}),
          }),
        ),
      ).then((o) => o.FunctionArn ?? '');
    }),
  );

  // APIs, each integrating one function; 40 custom domains, half REST (base path mappings), half HTTP (API mappings).
  const uri = (arn: string) => `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${arn}/invocations`;
  const restApis = await Promise.all(
    Array.from({ length: S.restApis }, async (_, a) => {
      const target = functionArns[S.vpcFunctions + a] ?? '';
      const id = (await send(() => v1.send(new CreateRestApiCommand({ name: `rest-${a}`, endpointConfiguration: { types: ['REGIONAL'] } })))).id ?? '';
      const root = (await send(() => v1.send(new GetResourcesCommand({ restApiId: id })))).items?.[0]?.id ?? '';
      const resource = (await send(() => v1.send(new CreateResourceCommand({ restApiId: id, parentId: root, pathPart: 'items' })))).id ?? '';
      await send(() => v1.send(new PutMethodCommand({ restApiId: id, resourceId: resource, httpMethod: 'GET', authorizationType: 'NONE' })));
      await send(() => v1.send(new PutIntegrationCommand({ restApiId: id, resourceId: resource, httpMethod: 'GET', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: uri(target) })));
      await send(() => v1.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'prod' })));
      await send(() => lambda.send(new AddPermissionCommand({ FunctionName: target, StatementId: 'apigw', Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com' })));
      return id;
    }),
  );
  const httpApis = await Promise.all(
    Array.from({ length: S.httpApis }, async (_, a) => {
      const id = (await send(() => v2.send(new CreateApiCommand({ Name: `http-${a}`, ProtocolType: 'HTTP' })))).ApiId ?? '';
      const integration = await send(() => v2.send(new CreateIntegrationCommand({ ApiId: id, IntegrationType: 'AWS_PROXY', IntegrationUri: functionArns[S.vpcFunctions + S.restApis + a], PayloadFormatVersion: '2.0' })));
      await send(() => v2.send(new CreateRouteCommand({ ApiId: id, RouteKey: 'GET /items', Target: `integrations/${integration.IntegrationId}` })));
      await send(() => v2.send(new CreateStageCommand({ ApiId: id, StageName: '$default' })));
      return id;
    }),
  );
  await Promise.all(
    Array.from({ length: S.domains }, async (_, d) => {
      const domainName = `api-${d}.bench-${d % 10}.example`;
      const certificate = (await send(() => acm.send(new RequestCertificateCommand({ DomainName: domainName, ValidationMethod: 'DNS' })))).CertificateArn;
      if (d % 2 === 0) {
        await send(() => v1.send(new CreateDomainNameCommand({ domainName, regionalCertificateArn: certificate, endpointConfiguration: { types: ['REGIONAL'] } })));
        await send(() => v1.send(new CreateBasePathMappingCommand({ domainName, restApiId: restApis[(d / 2) % restApis.length], stage: 'prod' })));
      } else {
        await send(() => v2.send(new CreateDomainNameV2Command({ DomainName: domainName, DomainNameConfigurations: [{ CertificateArn: certificate, EndpointType: 'REGIONAL' }] })));
        await send(() => v2.send(new CreateApiMappingCommand({ DomainName: domainName, ApiId: httpApis[((d - 1) / 2) % httpApis.length], Stage: '$default' })));
      }
    }),
  );

  // Zones: 48 records each in one change batch (plus the apex NS and SOA Route 53 makes) = 5,000.
  await Promise.all(
    Array.from({ length: S.zones }, async (_, z) => {
      const zoneName = `zone-${z}.bench.example`;
      const zoneId = (await send(() => route53.send(new CreateHostedZoneCommand({ Name: zoneName, CallerReference: `bench-${z}` })))).HostedZone?.Id ?? '';
      const changes = Array.from({ length: S.recordsPerZone - 2 }, (_, r) => ({
        Action: 'CREATE' as const,
        ResourceRecordSet:
          r % 3 === 0
            ? { Name: `www-${r}.${zoneName}`, Type: 'CNAME' as const, TTL: 300, ResourceRecords: [{ Value: `target-${r}.example.net` }] }
            : { Name: `host-${r}.${zoneName}`, Type: 'A' as const, TTL: 60, ResourceRecords: [{ Value: `192.0.2.${r % 250}` }] },
      }));
      await send(() => route53.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: changes } })));
    }),
  );

  for (const client of [ec2, lambda, iam, v1, v2, acm, route53]) client.destroy();
  return { requests };
}
