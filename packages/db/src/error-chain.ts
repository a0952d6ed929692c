/** One error of a chain, read by duck typing (Prisma, the driver adapter, node-postgres and sockets each add fields). */
export type ErrorNode = Record<string, unknown>;

/** The error, then what it wraps: causes, Prisma's driver adapter error, an AggregateError's errors. */
export function* errorChain(error: unknown): Generator<ErrorNode> {
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length > 0 && seen.size < 20) {
    const e = queue.shift();
    if (e === null || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const node = e as ErrorNode;
    yield node;
    const meta = node.meta as ErrorNode | undefined;
    queue.push(node.cause, meta?.driverAdapterError, ...(Array.isArray(node.errors) ? (node.errors as unknown[]) : []));
  }
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** The first line, trimmed: a driver's message, without what follows it. */
const firstLine = (message: string): string => (message.split('\n')[0] ?? '').trim();

/** The last non-empty line: Prisma puts a code frame first and the driver's words last. */
const lastLine = (message: string): string =>
  message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .pop() ?? '';

/**
 * What the server or the socket said, as `CODE message` on one line: the SQLSTATE and message of
 * PostgreSQL (raw, or as the driver adapter keeps them), else the socket's errno and message, else
 * Prisma's code and the last line of its message. Undefined when the chain names no code.
 */
export function driverDetail(error: unknown): string | undefined {
  let prisma: string | undefined;
  for (const node of errorChain(error)) {
    const message = text(node.message) ?? text(node.originalMessage);
    const code = text(node.originalCode) ?? text(node.code);
    if (code && /^P\d{4}$/.test(code)) {
      prisma ??= `${code}${message ? ` ${lastLine(message)}` : ''}`;
      continue;
    }
    // a SQLSTATE comes with a severity (or the adapter's originalCode); an errno with a syscall
    if (code && (typeof node.severity === 'string' || text(node.originalCode) || typeof node.syscall === 'string')) {
      return `${code}${message ? ` ${firstLine(message)}` : ''}`;
    }
  }
  return prisma;
}
