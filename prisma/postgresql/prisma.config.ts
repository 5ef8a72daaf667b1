import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The Prisma CLI for the PostgreSQL copy of the schema (`--config prisma/postgresql/prisma.config.ts`): generating its
// client and diffing its migrations need no server; `migrate deploy/status` use DATABASE_URL.
try { process.loadEnvFile(); } catch { /* no .env */ }
const url = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : "postgresql://localhost/dondoc";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  // Paths are relative to this file.
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  adapter: async () => new PrismaPg({ connectionString: url }),
});
