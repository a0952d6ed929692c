// The HTTP edges of validation against the real app on a real database: a known path asked with
// the wrong method (405 with Allow), and an oversized body (413, then the connection is closed
// instead of the rest of the body being read).
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { ErrorResponse } from '../src/schemas/common';
import { buildTestApp, type TestApp } from './test-app';

let db: TestDatabase;
let t: TestApp;
let server: Server;
let port: number;

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'api_validation_http' });
  t = await buildTestApp(db);
  server = createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await t?.stop();
  await db?.drop();
});

describe('405 Method Not Allowed', () => {
  test.each([
    ['put', '/v1/games', 'GET, HEAD'],
    ['delete', '/v1/games', 'GET, HEAD'],
    ['patch', '/v1/predictions', 'GET, HEAD'],
    ['put', '/v1/predict', 'POST'],
    ['get', '/v1/predict/batch', 'POST'],
    ['delete', '/v1/models/production', 'GET, HEAD'],
    ['post', '/health', 'GET, HEAD'],
    ['put', '/metrics', 'GET, HEAD'],
  ] as const)('%s %s answers 405 with Allow: %s', async (method, path, allow) => {
    const res = await request(t.app)[method](path).expect(405);
    expect(res.headers.allow).toBe(allow);
    const body = ErrorResponse.parse(res.body);
    expect(body.error.code).toBe('METHOD_NOT_ALLOWED');
    expect(body.error.message).toBe(`${method.toUpperCase()} is not allowed on ${path}; use ${allow}`);
    expect(body.error.requestId).toBeTruthy();
  });

  test('a trailing slash or other case is the same route', async () => {
    const res = await request(t.app).delete('/V1/Games/').expect(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  test('OPTIONS lists the methods, for routes on the app itself too', async () => {
    for (const [path, allow] of [
      ['/metrics', 'GET, HEAD'],
      ['/v1/games', 'GET, HEAD'],
      ['/v1/predict', 'POST'],
    ]) {
      const res = await request(t.app)
        .options(path as string)
        .expect(200);
      expect(res.headers.allow).toBe(allow);
    }
  });

  test('unknown paths stay 404, whatever the method', async () => {
    for (const method of ['get', 'put', 'delete'] as const) {
      const res = await request(t.app)[method]('/v1/nothing-here').expect(404);
      expect(res.headers.allow).toBeUndefined();
      expect(ErrorResponse.parse(res.body).error.code).toBe('ROUTE_NOT_FOUND');
    }
  });
});

interface Exchange {
  /** What the server answered, as raw text. */
  response: string;
  /** Body bytes the client managed to hand to the socket before the server closed it. */
  sentBytes: number;
}

/**
 * Posts `declaredBytes` of JSON body (or an endless chunked one) over a raw socket, writing as
 * fast as the socket takes it, until the server closes the connection.
 */
function postOversized(declaredBytes: number | 'chunked'): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const length = declaredBytes === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${declaredBytes}`;
    const piece = Buffer.alloc(64 * 1024, 0x20);
    const chunk =
      declaredBytes === 'chunked'
        ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')])
        : piece;
    const total = declaredBytes === 'chunked' ? Infinity : declaredBytes;
    let sentBytes = 0;
    let response = '';
    let closed = false;
    const pump = (): void => {
      while (!closed && sentBytes < total) {
        sentBytes += piece.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    socket.on('data', (d: Buffer) => (response += d.toString('latin1')));
    // the server's close shows here as an end, a reset or a broken pipe on the next write
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      resolve({ response, sentBytes });
    });
    socket.once('connect', () => {
      socket.write(
        `POST /v1/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${length}\r\n\r\n`,
      );
      pump();
    });
  });
}

describe('413 Payload Too Large', () => {
  const HUNDRED_MB = 100 * 1024 * 1024;

  test.each([
    ['a declared Content-Length of 100 MB', HUNDRED_MB],
    ['a chunked body that never ends', 'chunked'],
  ] as const)('%s: 413, Connection: close, and the server closes without reading the rest', async (_what, declared) => {
    const { response, sentBytes } = await postOversized(declared);
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(response).toMatch(/\r\nconnection: close\r\n/i);
    const body = ErrorResponse.parse(JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)));
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    // the client could only fill the socket buffers before the close, nowhere near the whole body
    expect(sentBytes).toBeLessThan(HUNDRED_MB / 4);
  });

  test('the server still answers new connections afterwards', async () => {
    await postOversized(HUNDRED_MB);
    await request(server).get('/health').expect(200);
  });
});
