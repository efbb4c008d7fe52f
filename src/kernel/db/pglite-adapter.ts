import { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/**
 * The adapter for the Prisma CLI (prisma.config.ts) only. The WASM schema
 * engine sends a whole migration file as one parameterless executeRaw, which
 * PGlite refuses as a prepared statement, and pglite-prisma-adapter 0.6 fires
 * executeScript without awaiting it. Both go through PGlite's exec here, so
 * `prisma migrate diff --from-migrations` works with an in-memory shadow.
 */
export class CliPGliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName = 'pglite-cli';

  async connect(): Promise<SqlDriverAdapter> {
    return scriptsThroughExec(new PGlite());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return scriptsThroughExec(new PGlite());
  }
}

async function scriptsThroughExec(client: PGlite): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPGlite(client).connect();
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    const results = await client.exec(query.sql);
    return results.reduce((sum, r) => sum + (r.affectedRows ?? 0), 0);
  };
  adapter.executeScript = async (script: string) => {
    await client.exec(script);
  };
  return adapter;
}
