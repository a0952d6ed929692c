import net from 'node:net';
import { PassThrough } from 'node:stream';
import { createLogger } from '@nba/logging';
import { askOwner, type OwnerInfo, type UserInfo } from './folder-lock';
import { userOf } from './folder-user';

// A dying owner's lock can outlive its connections: on a loaded machine its listening socket is
// freed a moment after the users see their connections close. Here that moment is made long: the
// lock stays taken and drops every connection at once, as a dying process's does, for 1.5 s; then a
// new owner answers on it. The user must keep asking through that moment (it gave up after 20
// attempts back to back before) and end up using the server under the new owner.

const lock = `nba-embedded-db-test-${process.pid}`;
const me = { pid: process.pid, command: 'folder-user test' };
const owner = (pid: number): OwnerInfo => ({
  pid,
  port: 54999,
  since: '2026-12-02T00:00:00Z',
  command: `owner ${pid}`,
  state: 'running',
});

/** A folder lock whose holder answers as an owner, or (dying) drops every connection; the users still connected, with their hellos. */
async function fakeLock() {
  let answering: OwnerInfo | undefined = owner(1);
  const users = new Map<net.Socket, UserInfo | undefined>();
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    if (!answering) return void socket.destroy();
    users.set(socket, undefined);
    socket.once('close', () => users.delete(socket));
    socket.once('data', (d) => users.set(socket, JSON.parse(d.toString('utf8')) as UserInfo));
    socket.write(`${JSON.stringify(answering)}\n`);
  });
  await new Promise<void>((resolve) => server.listen({ path: `\0${lock}` }, resolve));
  return {
    /** The owner dies: its connections close, its lock stays taken and answers nobody. */
    die: () => {
      answering = undefined;
      for (const s of users.keys()) s.destroy();
    },
    /** Another process owns the folder now. */
    answerAs: (info: OwnerInfo) => (answering = info),
    users: () => [...users.values()],
    close: () => {
      for (const s of users.keys()) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

it("keeps asking while a dead owner's lock is still taken, then uses the server under the new owner", async () => {
  const folder = await fakeLock();
  const errors: string[] = [];
  const stream = new PassThrough();
  stream.on('data', (d: Buffer) => {
    for (const line of d.toString('utf8').split('\n')) if (line.includes('"level":"error"')) errors.push(line);
  });
  try {
    const lease = await askOwner(lock, me);
    if (!lease) throw new Error('no lease from the first owner');
    const user = userOf(lease, {
      lock,
      stateDir: '/nonexistent',
      me,
      since: () => '2026-12-02T00:00:01Z',
      // never used: the lock is never free, so this process never adopts the server itself
      server: {
        pgDir: '/nonexistent/postgres',
        user: undefined,
        password: 'x',
        reachable: () => Promise.resolve(false),
      },
      logger: createLogger({ service: 'test', stream }),
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(folder.users()).toEqual([me]);
    folder.die();
    await new Promise((r) => setTimeout(r, 1500)); // the moment the dead owner's lock outlives it
    expect(folder.users()).toEqual([]);
    folder.answerAs(owner(2));
    for (let waited = 0; waited < 5000 && folder.users().length === 0; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 100)); // its hello
    expect(folder.users()).toEqual([me]); // counted as a user of the new owner: the server is not stopped under it
    expect(errors).toEqual([]);
    await user.stop();
    await new Promise((r) => setTimeout(r, 100));
    expect(folder.users()).toEqual([]); // and it let go when done
  } finally {
    await folder.close();
  }
});
