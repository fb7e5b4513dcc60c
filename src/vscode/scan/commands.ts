// Command ids the scan surfaces share (contributed in package.json).
export const SCAN_COMMAND = 'serverlessNetworkMap.scan';
