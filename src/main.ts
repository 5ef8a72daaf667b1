/**
 * Entry point of `npm start`: reads the environment (the only module that does), checks it, and starts the app.
 */
import { existsSync } from "node:fs";
import { startApp } from "./app.js";
import { configuredPlatforms, parseConfig } from "./config.js";
import { translator } from "./i18n.js";
import { openDatabase } from "./storage/database.js";

function fail(lines: string[]): never {
  process.stderr.write(`${lines.join("\n")}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const parsed = parseConfig(process.env);
  const t = translator("vi");
  if (!parsed.ok) {
    const en = translator("en");
    fail([t("main:badConfig"), ...parsed.problems.map((p) => `  • ${p}`), "", en("main:badConfig"), ...parsed.problemsEn.map((p) => `  • ${p}`)]);
  }
  const config = parsed.config;
  if (configuredPlatforms(config).length === 0) {
    // Still create data/ and the migrated database, so a fresh clone is ready once a platform is set.
    await (await openDatabase(config.DATABASE_URL)).close();
    fail([t("main:noPlatform"), "", translator("en")("main:noPlatform")]);
  }
  const app = await startApp(config);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info("stopping", { signal });
    await app.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`dondoc: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
