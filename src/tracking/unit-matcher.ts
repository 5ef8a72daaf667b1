import { canonicalName, nameKey } from "../dispatch/names.js";
import { foldKey } from "../text/vietnamese.js";
import { levelOf } from "./directory-sheet.js";
import type { AssigneeRole, ResolvedAssignee, Unit } from "./model.js";

/**
 * Resolves the names a dispatch gives (chủ trì / phối hợp bodies) against the office's unit directory. Pure: the
 * directory is loaded once per dispatch. Four outcomes: one unit (by canonical key or alias), a collective expanded
 * by kind ("Các sở, ngành" → every unit tagged sở or ngành), a generic body kept as written ("các cơ quan liên
 * quan"), or unmatched (listed back to the leader with suggestions, never dropped).
 */

// Generic bodies: whoever is concerned. Never fanned out, never asked about.
const GENERIC_PATTERNS = [
  /\blien quan\b/, /\bco lien quan\b/, /^to chuc ca nhan$/, /^co quan chuc nang$/, /^cac cap cac nganh$/,
  /^cap nganh$/, /^(co quan )?don vi$/, /^co quan don vi$/, /^ca nhan$/, /^to chuc$/, /^doanh nghiep$/,
  /\bnhan dan\b$/, /^cac cap uy to chuc dang$/,
];

export class UnitDirectory {
  private readonly byKey = new Map<string, Unit>();
  private readonly byKind = new Map<string, Unit[]>();

  constructor(readonly units: readonly Unit[]) {
    for (const u of units) {
      this.byKey.set(u.key, u);
      for (const a of u.aliases) if (!this.byKey.has(nameKey(a))) this.byKey.set(nameKey(a), u);
      for (const k of u.kinds) {
        const kk = nameKey(k);
        this.byKind.set(kk, [...(this.byKind.get(kk) ?? []), u]);
      }
    }
  }

  exact(name: string): Unit | undefined {
    return this.byKey.get(nameKey(name));
  }

  /** Units whose kind tags include `kind` (compared by folded key). */
  ofKind(kind: string): Unit[] {
    return this.byKind.get(nameKey(kind)) ?? [];
  }

  /** Units whose key contains every word of `query` (for suggestions and fuzzy chat binding). */
  search(query: string): Unit[] {
    const words = nameKey(query).split(" ").filter(Boolean);
    if (words.length === 0) return [];
    return this.units.filter((u) => {
      const keys = [u.key, ...u.aliases.map(nameKey)].map((k) => ` ${k} `);
      return keys.some((k) => words.every((w) => k.includes(` ${w} `)));
    });
  }

  resolve(name: string, role: AssigneeRole): ResolvedAssignee {
    const unit = this.exact(name);
    if (unit) return { name, role, match: "unit", unitIds: [unit.id] };
    const key = nameKey(name);
    if (GENERIC_PATTERNS.some((re) => re.test(key))) return { name, role, match: "generic", unitIds: [] };
    const collective = this.expandCollective(name);
    if (collective) return { name, role, match: "collective", unitIds: collective.unitIds, kinds: collective.kinds };
    return { name, role, match: "unmatched", unitIds: [], suggestions: this.search(name).slice(0, 5).map((u) => u.id) };
  }

  /**
   * "UBND các quận, huyện, thị xã" → kinds "ủy ban nhân dân quận", "… huyện", "… thị xã" (the words before "các"
   * prefix every listed item; each item is also tried bare). Every item must be a known kind, a known unit, or a
   * filler word ("ban", "ngành") that names no kind of its own; otherwise the whole name goes back to the leader.
   */
  private expandCollective(name: string): { unitIds: number[]; kinds: string[] } | null {
    const original = name.normalize("NFC").replace(/[–-]/g, " ");
    const parts = original.split(/,|;|\s+và\s+/u).map((p) => canonicalName(p)).filter(Boolean);
    if (parts.length === 0) return null;
    const m = /^(.*?)\s*\bcác\s+(.+)$/u.exec(parts[0]!);
    // Without "các" ("UBND quận, huyện, thị xã") the first item's head words prefix the others.
    const prefix = m ? m[1]! : parts[0]!.split(" ").slice(0, -1).join(" ");
    if (m) parts[0] = m[2]!;
    if (parts.length === 1 && !m && this.ofKind(parts[0]!).length === 0) return null;
    // "Các sở, ban, ngành tỉnh": a level word closing the list narrows every kind to that level ("thành phố" in
    // "UBND các huyện, thị xã, thành phố" is an item, not a level: nothing is left before it).
    // Only when the last item means nothing as written and does without the level word.
    const last = parts[parts.length - 1]!;
    const lv = /^(.+?) (tỉnh|thành phố|huyện|quận|xã|phường)$/u.exec(last);
    const known = (item: string) => this.ofKind(prefix ? `${prefix} ${item}` : item).length > 0 || this.ofKind(item).length > 0
      || this.exact(item) !== undefined || FILLERS.has(foldKey(item));
    const level = lv && !/\b(các|thị|thành)$/u.test(lv[1]!) && !known(last) && known(lv[1]!) ? levelOf(lv[2]!) : null;
    if (lv && level) parts[parts.length - 1] = lv[1]!;
    const ofKind = (kind: string) => this.ofKind(kind).filter((u) => !level || u.level === null || u.level === level);
    const kinds: string[] = [];
    const ids = new Set<number>();
    for (const part of parts) {
      // A later item may carry its own "X các Y" ("Sở Y tế và UBND các quận").
      const own = /^(.*?)\s*\bcác\s+(.+)$/u.exec(part);
      const item = own ? own[2]! : part;
      const head = own ? own[1]! : prefix;
      const kind = [head ? `${head} ${item}` : item, item].find((c) => ofKind(c).length > 0);
      if (kind) {
        kinds.push(kind);
        for (const u of ofKind(kind)) ids.add(u.id);
        continue;
      }
      const unit = this.exact(item);
      if (unit) ids.add(unit.id);
      // "UBND các huyện, thị xã, thành phố" in a province with no thị xã: the standard phrase lists every kind of
      // division; one the directory has none of names nobody, it is not a name to ask about.
      else if (!FILLERS.has(foldKey(item)) && !DIVISIONS.has(foldKey(item))) return null;
    }
    if (kinds.length === 0) return null;
    return { unitIds: [...ids], kinds };
  }
}

// Words listed inside a collective that add no kind of their own ("các sở, ban, ngành").
const FILLERS = new Set(["ban", "nganh", "doan the", "co quan", "don vi", "dia phuong", "cap", "to chuc"]);

// Administrative divisions a collective may list although the directory has no unit of that kind.
const DIVISIONS = new Set(["quan", "huyen", "thi xa", "thanh pho", "xa", "phuong", "thi tran"]);

/** The folded key a unit is stored and matched under. */
export function unitKey(displayName: string): string {
  return nameKey(displayName) || foldKey(displayName);
}
