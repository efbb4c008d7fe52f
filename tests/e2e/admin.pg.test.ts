// /tiltak-admin on PostgreSQL (vitest.postgres.config.ts); admin.test.ts runs the same suite on PGlite.
import './admin-suite.js';
