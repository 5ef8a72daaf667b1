import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Prisma skips .env loading when this file exists; the CLI only needs DATABASE_URL.
try { process.loadEnvFile(); } catch { /* no .env: defaults below */ }
const url = process.env.DATABASE_URL ?? "file:./data/dondoc.db";

// The JavaScript engine path: Prisma 6.19 with a driver adapter needs no native engine download,
// which offline government networks (and our CI) cannot do. See docs/decisions/0001-prisma-js-engine.md.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
