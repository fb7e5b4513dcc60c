// The zones the dns tier's NSD serves. NSD answers for the parent `test.` and, as the servers a
// recursive resolver would reach through each delegation, for the children: good.test with the
// hosted zone's own NS set (delegated right), bad.test with a registrar's parking servers
// (delegated wrong), and shop.test, a zone at an external DNS provider that no snapshot holds.
import { awsNameServers } from '../builders/dns';
import type { TestZone } from './nsd-server';

const SOA = (zone: string) => `@ SOA ns.test. hostmaster.${zone}. 1 3600 600 86400 60`;
const ns = (owner: string, servers: readonly string[]) => servers.map((s) => `${owner} NS ${s}.`).join('\n');

export const SEED_ZONES: readonly TestZone[] = [
  {
    name: 'test',
    records: `${SOA('test')}
@ NS ns.test.
ns A 127.0.0.1
${ns('good', awsNameServers(1))}
bad NS ns1.registrar.test.
bad NS ns2.registrar.test.
ns1.registrar A 127.0.0.1
ns2.registrar A 127.0.0.1
shop NS ns.test.`,
  },
  {
    name: 'good.test',
    records: `${SOA('good.test')}
${ns('@', awsNameServers(1))}
api A 192.0.2.10
www A 192.0.2.11`,
  },
  {
    name: 'bad.test',
    records: `${SOA('bad.test')}
@ NS ns1.registrar.test.
@ NS ns2.registrar.test.
api A 198.51.100.7`,
  },
  {
    name: 'shop.test',
    records: `${SOA('shop.test')}
@ NS ns.test.
dev CNAME d-abcdef1234.execute-api.ap-northeast-2.amazonaws.com.
_v2.dev CNAME _t2.acm-validations.aws.
old CNAME k7m9p2q4r6.execute-api.ap-northeast-2.amazonaws.com.
flat A 192.0.2.20
txtonly TXT "no address here"`,
  },
];
