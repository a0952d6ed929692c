import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

/** The Prisma client type used across the project. */
export type DbClient = PrismaClient;

export interface DbClientOptions {
  /** Maximum pool connections (default 10). */
  maxConnections?: number;
}

/** Creates a Prisma client on `@prisma/adapter-pg` (no engine binaries). Call `disconnect` when done. */
export function createDbClient(url: string, options: DbClientOptions = {}): DbClient {
  const adapter = new PrismaPg({ connectionString: url, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
}

/** Closes the client's pool; safe to call twice. */
export async function disconnect(client: DbClient): Promise<void> {
  await client.$disconnect();
}
