import { botWorld, type BotWorld } from "../bot/helpers.js";
import { assignDispatch, dispatch, LEADER, OFFICER, task } from "../tracking/helpers.js";
import { bindChat } from "../../src/tracking/chat-binding.js";
import { setRole, ensureAdmins } from "../../src/tracking/roles.js";
import { silentLogger } from "../../src/logger.js";
import { createWebApp, SESSION_COOKIE, type WebDeps } from "../../src/web/server.js";

export const SECRETARY = "telegram:7";
export const YTE = "telegram:-10";
export const NOIVU = "telegram:-11";
/** Text a dispatch may carry that must show as text, never as markup. */
export const HOSTILE_SUBJECT = `Kế hoạch <script>window.__pwned = 1</script> "><img src=x onerror="window.__pwned = 2">`;
export const HOSTILE_TASK = `Báo cáo <b>kết quả</b> "><img src=x onerror="window.__pwned = 3"> <script>window.__pwned = 4</script>`;

export interface WebWorld extends BotWorld {
  web: WebDeps;
  app: ReturnType<typeof createWebApp>;
  dispatchId: number;
  /** The one-time link the bot answers /web with, for `userId` (private chat). */
  linkFor(userId: string): Promise<string>;
  /** Signs in through the link and returns the Cookie header value of the session. */
  cookieFor(userId: string): Promise<string>;
}

export const PUBLIC_URL = "https://dondoc.example.gov.vn";

/**
 * An office with two dispatches: one whose subject and task hold markup (it must show as text), and a plain one;
 * Sở Y tế has reported one task done with an evidence file, Sở Nội vụ is silent. Monday 2023-06-05, 09:00 Hà Nội.
 */
export async function webWorld(publicUrl = PUBLIC_URL): Promise<WebWorld> {
  const w = await botWorld();
  w.deps.settings.webPublicUrl = publicUrl;
  await ensureAdmins(w, ["telegram:1"]);
  await setRole(w, { by: "telegram:1", userId: SECRETARY, name: "Văn thư", role: "secretary", grant: true });
  await setRole(w, { by: "telegram:1", userId: OFFICER, name: "Cán bộ Sở Nội vụ", role: "officer", grant: true, unitId: w.unit("Sở Nội vụ") });
  await bindChat(w, { chat: YTE, by: LEADER, unitQuery: "Sở Y tế" });
  await bindChat(w, { chat: NOIVU, by: LEADER, unitQuery: "Sở Nội vụ" });
  const hostile = task("1", [["Sở Y tế", "lead"], ["Sở Nội vụ", "coordinate"]], "2023-06-20");
  hostile.text = HOSTILE_TASK;
  const dispatchId = await assignDispatch(w, dispatch([hostile, task("2", [["Sở Nội vụ", "lead"]], "2023-06-01"), task("3", [["Sở Y tế", "lead"]], "2023-06-07")], {
    number: "164/KH-UBND", subject: HOSTILE_SUBJECT,
  }));
  await assignDispatch(w, dispatch([task("1", [["Sở Y tế", "lead"]], "2023-07-15")], { number: "27/CV-VP", subject: "Công văn về việc báo cáo chuyển đổi số" }));
  const sent = await w.deliver();
  const post = sent.find((m) => m.chat === YTE && m.payload.op === "send" && m.payload.text.includes("164/KH-UBND"))!;
  // Sở Y tế reports task 1 done, with an evidence file.
  w.clock.set(new Date("2023-06-05T03:00:00Z"));
  await w.message(YTE, "telegram:501", "xong 1, gửi kèm báo cáo", {
    replyTo: { messageId: post.messageId },
    attachments: [{ name: "bao-cao-ket-qua.pdf", fetch: async () => new TextEncoder().encode("%PDF-1.4 evidence") }],
  });
  await w.deliver();
  w.clock.set(new Date("2023-06-05T04:00:00Z"));
  const web: WebDeps = { store: w.store, clock: w.clock, logger: silentLogger, defaultLang: "vi", filesDir: w.deps.settings.filesDir, publicUrl };
  const app = createWebApp(web);
  const linkFor = async (userId: string) => {
    await w.message(userId, userId, "/web");
    const out = await w.deliver();
    const text = out.filter((m) => m.chat === userId && m.payload.op === "send").map((m) => (m.payload.op === "send" ? m.payload.text : "")).pop() ?? "";
    const url = /https?:\/\/\S+\/signin\/\S+/.exec(text)?.[0];
    if (!url) throw new Error(`no link in: ${text}`);
    return url;
  };
  return {
    ...w, web, app, dispatchId, linkFor,
    async cookieFor(userId) {
      const link = new URL(await linkFor(userId));
      const res = await app.request(link.pathname, { method: "POST" });
      if (res.status !== 303) throw new Error(`sign-in: ${res.status}`);
      const cookie = /dondoc_session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0];
      if (!cookie) throw new Error("no session cookie");
      return cookie;
    },
  };
}

export { SESSION_COOKIE, LEADER, OFFICER };
