import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeCredentials } from "../../../src/adapters/zalo/credentials.js";
import { runLoginCli } from "../../../src/adapters/zalo/login-cli.js";
import { silentLogger } from "../../../src/logger.js";
import { BOT_UID, FakeZalo } from "./fake-zalo.js";
import { SAVED_CREDENTIALS } from "./harness.js";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("zalo login CLI (re-login by QR)", () => {
  it("replaces a saved session with a fresh QR login, file 0600, and says what to do next", async () => {
    dir = mkdtempSync(join(tmpdir(), "dondoc-zalo-cli-"));
    const credentials = join(dir, "secrets", "zalo.json");
    const qr = join(dir, "secrets", "qr.png");
    await writeCredentials(credentials, SAVED_CREDENTIALS as never);
    const zalo = new FakeZalo();
    const printed: string[] = [];
    await runLoginCli(["--credentials", credentials, "--qr", qr], { client: zalo.client, logger: silentLogger, print: (t) => printed.push(t) });
    expect(zalo.loginCalls).toEqual([]); // the old session was not even tried
    expect(JSON.parse(readFileSync(credentials, "utf8")).imei).toBe("imei-from-qr");
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
    expect(readFileSync(qr)).toEqual(zalo.qr.png);
    expect(printed.at(-1)).toContain(BOT_UID);
    expect(printed.at(-1)).toContain(credentials);
  });
});
