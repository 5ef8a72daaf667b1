import type { ChatId } from "../../chat/port.js";
import type { Recurrence } from "../../dispatch/schema.js";
import type { Translate } from "../../i18n.js";
import { foldKey } from "../../text/vietnamese.js";
import { officeDay } from "../../tracking/office-day.js";
import { editDraft, type DraftEdit, type EditResult } from "../../tracking/edit-draft.js";
import { unmatchedNames } from "../../tracking/ingest-draft.js";
import { UnitDirectory } from "../../tracking/unit-matcher.js";
import type { MessageContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { say } from "../respond.js";
import { previewOptions, renderPreview } from "./preview.js";

const PERIODS: Array<[RegExp, Recurrence]> = [
  [/^(6 thang|sau thang|nua nam)/, "semiannual"],
  [/^(nam|hang nam|hang nam)/, "yearly"],
  [/^(quy|hang quy)/, "quarterly"],
  [/^(thang|hang thang)/, "monthly"],
  [/^(tuan|hang tuan)/, "weekly"],
];

/** "20/11/2026", "20/11" (this year), "2026-11-20"; "không"/"xoa" clears. Undefined when unreadable. */
export function parseDay(text: string, today: string): string | null | undefined {
  const s = foldKey(text);
  if (/^(khong|xoa|bo|none)$/.test(s)) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : (() => {
    m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?$/.exec(text.trim());
    if (!m) return [NaN, NaN, NaN];
    const year = m[3] ? Number(m[3].length === 2 ? `20${m[3]}` : m[3]) : Number(today.slice(0, 4));
    return [year, Number(m[2]), Number(m[1])];
  })();
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

/** "/giao 2 Sở Y tế, Sở Tài chính; phối hợp: Công an tỉnh" → lead and coordinating names. */
export function parseAssignees(text: string): Array<{ name: string; role: "lead" | "coordinate" }> {
  const [leadPart = "", ...rest] = text.split(";");
  const split = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);
  const coordPart = rest.find((p) => /^phoi hop/.test(foldKey(p)));
  return [
    ...split(leadPart.replace(/^\s*(chủ trì|chu tri)\s*:?/i, "")).map((name) => ({ name, role: "lead" as const })),
    ...split(coordPart ? coordPart.slice(coordPart.indexOf(":") + 1 || coordPart.length) : "").map((name) => ({ name, role: "coordinate" as const })),
  ];
}

/** Draft edit commands act on the leader's most recent draft (shown as #id on the preview). */
export async function draftEditCommand(ctx: MessageContext, name: "bo" | "han" | "giao" | "chuky", args: string, draftId: number | undefined): Promise<void> {
  const { deps, msg, t } = ctx;
  if (draftId === undefined) return ctx.reply(t("bot:draft.none"));
  const m = /^#?(\d+)\s*([\s\S]*)$/.exec(args.trim());
  if (!m) return ctx.reply(t(`bot:draft.usage.${name}`));
  const seq = Number(m[1]);
  const rest = m[2]!.trim();
  let edit: DraftEdit;
  if (name === "bo") edit = { type: "drop", seq };
  else if (name === "han") {
    const date = parseDay(rest, officeDay(deps.clock.now()));
    if (date === undefined) return ctx.reply(t("bot:draft.usage.han"));
    edit = { type: "set-deadline", seq, date, text: rest };
  } else if (name === "giao") {
    const assignees = parseAssignees(rest);
    if (!assignees.some((a) => a.role === "lead")) return ctx.reply(t("bot:draft.usage.giao"));
    edit = { type: "set-assignees", seq, assignees };
  } else {
    const period = PERIODS.find(([re]) => re.test(foldKey(rest)))?.[1];
    if (!period) return ctx.reply(t("bot:draft.usage.chuky"));
    edit = { type: "set-period", seq, recurrence: period };
  }
  const result = await editDraft(deps, { dispatchId: draftId, by: msg.sender.id, edit });
  await answerEdit(deps, msg.chat, t, result);
}

export async function mapNameAction(deps: BotDeps, chat: ChatId, by: string, t: Translate, dispatchId: number, index: number, unitId: number): Promise<EditResult | null> {
  const draft = await deps.store.dispatches.draft(dispatchId);
  if (!draft) return null;
  const name = unmatchedNames(draft, new UnitDirectory(await deps.store.directory.units()))[index]?.name;
  if (!name) return null;
  const result = await editDraft(deps, { dispatchId, by, edit: { type: "map-name", name, unitId, remember: true } });
  await answerEdit(deps, chat, t, result);
  return result;
}

/** After an edit the leader sees the whole card again, so what they confirm is what they saw last. */
export async function answerEdit(deps: BotDeps, chat: ChatId, t: Translate, result: EditResult): Promise<void> {
  switch (result.code) {
    case "ok": {
      const unmatched = unmatchedNames(result.draft, new UnitDirectory(await deps.store.directory.units()));
      const { text, buttons } = renderPreview(result.draft, unmatched, t, await previewOptions(deps, result.draft.id));
      return say(deps, chat, text, { buttons });
    }
    case "cancelled": return say(deps, chat, t("bot:draft.cancelled", { id: result.dispatchId }));
    case "forbidden": return say(deps, chat, t("tracking:common.forbidden"));
    case "not_found": return say(deps, chat, t("bot:draft.none"));
    case "not_draft": return say(deps, chat, t("tracking:confirm.notDraft", { status: t(`bot:status.${result.status}`) }));
    case "bad_item": return say(deps, chat, t("bot:draft.badItem", { seq: result.seq }));
    case "bad_value": return say(deps, chat, t("bot:draft.badValue", { field: result.field }));
  }
}
