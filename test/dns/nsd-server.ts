// Starts a real authoritative DNS server — Debian's NSD (/usr/sbin/nsd, installed by CI) — on a
// free loopback port, UDP and TCP, serving the zones a test gives it. Everything lives in a temp
// directory: generated nsd.conf (no chroot, no user switch, no database), zone files, pid file.
// Stopped with SIGTERM to the pid it reported; the directory is removed.
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { freeTcpPort } from '../support/free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NSD_PATH = process.env.NSD_PATH ?? '/usr/sbin/nsd';

export interface TestZone {
  /** Zone name without the trailing dot, e.g. "example.test". */
  name: string;
  /** Zone file body after $ORIGIN/$TTL, relative names allowed. */
  records: string;
}

export interface NsdServer {
  /** "127.0.0.1:PORT", for Resolver.setServers and observeDns({ servers }). */
  server: string;
  port: number;
  stop(): Promise<void>;
}

function udpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => resolve(false));
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

/** A port free for both TCP and UDP on loopback (NSD serves both on one port). */
async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await freeTcpPort();
    if (await udpFree(port)) return port;
  }
  throw new Error('no loopback port free for both TCP and UDP after 20 tries');
}

function config(dir: string, port: number, zones: readonly TestZone[]): string {
  const lines = [
    'server:',
    `  ip-address: 127.0.0.1@${port}`,
    '  do-ip6: no',
    '  username: ""',
    '  chroot: ""',
    `  zonesdir: "${dir}"`,
    '  database: ""',
    `  pidfile: "${join(dir, 'nsd.pid')}"`,
    `  xfrdfile: "${join(dir, 'xfrd.state')}"`,
    `  zonelistfile: "${join(dir, 'zone.list')}"`,
    `  logfile: "${join(dir, 'nsd.log')}"`,
    '  server-count: 1',
    '  verbosity: 1',
    '  hide-version: yes',
    'remote-control:',
    '  control-enable: no',
  ];
  for (const zone of zones) lines.push('zone:', `  name: "${zone.name}."`, `  zonefile: "${zone.name}.zone"`);
  return `${lines.join('\n')}\n`;
}

function zoneFile(zone: TestZone): string {
  return `$ORIGIN ${zone.name}.\n$TTL 60\n${zone.records.trim()}\n`;
}

async function waitUntilServing(server: string, zone: string, child: ChildProcess, log: () => string): Promise<void> {
  const resolver = new Resolver({ timeout: 200, tries: 1 });
  resolver.setServers([server]);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nsd exited with ${child.exitCode}:\n${log()}`);
    try {
      await resolver.resolveSoa(zone);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`nsd did not answer for ${zone} at ${server} within 10 s:\n${log()}`);
}

export async function startNsd(zones: readonly TestZone[]): Promise<NsdServer> {
  if (!existsSync(NSD_PATH)) throw new Error(`${NSD_PATH} not found: install Debian's nsd (apt-get install -y nsd) for the dns tier`);
  const first = zones[0];
  if (!first) throw new Error('startNsd needs at least one zone');
  const dir = mkdtempSync(join(tmpdir(), 'snm-nsd-'));
  const port = await freePort();
  for (const zone of zones) writeFileSync(join(dir, `${zone.name}.zone`), zoneFile(zone));
  writeFileSync(join(dir, 'nsd.conf'), config(dir, port, zones));
  let output = '';
  const child = spawn(NSD_PATH, ['-d', '-c', join(dir, 'nsd.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const server = `127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        rmSync(dir, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  try {
    await waitUntilServing(server, first.name, child, () => output.slice(-4000));
  } catch (error) {
    await stop();
    throw error;
  }
  return { server, port, stop };
}
