// A small HTTP proxy on loopback in front of moto that answers some requests itself, the way AWS
// does when it throttles (each protocol's own throttling error), is unavailable (503), or drops the
// connection. The SDK under test talks to the proxy as it would to AWS.
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** throttle: the protocol's throttling error; unavailable: 503; reset: the connection dropped; html500: an emulator lacking the operation. */
export type Fault = 'throttle' | 'unavailable' | 'reset' | 'html500';

export interface ProxiedRequest {
  /** The SigV4 signing name from the Authorization header: ec2, lambda, apigateway, acm, route53, iam, sts. */
  service: string;
  method: string;
  path: string;
  body: string;
}

export interface FaultProxy {
  endpoint: string;
  /** inFlight: requests received and not yet answered or dropped (a cancelled client's included until their socket closes). */
  readonly counts: { forwarded: number; faulted: number; inFlight: number };
  stop(): Promise<void>;
}

function serviceOf(request: IncomingMessage): string {
  const auth = request.headers.authorization ?? '';
  return /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(auth)?.[1] ?? 'unknown';
}

/** Each protocol's throttling answer (the codes the SDK's standard retry mode treats as throttling). */
function answerThrottled(service: string, response: ServerResponse): void {
  const xml = (body: string) => {
    response.writeHead(400, { 'content-type': 'text/xml' });
    response.end(body);
  };
  switch (service) {
    case 'ec2':
      return xml('<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>proxy</RequestID></Response>');
    case 'iam':
    case 'sts':
      return xml('<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>proxy</RequestId></ErrorResponse>');
    case 'route53':
      return xml('<?xml version="1.0"?><ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>proxy</RequestId></ErrorResponse>');
    case 'acm':
      response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      return void response.end(JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }));
    default:
      response.writeHead(429, { 'content-type': 'application/json', 'x-amzn-errortype': 'TooManyRequestsException' });
      return void response.end(JSON.stringify({ message: 'Too Many Requests' }));
  }
}

export interface ProxyOptions {
  /**
   * Hold every answer this long: makes "mid-scan" a wide, dependable window for cancellation tests.
   * Read per request, so a test may change it on the object it passed (fast first scan, slow second).
   */
  delayMs?: number;
}

export async function startFaultProxy(
  target: string,
  decide: (request: ProxiedRequest) => Fault | undefined,
  options: ProxyOptions = {},
): Promise<FaultProxy> {
  const upstream = new URL(target);
  const counts = { forwarded: 0, faulted: 0, inFlight: 0 };
  const server = createServer((request, response) => {
    counts.inFlight += 1;
    response.on('close', () => {
      counts.inFlight -= 1;
    });
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (request.socket.destroyed) return;
      const body = Buffer.concat(chunks);
      const fault = decide({ service: serviceOf(request), method: request.method ?? 'GET', path: request.url ?? '/', body: body.toString('utf8') });
      if (fault) counts.faulted += 1;
      if (fault === 'reset') return void request.socket.destroy();
      if (fault === 'unavailable') {
        response.writeHead(503, { 'content-type': 'text/plain' });
        return void response.end('Service Unavailable');
      }
      if (fault === 'throttle') return answerThrottled(serviceOf(request), response);
      if (fault === 'html500') {
        response.writeHead(500, { 'content-type': 'text/html' });
        return void response.end('<!doctype html><html><title>500 Internal Server Error</title><h1>Internal Server Error</h1></html>');
      }
      counts.forwarded += 1;
      const out = forward(
        { hostname: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      out.on('error', () => response.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A seeded generator (mulberry32), so a "30% of requests" run is the same run every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
