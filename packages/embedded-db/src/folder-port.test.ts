import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { choosePort, portFree, recordedPort, recordPort } from './folder-port';

/** Listens on 127.0.0.1:`port` (0: any) until closed. */
async function occupy(port = 0): Promise<net.Server & { port: number }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen({ port, host: '127.0.0.1' }, resolve));
  return Object.assign(server, { port: (server.address() as net.AddressInfo).port });
}

describe("a data folder's port", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nba-folder-port-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the recorded one while free, and another free one once taken', async () => {
    const held = await occupy();
    const port = held.port;
    await new Promise((r) => held.close(r));
    recordPort(dir, port);
    expect(recordedPort(dir)).toBe(port);
    expect(await choosePort(dir)).toBe(port);

    const taker = await occupy(port);
    try {
      expect(await portFree(port)).toBe(false);
      const other = await choosePort(dir);
      expect(other).not.toBe(port);
      expect(await portFree(other)).toBe(true);
    } finally {
      await new Promise((r) => taker.close(r));
    }
  });

  it('avoids a port that just turned out taken', async () => {
    const port = await choosePort(dir);
    expect(await choosePort(dir, new Set([port]))).not.toBe(port);
  });

  it('reads no port from a missing or damaged record', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'nba-folder-port-none-'));
    try {
      expect(recordedPort(empty)).toBeUndefined();
      recordPort(empty, 70000);
      expect(recordedPort(empty)).toBeUndefined();
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
