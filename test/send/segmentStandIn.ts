import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How the stand-in answers one request. */
export type StandInAnswer =
  | { readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: string; readonly delayMs?: number }
  | 'hang'
  | 'reset';

/** One request the stand-in received, and how it answered. */
export interface StandInRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly answer: StandInAnswer;
}

/** A local stand-in for Segment's HTTP API on 127.0.0.1, on a free port. */
export interface SegmentStandIn {
  readonly url: string;
  readonly requests: StandInRequest[];
  /** Answers for the next requests, in order; once used up, `fallback` answers. */
  script(answers: readonly StandInAnswer[], fallback?: StandInAnswer): void;
  /** Bodies answered 2xx, parsed. */
  accepted(): { batch: Record<string, unknown>[]; sentAt?: string }[];
  reset(): void;
  close(): Promise<void>;
}

export async function startSegmentStandIn(): Promise<SegmentStandIn> {
  const requests: StandInRequest[] = [];
  let answers: StandInAnswer[] = [];
  let fallback: StandInAnswer = { status: 200, body: '{"success":true}' };
  // Only hung requests' sockets are closed between tests: closing idle keep-alive sockets would make the
  // client's next request fail on a stale socket, a failure no test asked for.
  const hung = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = answers.shift() ?? fallback;
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        answer,
      });
      if (answer === 'hang') {
        hung.add(request.socket);
        return;
      }
      if (answer === 'reset') {
        request.socket.destroy();
        return;
      }
      const reply = (): void => {
        response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        response.end(answer.body ?? '{}');
      };
      if (answer.delayMs === undefined) reply();
      else setTimeout(reply, answer.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(next, nextFallback) {
      answers = [...next];
      if (nextFallback !== undefined) fallback = nextFallback;
    },
    accepted() {
      return requests
        .filter((r) => typeof r.answer === 'object' && r.answer.status >= 200 && r.answer.status < 300)
        .map((r) => JSON.parse(r.body) as { batch: Record<string, unknown>[]; sentAt?: string });
    },
    reset() {
      requests.length = 0;
      answers = [];
      fallback = { status: 200, body: '{"success":true}' };
      for (const socket of hung) socket.destroy();
      hung.clear();
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
