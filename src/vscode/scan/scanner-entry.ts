// The entry of dist/scanner.js, the only bundle holding the AWS SDK. It imports no `vscode`: it is
// plain Node code the extension requires on the first scan, so opening VS Code never pays for it.
import { defaultRegion } from '../../aws/default-region';
import { listProfiles } from '../../aws/profiles';
import { scanAccount } from '../../aws/scan';
import type { Scanner } from './scanner-api';

export const scanner: Scanner = { listProfiles, defaultRegion, scanAccount };
