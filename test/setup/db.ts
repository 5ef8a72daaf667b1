import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Db } from "../../src/storage/database.js";

let counter = 0;

/** A fresh, migrated SQLite file (copied from the global template). Close it in afterEach/afterAll. */
export async function testDatabase(): Promise<Db> {
  const template = process.env.DONDOC_TEST_TEMPLATE;
  const dir = process.env.DONDOC_TEST_DIR ?? mkdtempSync(join(tmpdir(), "dondoc-test-"));
  const file = join(dir, `db-${process.pid}-${++counter}-${Date.now()}.db`);
  if (template) copyFileSync(template, file);
  return openDatabase(`file:${file}`);
}
