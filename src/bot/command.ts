/**
 * Chat commands, platform-neutral. Telegram sends "/baocao@dondoc_bot 164/KH-UBND"; Zalo has no command menu, so
 * people type "/baocao ..." or "@dondoc /baocao ...". Both read the same.
 */
export const COMMANDS = [
  "start",
  "help",
  "donvi", // bind this group to a unit / show the binding
  "baocao", // status report: all open, by số ký hiệu, or by unit
  "quahan", // overdue list
  "xuat", // .xlsx report
  "chuabaocao", // units that have not reported yet
  "vaitro", // admin: grant a role
  "themdonvi", // admin: add a unit
  "danhsachdonvi", // list units
  "ngonngu", // language vi/en
  "bo", // drop an item of the pending draft
  "han", // set an item's deadline
  "giao", // set an item's assignees
  "chuky", // set an item's period (for a bare "định kỳ")
  "xacnhan", // confirm the newest draft (the preview's button, typed: Zalo has no buttons)
  "huy", // cancel the newest draft
  "duyet", // approve a completion awaiting approval (the approval request's button, typed)
  "tralai", // send a completion back
  "giahan", // approve a deadline extension (as asked, or to another date)
  "tuchoi", // refuse a deadline extension
  "lichsu", // a task's history (timeline)
  "thuhoi", // recall a confirmed dispatch or one of its items
  "web", // a one-time sign-in link to the web dashboard; "/web thoat" signs out everywhere
  "mau", // admin: the directory template (.xlsx)
  "nhapdonvi", // admin: import a pasted list of units (preview, then /apdung)
  "apdung", // admin: apply the pending directory import ("/apdung huy" drops it); leader: "/apdung <mã> <mã văn bản>" applies an amending dispatch
  "doiten", // admin: rename a unit (the old name stays an alias)
  "gopdonvi", // admin: merge a unit into another
  "giaithe", // admin: retire a unit
  "bogan", // unbind a group from its unit
] as const;

export type CommandName = (typeof COMMANDS)[number];

export interface ParsedCommand {
  name: CommandName;
  args: string;
}

const COMMAND_RE = /^\s*(?:@\S+\s+)?\/([a-z_]+)(?:@(\S+))?(?:\s+([\s\S]*))?$/i;

/** Returns the command, or null when the text is not one of ours (or is addressed to another bot). */
export function parseCommand(text: string, botUsername?: string): ParsedCommand | null {
  const m = COMMAND_RE.exec(text);
  if (!m) return null;
  const name = m[1]!.toLowerCase();
  const addressee = m[2];
  if (addressee && botUsername && addressee.toLowerCase() !== botUsername.toLowerCase()) return null;
  if (!(COMMANDS as readonly string[]).includes(name)) return null;
  return { name: name as CommandName, args: (m[3] ?? "").trim() };
}
