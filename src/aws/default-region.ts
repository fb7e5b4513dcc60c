// The region the AWS CLI would use when none is given: AWS_REGION / AWS_DEFAULT_REGION, else the
// profile's `region` in ~/.aws/config. Resolved by the SDK's own config chain, not re-implemented.
import { STSClient } from '@aws-sdk/client-sts';

export async function defaultRegion(profile?: string): Promise<string | undefined> {
  try {
    const client = new STSClient(profile ? { profile } : {});
    const region = await client.config.region();
    client.destroy();
    return region || undefined;
  } catch {
    // The SDK throws "Region is missing" when nothing names one: that is an answer, not a failure.
    return undefined;
  }
}
