// /tiltak-admin on PGlite; admin.pg.test.ts runs the same suite on PostgreSQL.
import './admin-suite.js';
