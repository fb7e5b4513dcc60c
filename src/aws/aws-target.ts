// Where a scan points: the account's credentials (as the AWS CLI resolves them), a region and an
// optional endpoint override (LocalStack, moto). Every SDK client is built from one of these, so
// endpoint, retries and credentials are set in one place.
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

export interface AwsTarget {
  region: string;
  /** A named profile from ~/.aws/config; absent means the default chain (env, SSO, default profile, …). */
  profile?: string;
  /** Endpoint override, e.g. http://127.0.0.1:5000 for moto or LocalStack. */
  endpoint?: string;
  /** Explicit credentials (tests, or credentials already resolved once for several regions). */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** SDK attempts per call; the SDK's standard retry mode backs off on throttling. */
  maxAttempts?: number;
}

/** The configuration every SDK v3 client constructor accepts, derived from a target. */
export interface ClientConfig {
  region: string;
  /** Also read by the SDK for the profile's own settings, e.g. its `endpoint_url`. */
  profile?: string;
  endpoint?: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  maxAttempts: number;
  retryMode: 'standard';
}

export function clientConfig(target: AwsTarget): ClientConfig {
  return {
    region: target.region,
    ...(target.profile ? { profile: target.profile } : {}),
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    credentials: target.credentials ?? fromNodeProviderChain(target.profile ? { profile: target.profile } : {}),
    maxAttempts: target.maxAttempts ?? 3,
    retryMode: 'standard',
  };
}
