// A loopback HTTP server that answers AWS list calls page by page from fixtures, in each service's
// wire format. moto never pages, so this is how the scanner's paging is tested: the real SDK
// clients, paginators and collectors run unchanged, only the far end is scripted. Every request is
// recorded so a test can check the page size asked for and the token sent back.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Form body (EC2, IAM, STS). */
  form: URLSearchParams;
  /** JSON body (ACM) or undefined. */
  json: Record<string, unknown> | undefined;
  /** The operation: the form's Action, the X-Amz-Target's suffix, or "METHOD /path". */
  operation: string;
}

export interface Answer {
  status?: number;
  /** xml or json; the content type follows. */
  format: 'xml' | 'json';
  body: string;
}

export type Route = (request: RecordedRequest) => Answer | undefined;

export interface PageServer {
  endpoint: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

export async function startPageServer(route: Route): Promise<PageServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const form = new URLSearchParams(req.headers['content-type']?.includes('x-www-form-urlencoded') ? text : '');
      const target = String(req.headers['x-amz-target'] ?? '');
      let json: Record<string, unknown> | undefined;
      try {
        json = text && !form.get('Action') ? (JSON.parse(text) as Record<string, unknown>) : undefined;
      } catch {
        json = undefined;
      }
      const operation = form.get('Action') ?? (target ? target.split('.').pop() ?? target : `${req.method} ${decodeURIComponent(url.pathname)}`);
      const request: RecordedRequest = { method: req.method ?? 'GET', path: decodeURIComponent(url.pathname), query: url.searchParams, form, json, operation };
      requests.push(request);
      const answer = route(request);
      if (!answer) {
        res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'NotFoundException' });
        return void res.end(JSON.stringify({ message: `no fixture for ${operation}` }));
      }
      res.writeHead(answer.status ?? 200, { 'content-type': answer.format === 'xml' ? 'text/xml' : 'application/json' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const xml = (body: string): Answer => ({ format: 'xml', body });
export const json = (body: unknown): Answer => ({ format: 'json', body: JSON.stringify(body) });

/** Pages of items keyed by the token that asks for them ("" for the first page). */
export function pageOf<T>(pages: readonly T[][], token: string | null | undefined): { items: T[]; next?: string } {
  const index = token ? Number(token.replace(/^page-/, '')) : 0;
  const items = pages[index] ?? [];
  return index + 1 < pages.length ? { items, next: `page-${index + 1}` } : { items };
}
