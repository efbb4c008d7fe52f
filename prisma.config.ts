import { defineConfig } from 'prisma/config';
import { CliPGliteFactory } from './src/kernel/db/pglite-adapter.js';

// The CLI runs on the bundled WASM schema engine against an in-memory PGlite,
// so `prisma generate` and `prisma migrate diff` never need a server or a
// downloaded engine. Migrations are applied by src/kernel/db/migrate.ts, not the CLI.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new CliPGliteFactory(),
});
