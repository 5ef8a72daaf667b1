import { canonicalName } from "../dispatch/names.js";
import { foldKey } from "../text/vietnamese.js";
import type { UnitInput } from "./unit-registry.js";

/**
 * The office's directory as people keep it: a sheet (.xlsx/.csv, columns tên đơn vị · bí danh · loại · cấp · đơn vị
 * cấp trên, the template /mau sends) or a pasted list, one unit per line. Pure: cells or text in, unit rows out, with
 * the kinds and level a name implies when the sheet leaves them empty ("UBND huyện Gia Viễn" is an ủy ban nhân dân
 * huyện at huyện level), so collective names ("UBND các huyện, thị xã, thành phố") expand without hand tagging.
 */

export type Column = "name" | "aliases" | "kinds" | "level" | "parent";
export const COLUMNS: readonly Column[] = ["name", "aliases", "kinds", "level", "parent"];

export interface SheetRow extends UnitInput {
  /** 1-based line or sheet row it came from (for messages). */
  line: number;
  /** Kinds / level taken from the name rather than written: they fill gaps, never replace what a unit has. */
  implied: { kinds: boolean; level: boolean };
}

export interface SheetProblem {
  line: number;
  code: "duplicate" | "too_long";
  name: string;
}

export interface ParsedSheet {
  rows: SheetRow[];
  problems: SheetProblem[];
}

// Folded header words → column. The first row is a header when at least the name column is recognised.
const HEADERS: Array<[RegExp, Column]> = [
  [/^(ten don vi|ten|don vi|ten co quan|co quan|unit|name)$/, "name"],
  [/^(bi danh|ten khac|ten viet tat|viet tat|aliases?)$/, "aliases"],
  [/^(loai|loai don vi|nhom|kinds?)$/, "kinds"],
  [/^(cap|cap hanh chinh|level)$/, "level"],
  [/^(don vi cap tren|cap tren|truc thuoc|co quan chu quan|parent)$/, "parent"],
];

const MAX_NAME = 200;

/** Cells of a sheet (first row possibly a header) → unit rows. */
export function parseSheet(cells: ReadonlyArray<ReadonlyArray<string>>): ParsedSheet {
  let columns: Array<Column | null> = [...COLUMNS];
  let start = 0;
  const header = (cells[0] ?? []).map((c) => HEADERS.find(([re]) => re.test(foldKey(c)))?.[1] ?? null);
  if (header.includes("name")) {
    columns = header;
    start = 1;
  }
  const rows: SheetRow[] = [];
  for (let i = start; i < cells.length; i++) {
    const get = (col: Column) => {
      const at = columns.indexOf(col);
      return at < 0 ? "" : clean(cells[i]![at] ?? "");
    };
    const name = get("name");
    if (!name) continue;
    rows.push(unitRow(i + 1, { name, aliases: get("aliases"), kinds: get("kinds"), level: get("level"), parent: get("parent") }));
  }
  return dedupe(rows);
}

/**
 * A pasted list, one unit per line: a bare name ("Sở Y tế"), columns separated by tabs or "|" (in the sheet's
 * order), or /themdonvi's form ("Sở Y tế; loại: sở; bí danh: SYT; cấp: tỉnh; cấp trên: UBND tỉnh"). List marks and
 * numbering ("1.", "-", "•") are dropped.
 */
export function parseUnitList(text: string): ParsedSheet {
  const rows: SheetRow[] = [];
  text.normalize("NFC").split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^\s*(?:\d{1,4}[.)]\s+|[-–•+*]\s*)/u, "").trim();
    if (!line) return;
    if (/\t|\s\|\s?|\|/.test(line)) {
      const [name = "", aliases = "", kinds = "", level = "", parent = ""] = line.split(/\t|\|/).map(clean);
      if (name) rows.push(unitRow(i + 1, { name, aliases, kinds, level, parent }));
      return;
    }
    const [name = "", ...parts] = line.split(";").map(clean);
    const field = (re: RegExp) => {
      const part = parts.find((p) => re.test(foldKey(p.split(":")[0] ?? "")));
      return part && part.includes(":") ? clean(part.slice(part.indexOf(":") + 1)) : "";
    };
    if (name) {
      rows.push(unitRow(i + 1, {
        name, aliases: field(/^(bi danh|ten khac|viet tat)$/), kinds: field(/^(loai|nhom)$/), level: field(/^cap$/), parent: field(/^(cap tren|don vi cap tren|truc thuoc)$/),
      }));
    }
  });
  return dedupe(rows);
}

function clean(cell: string): string {
  return cell.normalize("NFC").replace(/[\u0000-\u001F\u007F]/g, " ").replace(/\s+/g, " ").trim();
}

const list = (cell: string) => cell.split(/[,;]/).map(clean).filter(Boolean);

function unitRow(line: number, c: Record<Column, string>): SheetRow {
  const kinds = c.kinds ? list(c.kinds) : impliedKinds(c.name);
  const level = c.level ? levelOf(c.level) : impliedLevel(c.name);
  return { line, displayName: c.name, aliases: list(c.aliases), kinds, level, parent: c.parent || null, implied: { kinds: !c.kinds, level: !c.level } };
}

/** The same unit twice (by folded name) keeps the first and is reported; over-long names are reported and dropped. */
function dedupe(rows: SheetRow[]): ParsedSheet {
  const seen = new Set<string>();
  const out: SheetRow[] = [];
  const problems: SheetProblem[] = [];
  for (const row of rows) {
    if (row.displayName.length > MAX_NAME) {
      problems.push({ line: row.line, code: "too_long", name: `${row.displayName.slice(0, 40)}…` });
      continue;
    }
    const key = foldKey(canonicalName(row.displayName));
    if (seen.has(key)) {
      problems.push({ line: row.line, code: "duplicate", name: row.displayName });
      continue;
    }
    seen.add(key);
    out.push(row);
  }
  return { rows: out, problems };
}

// Head nouns and the kind tag each implies. Kinds are what collectives name: "các sở, ban, ngành", "UBND các xã,
// phường, thị trấn", "các phòng chuyên môn", "các huyện ủy, thành ủy".
const UBND_OF = /^ủy ban nhân dân (quận|huyện|thị xã|thành phố|xã|phường|thị trấn) \S/u;
const PARTY_COMMITTEE = /^(huyện ủy|quận ủy|thị ủy|thành ủy|đảng ủy)(?=\s|$)/u;
const SECTOR = /^(công an|bộ chỉ huy quân sự|bộ chỉ huy bộ đội biên phòng|kho bạc nhà nước|cục thuế|cục hải quan|cục thống kê|ngân hàng nhà nước|bảo hiểm xã hội|tòa án nhân dân|viện kiểm sát nhân dân|thanh tra|văn phòng)(?=\s|$)/u;
const HEADS: Array<[RegExp, string[]]> = [
  [/^sở(?=\s|$)/u, ["sở"]],
  [/^ban(?=\s|$)/u, ["ban"]],
  [/^phòng(?=\s|$)/u, ["phòng", "phòng chuyên môn"]],
  [/^(hội|báo|đài|trung tâm|trường|bệnh viện|mặt trận|đoàn|liên đoàn|chi cục|cục)(?=\s|$)/u, []],
];

/** Kind tags a unit's name implies ("Sở Y tế" → sở; "UBND xã Ninh Hải" → ủy ban nhân dân xã). */
export function impliedKinds(name: string): string[] {
  const c = canonicalName(name);
  const ubnd = UBND_OF.exec(c);
  if (ubnd) return [`ủy ban nhân dân ${ubnd[1]}`];
  const party = PARTY_COMMITTEE.exec(c);
  if (party) return [party[1]!];
  if (SECTOR.test(c)) return ["ngành"];
  for (const [re, kinds] of HEADS) {
    const m = re.exec(c);
    if (m) return kinds.length ? kinds : [m[1]!];
  }
  return [];
}

/** "tỉnh", "huyện" or "xã" (the three levels collectives name), or what was written when it is none of them. */
export function levelOf(cell: string): string {
  const k = foldKey(cell).replace(/^cap /, "");
  if (/^(tinh|thanh pho truc thuoc trung uong|tp|thanh pho|trung uong)$/.test(k)) return "tỉnh";
  if (/^(huyen|quan|thi xa)$/.test(k)) return "huyện";
  if (/^(xa|phuong|thi tran)$/.test(k)) return "xã";
  return clean(cell);
}

/** The level a name implies, or null: "… tỉnh" and sở → tỉnh; UBND/phòng of a huyện → huyện; of a xã → xã. */
export function impliedLevel(name: string): string | null {
  const c = canonicalName(name);
  const ubnd = UBND_OF.exec(c);
  if (ubnd) return /^(xã|phường|thị trấn)$/u.test(ubnd[1]!) ? "xã" : "huyện";
  if (/^(huyện ủy|quận ủy|thị ủy)(?=\s|$)/u.test(c) || /^phòng(?=\s|$)/u.test(c)) return "huyện";
  if (/^sở(?=\s|$)/u.test(c) || /(?:^|\s)(tỉnh|thành phố)$/u.test(c)) return "tỉnh";
  return null;
}
