// What the extension asks of the scanner bundle (dist/scanner.js). Types only: the extension's own
// bundle imports this file and nothing of the SDK, so activation never loads the AWS SDK; the
// bundle is required on the first scan (load-scanner.ts).
import type { AwsProfile } from '../../aws/profiles';
import type { ScanOptions } from '../../aws/scan';
import type { Snapshot } from '../../model/snapshot';

export interface Scanner {
  /** Profiles of the shared config and credentials files: names and regions only. */
  listProfiles(): Promise<AwsProfile[]>;
  /** The region the AWS CLI would use for the profile (AWS_REGION, else the profile's region). */
  defaultRegion(profile?: string): Promise<string | undefined>;
  scanAccount(options: ScanOptions): Promise<Snapshot>;
}
