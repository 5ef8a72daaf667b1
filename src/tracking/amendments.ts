import type { NewOutboxItem } from "../chat/outbox.js";
import type { ChatId } from "../chat/port.js";
import type { AmendmentRecord, OpenShare } from "../storage/amendment-repo.js";
import type { NewEvent } from "../storage/reply-repo.js";
import { foldKey } from "../text/vietnamese.js";
import { chatTranslators } from "./chat-lang.js";
import { applyItemPlan, type ItemPlan, itemPlan, type ItemsResult } from "./amendment-items.js";
import { hasRole, type TrackingDeps } from "./deps.js";
import { numberKey } from "./ingest-draft.js";
import { displayDay } from "./office-day.js";

/**
 * Amendments and recalls (issue 12). A dispatch that extends, replaces, repeals or recalls a tracked one is offered
 * in its preview; a leader applies it: an extension moves the open shares' deadlines (recorded as approved
 * extensions, so reports show the original date), a replacement, repeal or recall withdraws the open shares from
 * reports, reminders and replies. A leader can also recall a confirmed dispatch or one item from chat (/thuhoi).
 * The units are told in their groups either way.
 */

export interface AmendmentOffer {
  amendment: AmendmentRecord;
  /** Tracked (confirmed) dispatches with one of the numbers named, and how many shares are still open. */
  targets: Array<{ id: number; number: string | null; date: string | null; open: number; items: ItemPlan | null }>;
}

export async function amendmentOffers(deps: TrackingDeps, draftId: number): Promise<AmendmentOffer[]> {
  const { store } = deps;
  const list = await store.amendments.ofDispatch(draftId);
  if (list.length === 0) return [];
  const confirmed = (await store.history.confirmedDispatches()).filter((d) => d.id !== draftId);
  const offers: AmendmentOffer[] = [];
  for (const amendment of list) {
    const keys = new Set(amendment.numbers.map((n) => numberKey(n)));
    const targets: AmendmentOffer["targets"] = [];
    for (const d of confirmed.filter((c) => keys.has(numberKey(c.number)))) {
      targets.push({ id: d.id, number: d.number, date: d.date, open: (await store.amendments.openShares(d.id)).length, items: await itemPlan(deps, amendment, d) });
    }
    offers.push({ amendment, targets });
  }
  return offers;
}

export type ApplyResult =
  | { code: "extended"; count: number; until: string; number: string | null }
  | { code: "recalled"; count: number; number: string | null }
  | { code: "manual"; number: string | null }
  | Extract<ItemsResult, { code: "items_applied" }>
  | { code: "forbidden" | "not_found" | "already_applied" | "no_date" };

const WITHDRAWING = new Set(["replace", "repeal", "recall"]);

export async function applyAmendment(deps: TrackingDeps, input: { amendmentId: number; targetDispatchId: number; by: string; byName?: string; chat: ChatId | null }): Promise<ApplyResult> {
  const { store, clock } = deps;
  if (!hasRole(await store.directory.person(input.by), "leader")) return { code: "forbidden" };
  const amendment = await store.amendments.get(input.amendmentId);
  const offer = amendment ? (await amendmentOffers(deps, amendment.dispatchId)).find((o) => o.amendment.id === amendment.id) : undefined;
  const target = offer?.targets.find((t) => t.id === input.targetDispatchId);
  if (!amendment || !target) return { code: "not_found" };
  if (amendment.appliedAt) return { code: "already_applied" };
  const source = (await store.dispatches.draft(amendment.dispatchId))?.doc;
  const sourceName = `${source?.type ?? "Văn bản"} số ${source?.number ?? "?"}`;
  const at = clock.now();
  const shares = await store.amendments.openShares(target.id);
  // Item by item when the amending dispatch names items ("điều chỉnh thời hạn tại mục 3 …"): only those change.
  if (target.items) {
    const r = await applyItemPlan(deps, { amendment, target, plan: target.items, by: input.by, ...(input.byName ? { byName: input.byName } : {}), chat: input.chat, source: sourceName });
    if (r.code !== "nothing_to_change") return r;
  }
  const extending = amendment.kind === "extend" || amendment.kind === "postpone" || (amendment.kind === "amend" && amendment.until !== null);

  if (extending) {
    if (!amendment.until) return { code: "no_date" };
    const until = amendment.until;
    const moved = shares.filter((s) => s.deadlineDate === null || s.deadlineDate < until);
    const notices = await groupNotices(deps, moved, (t, refs) => t("followup:amendment.extendedNotice", { source: sourceName, number: target.number ?? "", refs, until: displayDay(until) }));
    const n = await store.amendments.extend({
      shares: moved, until, at, by: input.by, amendmentId: amendment.id, targetDispatchId: target.id, reason: sourceName,
      events: moved.map((s) => shareEvent("amendment_extended", input, s, { source: sourceName, from: s.deadlineDate, to: until, amendmentId: amendment.id })),
      notices,
    });
    return n < 0 ? { code: "already_applied" } : { code: "extended", count: n, until, number: target.number };
  }
  if (WITHDRAWING.has(amendment.kind)) {
    const notices = await noticesFor(deps, shares, (t, refs) => t("followup:amendment.withdrawnNotice", { source: sourceName, number: target.number ?? "", refs }));
    const n = await store.amendments.recall({
      shares, at, by: input.by, amendmentId: amendment.id, targetDispatchId: target.id,
      events: shares.map((s) => shareEvent("recalled", input, s, { source: sourceName, kind: amendment.kind, amendmentId: amendment.id, name: input.byName ?? null })),
      notices,
    });
    return n < 0 ? { code: "already_applied" } : { code: "recalled", count: n, number: target.number };
  }
  return { code: "manual", number: target.number };
}

export type RecallResult =
  | { code: "recalled"; count: number; number: string | null; refs: string[] }
  | { code: "which_dispatch"; options: Array<{ id: number; number: string | null; date: string | null }> }
  | { code: "not_found" | "nothing_open" | "forbidden" }
  | { code: "no_item"; refs: string[] };

/** "/thuhoi <số ký hiệu> [mục] [lý do]": a leader withdraws a confirmed dispatch or one item of it. */
export async function recallFromChat(
  deps: TrackingDeps, input: { by: string; byName?: string; chat: ChatId; messageId: string | null; number: string; year?: string | null; ref?: string | null; reason?: string | null },
): Promise<RecallResult> {
  const { store, clock } = deps;
  if (!hasRole(await store.directory.person(input.by), "leader")) return { code: "forbidden" };
  let found = (await store.history.confirmedDispatches()).filter((d) => numberKey(d.number) === numberKey(input.number));
  if (input.year) found = found.filter((d) => d.date?.startsWith(input.year!));
  if (found.length === 0) return { code: "not_found" };
  if (found.length > 1) return { code: "which_dispatch", options: found };
  const dispatch = found[0]!;
  const tasks = await store.history.tasks(dispatch.id);
  let taskIds: number[] | undefined;
  if (input.ref) {
    const wanted = foldKey(input.ref).replace(/\s+/g, "");
    taskIds = tasks.filter((t) => foldKey(t.ref).replace(/\s+/g, "") === wanted).map((t) => t.id);
    if (taskIds.length === 0) return { code: "no_item", refs: [...new Set(tasks.map((t) => t.ref))] };
  }
  const shares = await store.amendments.openShares(dispatch.id, taskIds);
  if (shares.length === 0) return { code: "nothing_open" };
  const reason = input.reason?.trim() || null;
  const notices = await noticesFor(deps, shares, (t, refs) =>
    t("followup:recall.notice", { number: dispatch.number ?? "", refs }) + (reason ? ` ${t("followup:recall.reason", { reason })}` : ""));
  let recalled: OpenShare[] = [];
  const n = await store.amendments.recall({
    shares, at: clock.now(), by: input.by, targetDispatchId: dispatch.id,
    events: shares.map((s) => shareEvent("recalled", { by: input.by, chat: input.chat }, s, { reason, name: input.byName ?? null })),
    notices: (won) => notices((recalled = won)),
  });
  // Another leader's recall of the same items committed first: theirs told the groups, this one changed nothing.
  if (n === 0) return { code: "nothing_open" };
  return { code: "recalled", count: n, number: dispatch.number, refs: [...new Set(recalled.map((s) => s.ref))] };
}

function shareEvent(type: string, input: { by: string; chat: ChatId | null }, s: OpenShare, data: Record<string, unknown>): NewEvent {
  return { type, actor: input.by, chatId: input.chat, messageId: null, dispatchId: s.dispatchId, taskId: s.taskId, assignmentId: s.assignmentId, unitId: s.unitId, data };
}

type NoticeText = (t: ReturnType<Awaited<ReturnType<typeof chatTranslators>>>, refs: string) => string;

/** One notice per unit chat naming that unit's items. */
async function groupNotices(deps: TrackingDeps, shares: OpenShare[], text: NoticeText): Promise<NewOutboxItem[]> {
  return (await noticesFor(deps, shares, text))(shares);
}

/**
 * The notices for any part of `shares`, with the chats and their languages read now: a recall learns which shares
 * it won only inside its transaction (another leader may have recalled some of them a moment before).
 */
async function noticesFor(deps: TrackingDeps, shares: OpenShare[], text: NoticeText): Promise<(some: OpenShare[]) => NewOutboxItem[]> {
  const bindings = await deps.store.directory.activeBindings([...new Set(shares.map((s) => s.unitId))]);
  const tFor = await chatTranslators(deps.store, bindings.map((b) => b.chatId));
  return (some) => {
    const byUnit = new Map<number, string[]>();
    for (const s of some) byUnit.set(s.unitId, [...new Set([...(byUnit.get(s.unitId) ?? []), s.ref])]);
    return bindings.filter((b) => byUnit.has(b.unitId))
      .map((b) => ({ chat: b.chatId, payload: { op: "send" as const, text: text(tFor(b.chatId), byUnit.get(b.unitId)!.join(", ")) }, purpose: { type: "notice" as const } }));
  };
}
