import type { ChatId } from "../chat/port.js";
import { translator } from "../i18n.js";
import { chatLang } from "./chat-lang.js";
import type { TrackingDeps } from "./deps.js";

/** Where the last digest stopped (a mark, src/storage/mark-repo.ts): questions recorded after it are not sent yet. */
export const QUESTIONS_DIGESTED = "questions.digested";

/**
 * Questions units asked in their groups reach the leader as one message per leader chat and tick (the reminder cron,
 * every 10 minutes), not one message each: 25 questions made 25 messages (issue 10). Each line names the unit, the
 * task and the question. Returns how many questions went out.
 */
export async function questionDigest({ store }: TrackingDeps): Promise<number> {
  const since = await store.marks.read(QUESTIONS_DIGESTED);
  const questions = await store.replies.questionsSince(since);
  if (questions.length === 0) return 0;
  const settings = await store.directory.settings();
  const views = await store.replies.assignments([...new Set(questions.map((q) => q.assignmentId))]);
  const byChat = new Map<ChatId, string[][]>();
  for (const q of questions) {
    const a = views.get(q.assignmentId);
    const chat = settings.leaderChat ?? a?.forwardChat;
    if (!a || !chat) continue;
    byChat.set(chat, [...(byChat.get(chat) ?? []), [a.unitName, a.taskRef, a.dispatchNumber ?? "", q.note]]);
  }
  let sent = 0;
  for (const [chat, lines] of byChat) {
    const t = translator(await chatLang(store, chat));
    const text = [
      t("tracking:notify.questionDigest", { count: lines.length }),
      ...lines.map(([unit, ref, number, note]) => t("tracking:notify.questionLine", { unit, ref, number, note })),
    ].join("\n");
    await store.outbox.enqueue([{ chat, payload: { op: "send", text }, purpose: { type: "notice" } }]);
    sent += lines.length;
  }
  await store.marks.advance(QUESTIONS_DIGESTED, questions[questions.length - 1]!.at);
  return sent;
}
