// A stand-in for the Anthropic API and Bedrock on 127.0.0.1: it records every request
// (method, path, headers) and answers 400, so `claude -p` gives up at once and nothing
// leaves the machine. Requests are labelled with the step the test wrote into `stepFile`,
// so one shell session can run claude several times and tell the runs apart.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

export interface Recorded {
  step: string;
  method: string;
  path: string;
  headers: Record<string, string>;
}

export class RecordingServer {
  readonly requests: Recorded[] = [];
  private server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      let step = '';
      try {
        step = readFileSync(this.stepFile, 'utf8').trim();
      } catch {
        // no step written yet
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : (v ?? '');
      this.requests.push({ step, method: req.method ?? '', path: req.url ?? '', headers });
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: 'recorded by the claude-hooks test server' } }));
    });
  });

  constructor(private readonly stepFile: string) {}

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  of(step: string): Recorded[] {
    return this.requests.filter((r) => r.step === step);
  }
}

/** The parts of a request that say which backend, account and region it went to. */
export function summary(r: Recorded): string {
  const auth = r.headers.authorization ?? '';
  const sig = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth);
  return [
    `${r.method} ${r.path.replace(/\?.*$/, '')}`,
    sig ? `sigv4 ${sig[1]} ${sig[2]} ${sig[3]}` : auth ? `authorization ${auth.split(' ')[0]}` : 'no authorization',
    r.headers['x-api-key'] ? `x-api-key ${r.headers['x-api-key']}` : 'no x-api-key',
  ].join(' | ');
}

/** The proxy everything not aimed at 127.0.0.1 goes to (HTTPS_PROXY, HTTP_PROXY): it refuses
 *  and remembers each attempt, so a test can tell that nothing tried to leave the machine. The
 *  recording server cannot: it only sees what is sent to it. */
export class TrapProxy {
  readonly seen: string[] = [];
  private server = http.createServer((req, res) => {
    this.seen.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });

  async start(): Promise<string> {
    this.server.on('connect', (req: http.IncomingMessage, socket: Duplex) => {
      this.seen.push(`CONNECT ${req.url}`);
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
