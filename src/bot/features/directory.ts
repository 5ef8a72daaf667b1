import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type InboundAction, parseChatId } from "../../chat/port.js";
import { isLang, translator, type Translate } from "../../i18n.js";
import { directoryTemplate, isSheetFile, readSheetCells, SheetError } from "../../ingest/sheet.js";
import { hasRole } from "../../tracking/deps.js";
import { applyImport, type ImportPlan, planImport } from "../../tracking/directory-import.js";
import { type ParsedSheet, parseSheet, parseUnitList } from "../../tracking/directory-sheet.js";
import type { Unit } from "../../tracking/model.js";
import { UnitDirectory, unitKey } from "../../tracking/unit-matcher.js";
import type { MessageContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { say, sendFile } from "../respond.js";

/**
 * Setting an office up: the directory imported from a sheet or a pasted list (preview, then one confirmation),
 * renamed, merged and retired units, the paginated list with each unit's groups and officers, unbinding a group.
 */

// The plan an admin is looking at, per person, until applied, cancelled or replaced by a newer one. Kept in memory:
// after a restart the admin sends the file again (nothing was applied).
const pending = new WeakMap<BotDeps, Map<string, ImportPlan>>();
const pendingOf = (deps: BotDeps) => {
  let m = pending.get(deps);
  if (!m) pending.set(deps, (m = new Map()));
  return m;
};

const PREVIEW_LINES = 40;
const PAGE_SIZE = 15;

export { isSheetFile };

/** "/mau": the .xlsx template of the directory (the columns an import reads), with two example rows. */
export async function templateCommand(ctx: MessageContext): Promise<void> {
  const { deps, msg, t } = ctx;
  if (!hasRole(ctx.person, "admin")) return ctx.reply(t("tracking:common.forbidden"));
  const headers = ["name", "aliases", "kinds", "level", "parent"].map((c) => t(`bot:directory.columns.${c}`));
  const bytes = await directoryTemplate(headers, [
    [t("bot:directory.example.name1"), t("bot:directory.example.aliases1"), t("bot:directory.example.kinds1"), t("bot:directory.example.level1"), t("bot:directory.example.parent1")],
    [t("bot:directory.example.name2"), "", "", "", t("bot:directory.example.parent2")],
  ]);
  const dir = join(deps.settings.filesDir, "exports");
  await mkdir(dir, { recursive: true });
  const path = join(dir, `mau-danh-ba-don-vi-${deps.clock.now().getTime()}.xlsx`);
  await writeFile(path, bytes);
  await sendFile(deps, msg.chat, { name: "mau-danh-ba-don-vi.xlsx", path, mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, t("bot:directory.templateCaption"));
}

/** "/nhapdonvi" followed by one unit per line (also a multi-line "/themdonvi"): the import preview. */
export async function importTextCommand(ctx: MessageContext, text: string): Promise<void> {
  const { t } = ctx;
  if (!hasRole(ctx.person, "admin")) return ctx.reply(t("tracking:common.forbidden"));
  const parsed = parseUnitList(text);
  if (parsed.rows.length === 0) return ctx.reply(t("bot:directory.importUsage"));
  await showPlan(ctx, parsed);
}

/** An admin's .xlsx/.csv in a private chat: the import preview. */
export async function importFileCommand(ctx: MessageContext): Promise<void> {
  const { deps, msg, t } = ctx;
  const file = msg.attachments[0]!;
  if (file.size !== undefined && file.size > deps.settings.maxFileBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return ctx.reply(t("ingest:error.too_large", { file: file.name, sizeMb: mb(file.size), maxMb: mb(deps.settings.maxFileBytes) }));
  }
  let cells: string[][];
  try {
    cells = await readSheetCells(await file.fetch(), file.name);
  } catch (error) {
    if (error instanceof SheetError) return ctx.reply(t(`bot:directory.sheet.${error.code}`, { file: file.name }));
    throw error;
  }
  const parsed = parseSheet(cells);
  if (parsed.rows.length === 0) return ctx.reply(t("bot:directory.sheet.empty", { file: file.name }));
  await showPlan(ctx, parsed);
}

function describeRow(row: ImportPlan["items"][number]["row"], t: Translate): string {
  const bits = [row.kinds?.join(", "), row.level, row.parent ? t("bot:directory.under", { parent: row.parent }) : ""].filter(Boolean);
  return bits.length ? `${row.displayName} (${bits.join(" · ")})` : row.displayName;
}

async function showPlan(ctx: MessageContext, parsed: ParsedSheet): Promise<void> {
  const { deps, msg, t } = ctx;
  const plan = planImport(await deps.store.directory.units(), parsed.rows, parsed.problems);
  pendingOf(deps).set(msg.sender.id, plan);
  const adds = plan.items.filter((i) => i.action === "add");
  const changes = plan.items.filter((i) => i.action === "change");
  const same = plan.items.length - adds.length - changes.length;
  const lines = [t("bot:directory.previewTitle"), t("bot:directory.previewCounts", { add: adds.length, change: changes.length, same })];
  let budget = PREVIEW_LINES;
  if (adds.length) {
    lines.push("", t("bot:directory.willAdd"));
    for (const item of adds.slice(0, budget)) lines.push(`+ ${describeRow(item.row, t)}`);
    if (adds.length > budget) lines.push(t("bot:directory.more", { count: adds.length - budget }));
    budget = Math.max(0, budget - adds.length);
  }
  if (changes.length) {
    lines.push("", t("bot:directory.willChange"));
    const shown = changes.slice(0, Math.max(budget, 10));
    for (const item of shown) {
      if (item.action !== "change") continue;
      lines.push(`~ ${item.unit.displayName}: ${item.fields.map((f) => t(`bot:directory.fields.${f}`)).join(", ")}`);
    }
    if (changes.length > shown.length) lines.push(t("bot:directory.more", { count: changes.length - shown.length }));
  }
  if (plan.problems.length) {
    lines.push("", t("bot:directory.skipped"));
    for (const p of plan.problems.slice(0, 10)) lines.push(t(`bot:directory.problem.${p.code}`, { line: p.line, name: p.name }));
  }
  if (plan.unknownParents.length) lines.push("", t("bot:directory.unknownParents", { names: plan.unknownParents.slice(0, 10).join("; ") }));
  if (adds.length + changes.length === 0) {
    pendingOf(deps).delete(msg.sender.id);
    lines.push("", t("bot:directory.nothingToDo"));
    return ctx.reply(lines.join("\n"));
  }
  lines.push("", t("bot:directory.confirmHint"));
  await ctx.reply(lines.join("\n"), {
    buttons: [[{ label: t("bot:directory.applyButton"), data: "dir:ok" }, { label: t("bot:directory.cancelButton"), data: "dir:no" }]],
  });
}

async function decide(deps: BotDeps, by: string, t: Translate, apply: boolean): Promise<string> {
  const plan = pendingOf(deps).get(by);
  if (!plan) return t("bot:directory.noPending");
  pendingOf(deps).delete(by);
  if (!apply) return t("bot:directory.cancelled");
  const result = await applyImport(deps, { by, plan });
  if (result.code === "forbidden") return t("tracking:common.forbidden");
  return t("bot:directory.applied", { added: result.added, changed: result.changed, same: result.same });
}

/** "/apdung" applies the pending import; "/apdung huy" drops it. */
export async function applyCommand(ctx: MessageContext, args: string): Promise<void> {
  const { t } = ctx;
  if (!hasRole(ctx.person, "admin")) return ctx.reply(t("tracking:common.forbidden"));
  const cancel = /^(huy|hủy|huỷ|cancel|khong|không)$/i.test(args.trim());
  await ctx.reply(await decide(ctx.deps, ctx.msg.sender.id, t, !cancel));
}

export async function directoryAction(deps: BotDeps, action: InboundAction, apply: boolean): Promise<void> {
  const person = await deps.store.directory.person(action.sender.id);
  const t = translator(isLang(person?.lang) ? person.lang : deps.settings.defaultLang);
  if (!hasRole(person, "admin")) return action.answer(t("tracking:common.forbidden"));
  const text = await decide(deps, action.sender.id, t, apply);
  await action.answer();
  await say(deps, action.chat, text);
}

/** "A => B", "A -> B", "A → B", "A thành B" / "A vào B". */
function twoNames(args: string): [string, string] | null {
  const m = /^(.+?)\s*(?:=>|->|→|\|)\s*(.+)$/u.exec(args.trim()) ?? /^(.+?)\s+(?:thành|thanh|vào|vao)\s+(.+)$/iu.exec(args.trim());
  return m ? [m[1]!.trim(), m[2]!.trim()] : null;
}

async function unitNamed(ctx: MessageContext, name: string): Promise<Unit | null> {
  const directory = new UnitDirectory(await ctx.deps.store.directory.units());
  const unit = directory.exact(name);
  if (unit) return unit;
  const near = directory.search(name).slice(0, 5).map((u) => u.displayName);
  await ctx.reply(near.length ? ctx.t("bot:directory.notFoundNear", { query: name, names: near.join("; ") }) : ctx.t("tracking:bind.notFound", { query: name }));
  return null;
}

/** "/doiten <tên cũ> => <tên mới>": the old name stays as an alias. */
export async function renameCommand(ctx: MessageContext, args: string): Promise<void> {
  const { deps, msg, t } = ctx;
  if (!hasRole(ctx.person, "admin")) return ctx.reply(t("tracking:common.forbidden"));
  const names = twoNames(args);
  if (!names) return ctx.reply(t("bot:directory.renameUsage"));
  const unit = await unitNamed(ctx, names[0]);
  if (!unit) return;
  const renamed = await deps.store.directory.renameUnit(unit.id, names[1].normalize("NFC"), unitKey(names[1]), deps.clock.now(), msg.sender.id);
  if (!renamed) return ctx.reply(t("bot:directory.nameTaken", { name: names[1] }));
  await ctx.reply(t("bot:directory.renamed", { from: unit.displayName, to: renamed.displayName }));
}

/** "/gopdonvi <đơn vị cũ> => <đơn vị mới>": groups, officers and tasks move; the old unit is kept, retired. */
export async function mergeCommand(ctx: MessageContext, args: string): Promise<void> {
  const { deps, msg, t } = ctx;
  if (!hasRole(ctx.person, "admin")) return ctx.reply(t("tracking:common.forbidden"));
  const names = twoNames(args);
  if (!names) return ctx.reply(t("bot:directory.mergeUsage"));
  const from = await unitNamed(ctx, names[0]);
  if (!from) return;
  const into = await unitNamed(ctx, names[1]);
  if (!into) return;
  if (from.id === into.id) return ctx.reply(t("bot:directory.mergeSame"));
  const moved = await deps.store.directory.mergeUnits(from.id, into.id, deps.clock.now(), msg.sender.id);
  await ctx.reply(t("bot:directory.merged", { from: from.displayName, into: into.displayName, ...moved }));
}

/** "/giaithe <đơn vị>": the unit is dissolved; kept for history, its groups unbound. */
export async function retireCommand(ctx: MessageContext, args: string): Promise<void> {
  const { deps, msg, t } = ctx;
  if (!hasRole(ctx.person, "admin")) return ctx.reply(t("tracking:common.forbidden"));
  if (!args.trim()) return ctx.reply(t("bot:directory.retireUsage"));
  const unit = await unitNamed(ctx, args.trim());
  if (!unit) return;
  await deps.store.directory.retireUnit(unit.id, deps.clock.now(), msg.sender.id);
  await ctx.reply(t("bot:directory.retired", { unit: unit.displayName }));
}

/** "/bogan" in a group unbinds that group; "/bogan <mã nhóm>" (as /danhsachdonvi shows it) from anywhere. */
export async function unbindCommand(ctx: MessageContext, args: string): Promise<void> {
  const { deps, msg, t } = ctx;
  if (!hasRole(ctx.person, "leader")) return ctx.reply(t("tracking:bind.forbidden"));
  const chat = args.trim() || (msg.chatType === "group" ? msg.chat : "");
  if (!chat) return ctx.reply(t("bot:directory.unbindUsage"));
  const binding = await deps.store.directory.binding(chat);
  if (!binding || !binding.active) return ctx.reply(t("bot:directory.notBound", { chat }));
  const unit = (await deps.store.directory.unitsById([binding.unitId])).get(binding.unitId);
  await deps.store.directory.setBindingActive(chat, false, deps.clock.now(), msg.sender.id);
  await ctx.reply(t("bot:directory.unbound", { chat: binding.title ?? chat, unit: unit?.displayName ?? "?" }));
}

/** "/danhsachdonvi [trang]": each unit with its groups (title, platform) and officers, PAGE_SIZE units a page. */
export async function listUnitsCommand(ctx: MessageContext, args: string): Promise<void> {
  const { deps, t } = ctx;
  if (!hasRole(ctx.person, "leader", "secretary")) return ctx.reply(t("tracking:common.forbidden"));
  const units = await deps.store.directory.units();
  if (units.length === 0) return ctx.reply(t("bot:unit.empty"));
  const pages = Math.ceil(units.length / PAGE_SIZE);
  const page = Math.min(Math.max(Number.parseInt(args.trim(), 10) || 1, 1), pages);
  const slice = units.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const ids = slice.map((u) => u.id);
  const [bindings, people] = await Promise.all([deps.store.directory.bindingsOf(ids), deps.store.directory.peopleOf(ids)]);
  const lines = [t("bot:directory.listHeader", { count: units.length, page, pages })];
  slice.forEach((u, i) => {
    const meta = [u.kinds.join(", "), u.level].filter(Boolean).join(" · ");
    lines.push(`${(page - 1) * PAGE_SIZE + i + 1}. ${u.displayName}${meta ? ` (${meta})` : ""}`);
    const groups = bindings.filter((b) => b.unitId === u.id && b.active);
    if (groups.length === 0) lines.push(`   ${t("bot:unit.noChat")}`);
    for (const g of groups) {
      const platform = t(`bot:directory.platform.${parseChatId(g.chatId).platform}`);
      lines.push(`   💬 ${g.title ?? t("bot:directory.untitled")} (${platform}) [${g.chatId}]`);
    }
    if (groups.length > 1) lines.push(`   ${t("bot:directory.severalGroups", { count: groups.length })}`);
    const officers = people.filter((p) => p.unitId === u.id && p.roles.includes("officer"));
    if (officers.length) lines.push(`   👤 ${officers.map((p) => p.name || p.userId).join(", ")}`);
  });
  if (page < pages) lines.push("", t("bot:directory.nextPage", { next: page + 1 }));
  await ctx.reply(lines.join("\n"));
}
