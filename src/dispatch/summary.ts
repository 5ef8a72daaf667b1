/** The readable summary of a parsed dispatch (CLI, chat previews): header, then each task. Text via t(). */
import type { ParsedDispatch } from "./schema.js";

type T = (key: string, options?: Record<string, unknown>) => string;

export function formatSummary(p: ParsedDispatch, t: T): string {
  const d = p.doc;
  const u = t("reader:summary.unknown");
  const lines = [
    `${t("reader:summary.type")}: ${d.type ?? u}`,
    `${t("reader:summary.number")}: ${d.number ?? u}`,
    `${t("reader:summary.date")}: ${d.date ?? u}`,
    `${t("reader:summary.issuer")}: ${d.issuer ?? u}`,
    `${t("reader:summary.subject")}: ${d.subject ?? u}`,
  ];
  if (d.recipients.length) lines.push(`${t("reader:summary.recipients")}:`, ...d.recipients.map((r) => `  - ${r}`));
  if (d.secrecy) lines.push(`${t("reader:summary.secrecy")}: ${d.secrecy}`);
  if (d.urgency) lines.push(`${t("reader:summary.urgency")}: ${d.urgency}`);
  lines.push("", p.tasks.length ? t("reader:summary.tasks", { count: p.tasks.length }) : t("reader:summary.noTasks"));
  for (const task of p.tasks) {
    const oneLine = task.text.replace(/\s+/g, " ").trim();
    lines.push("", `[${task.ref}] ${oneLine.length > 220 ? `${oneLine.slice(0, 217)}...` : oneLine}`);
    for (const a of task.assignees) lines.push(`    • ${a.name} (${t(`reader:summary.${a.role}`)})`);
    if (task.implicit) lines.push(`    ${t("reader:summary.implicit")}`);
    if (task.assignees.length === 0) lines.push(`    ${t("reader:summary.unassigned")}`);
    const dl = task.deadline;
    const when = dl
      ? [dl.date, dl.recurrence ? t(`reader:summary.recurrence.${dl.recurrence}`) : null, `«${dl.text}»`].filter(Boolean).join(", ")
      : t("reader:summary.noDeadline");
    lines.push(`    ${t("reader:summary.deadline")}: ${when}`);
  }
  if (p.warnings.length) lines.push("", `${t("reader:summary.warnings")}:`, ...p.warnings.map((w) => `  ! ${w.includes(":") && !w.includes(" ") ? t(w) : w}`));
  return lines.join("\n");
}
