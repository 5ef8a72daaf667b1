import { BULK_TX } from "./tx.js";
import type { ChatId } from "../chat/port.js";
import type { ChatBinding, Person, Role, Unit } from "../tracking/model.js";
import { officeSettingsSchema, type OfficeSettings } from "../tracking/settings.js";
import type { Prisma } from "./database.js";
import type { Sql } from "./sql.js";
import type { WriteGate } from "./write-gate.js";

/** Units, chat bindings, people and settings: the office's directory. */

type UnitRow = { id: number; displayName: string; key: string; aliases: string; kinds: string; level: string | null; parentId: number | null; retiredAt?: Date | null };
const toUnit = (r: UnitRow): Unit => ({
  id: r.id, displayName: r.displayName, key: r.key, aliases: JSON.parse(r.aliases), kinds: JSON.parse(r.kinds), level: r.level, parentId: r.parentId,
  ...(r.retiredAt ? { retiredAt: r.retiredAt } : {}),
});
type PersonRow = { id: number; userId: string; name: string; roles: string; unitId: number | null; lang: string };
const toPerson = (r: PersonRow): Person => ({ ...r, roles: JSON.parse(r.roles) as Role[] });

export class DirectoryRepo {
  private settingsCache: OfficeSettings | null = null;
  private settingsAt = 0;
  constructor(
    private readonly prisma: Prisma,
    private readonly gate: WriteGate,
    // The reply path asks who wrote and which unit a chat speaks for on every message: raw lookups.
    private readonly read: Sql,
    /** How long settings read are trusted: forever with one process; a few seconds when other workers may change them. */
    private readonly cacheMs = Infinity,
  ) {}

  /** The units in service (what names in dispatches and chats are matched against): retired ones left out. */
  async units(): Promise<Unit[]> {
    return (await this.prisma.unit.findMany({ where: { retiredAt: null }, orderBy: { id: "asc" } })).map(toUnit);
  }

  /** Every unit, retired ones too (their history stays readable). */
  async allUnits(): Promise<Unit[]> {
    return (await this.prisma.unit.findMany({ orderBy: { id: "asc" } })).map(toUnit);
  }

  /** Bound chats (active or not) with their titles, per unit: what /danhsachdonvi lists. */
  async bindingsOf(unitIds: number[]): Promise<ChatBinding[]> {
    const rows = await this.prisma.chatBinding.findMany({ where: { unitId: { in: unitIds } }, orderBy: { id: "asc" } });
    return rows.map((r) => ({ chatId: r.chatId, unitId: r.unitId, active: r.active, title: r.title }));
  }

  /** People tied to these units (officers), for the directory listing. */
  async peopleOf(unitIds: number[]): Promise<Person[]> {
    return (await this.prisma.person.findMany({ where: { unitId: { in: unitIds } }, orderBy: { id: "asc" } })).map(toPerson);
  }

  /**
   * Renames a unit; the old name becomes an alias, so dispatches and people using it still find the unit. Fails
   * (returns null) when the new name is another unit's.
   */
  async renameUnit(unitId: number, displayName: string, key: string, at: Date, actor: string): Promise<Unit | null> {
    return this.gate.run(async () => {
      const clash = await this.prisma.unit.findUnique({ where: { key } });
      if (clash && clash.id !== unitId) return null;
      const u = await this.prisma.unit.findUniqueOrThrow({ where: { id: unitId } });
      const aliases = new Set<string>(JSON.parse(u.aliases));
      if (u.displayName !== displayName) aliases.add(u.displayName);
      aliases.delete(displayName);
      const [row] = await this.prisma.$transaction([
        this.prisma.unit.update({ where: { id: unitId }, data: { displayName, key, aliases: JSON.stringify([...aliases]) } }),
        this.prisma.event.create({ data: { at, type: "unit_renamed", actor, unitId, data: JSON.stringify({ from: u.displayName, to: displayName }) } }),
      ]);
      return toUnit(row);
    });
  }

  /**
   * Merges `fromId` into `intoId` (a reorganisation): its chats, officers and assignments move to the new unit, its
   * names become the new unit's aliases, and it is kept, retired, for history. An assignment both units already hold
   * for the same task stays with the old unit (history), the new one keeps its own. Returns how many moved.
   */
  async mergeUnits(fromId: number, intoId: number, at: Date, actor: string): Promise<{ assignments: number; chats: number; people: number }> {
    return this.gate.run(async () => {
      const [from, into] = await Promise.all([
        this.prisma.unit.findUniqueOrThrow({ where: { id: fromId } }),
        this.prisma.unit.findUniqueOrThrow({ where: { id: intoId } }),
      ]);
      const aliases = new Set<string>([...JSON.parse(into.aliases), from.displayName, ...JSON.parse(from.aliases)]);
      aliases.delete(into.displayName);
      const kinds = new Set<string>([...JSON.parse(into.kinds), ...JSON.parse(from.kinds)]);
      const shared = await this.prisma.assignment.findMany({ where: { unitId: intoId }, select: { taskId: true } });
      return this.prisma.$transaction(async (tx) => {
        const moved = await tx.assignment.updateMany({ where: { unitId: fromId, taskId: { notIn: shared.map((a) => a.taskId) } }, data: { unitId: intoId } });
        const chats = await tx.chatBinding.updateMany({ where: { unitId: fromId }, data: { unitId: intoId } });
        const people = await tx.person.updateMany({ where: { unitId: fromId }, data: { unitId: intoId } });
        await tx.unit.updateMany({ where: { parentId: fromId }, data: { parentId: intoId } });
        await tx.unit.update({ where: { id: intoId }, data: { aliases: JSON.stringify([...aliases]), kinds: JSON.stringify([...kinds]) } });
        // The old unit keeps its row (reports of the past name it) under a key no name folds to, so it never matches.
        await tx.unit.update({ where: { id: fromId }, data: { retiredAt: at, mergedIntoId: intoId, key: `${from.key}#${fromId}`, aliases: "[]" } });
        await tx.event.create({ data: { at, type: "unit_merged", actor, unitId: intoId, data: JSON.stringify({ from: from.displayName, fromId, into: into.displayName }) } });
        return { assignments: moved.count, chats: chats.count, people: people.count };
      });
    });
  }

  /** Retires a unit (dissolved): kept for history, no longer matched; its chats are unbound. */
  async retireUnit(unitId: number, at: Date, actor: string): Promise<void> {
    return this.gate.run(async () => {
      const u = await this.prisma.unit.findUniqueOrThrow({ where: { id: unitId } });
      await this.prisma.$transaction([
        this.prisma.unit.update({ where: { id: unitId }, data: { retiredAt: at, key: `${u.key}#${unitId}` } }),
        this.prisma.chatBinding.updateMany({ where: { unitId }, data: { active: false } }),
        this.prisma.event.create({ data: { at, type: "unit_retired", actor, unitId, data: JSON.stringify({ name: u.displayName }) } }),
      ]);
    });
  }

  async unitByKey(key: string): Promise<Unit | null> {
    const r = await this.prisma.unit.findUnique({ where: { key } });
    return r ? toUnit(r) : null;
  }

  async unitsById(ids: number[]): Promise<Map<number, Unit>> {
    const rows = await this.prisma.unit.findMany({ where: { id: { in: ids } } });
    return new Map(rows.map((r) => [r.id, toUnit(r)]));
  }

  async upsertUnit(u: Omit<Unit, "id">): Promise<Unit> {
    return this.gate.run(async () => {
      const data = { displayName: u.displayName, key: u.key, aliases: JSON.stringify(u.aliases), kinds: JSON.stringify(u.kinds), level: u.level, parentId: u.parentId };
      return toUnit(await this.prisma.unit.upsert({ where: { key: u.key }, create: data, update: data }));
    });
  }

  /**
   * A whole directory import in one transaction: every unit upserted by key, then parents set by key (a sheet may
   * list a unit before its parent), and one event. All or nothing.
   */
  async importUnits(units: Array<Omit<Unit, "id" | "parentId"> & { parentKey: string | null }>, at: Date, actor: string): Promise<void> {
    return this.gate.run(async () => {
      await this.prisma.$transaction(async (tx) => {
        const ids = new Map<string, number>();
        for (const u of units) {
          const data = { displayName: u.displayName, key: u.key, aliases: JSON.stringify(u.aliases), kinds: JSON.stringify(u.kinds), level: u.level };
          const row = await tx.unit.upsert({ where: { key: u.key }, create: data, update: data, select: { id: true } });
          ids.set(u.key, row.id);
        }
        for (const u of units) {
          if (!u.parentKey) continue;
          const parentId = ids.get(u.parentKey) ?? (await tx.unit.findUnique({ where: { key: u.parentKey }, select: { id: true } }))?.id;
          if (parentId !== undefined && parentId !== ids.get(u.key)) await tx.unit.update({ where: { key: u.key }, data: { parentId } });
        }
        await tx.event.create({ data: { at, type: "directory_imported", actor, data: JSON.stringify({ units: units.length }) } });
      }, BULK_TX);
    });
  }

  async addAlias(unitId: number, alias: string): Promise<void> {
    return this.gate.run(async () => {
      const u = await this.prisma.unit.findUniqueOrThrow({ where: { id: unitId } });
      const aliases = new Set<string>(JSON.parse(u.aliases));
      aliases.add(alias);
      await this.prisma.unit.update({ where: { id: unitId }, data: { aliases: JSON.stringify([...aliases]) } });
    });
  }

  async binding(chatId: ChatId): Promise<ChatBinding | null> {
    const r = await this.read.get<Omit<ChatBinding, "active"> & { active: number | boolean }>(
      `SELECT "chatId", "unitId", active, title FROM "ChatBinding" WHERE "chatId" = ?`,
      [chatId],
    );
    // SQLite stores booleans as 0/1, PostgreSQL returns true/false.
    return r ? { ...r, active: r.active === 1 || r.active === true } : null;
  }

  async activeBindings(unitIds?: number[]): Promise<ChatBinding[]> {
    const rows = await this.read.all<Omit<ChatBinding, "active">>(`SELECT "chatId", "unitId", title FROM "ChatBinding" WHERE active = TRUE ORDER BY id`);
    const wanted = unitIds ? new Set(unitIds) : null;
    return rows.filter((r) => !wanted || wanted.has(r.unitId)).map((r) => ({ ...r, active: true }));
  }

  async bind(chatId: ChatId, unitId: number, title: string | null, by: string, at: Date): Promise<void> {
    return this.gate.run(async () => {
      await this.prisma.$transaction([
        this.prisma.chatBinding.upsert({
          where: { chatId },
          create: { chatId, unitId, title, boundBy: by, active: true },
          update: { unitId, title, boundBy: by, active: true },
        }),
        this.prisma.event.create({ data: { at, type: "chat_bound", actor: by, chatId, unitId } }),
      ]);
    });
  }

  async setBindingActive(chatId: ChatId, active: boolean, at: Date, actor: string | null): Promise<boolean> {
    return this.gate.run(async () => {
      const r = await this.prisma.chatBinding.updateMany({ where: { chatId }, data: { active } });
      if (r.count > 0) {
        await this.prisma.event.create({ data: { at, type: active ? "chat_reactivated" : "chat_unbound", actor, chatId } });
      }
      return r.count > 0;
    });
  }

  async person(userId: string): Promise<Person | null> {
    const r = await this.read.get<PersonRow>(`SELECT id, "userId", name, roles, "unitId", lang FROM "Person" WHERE "userId" = ?`, [userId]);
    return r ? toPerson(r) : null;
  }

  async peopleWithRole(role: Role): Promise<Person[]> {
    const rows = await this.prisma.person.findMany({ where: { roles: { contains: `"${role}"` } } });
    return rows.map(toPerson);
  }

  async savePerson(p: Omit<Person, "id">, at: Date, actor: string | null): Promise<Person> {
    return this.gate.run(async () => {
      const data = { name: p.name, roles: JSON.stringify(p.roles), unitId: p.unitId, lang: p.lang };
      const [row] = await this.prisma.$transaction([
        this.prisma.person.upsert({ where: { userId: p.userId }, create: { userId: p.userId, ...data }, update: data }),
        this.prisma.event.create({ data: { at, type: "person_saved", actor, unitId: p.unitId, data: JSON.stringify(p) } }),
      ]);
      return toPerson(row);
    });
  }

  async settings(): Promise<OfficeSettings> {
    if (this.settingsCache && Date.now() - this.settingsAt < this.cacheMs) return this.settingsCache;
    const rows = await this.prisma.setting.findMany();
    const raw = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
    const parsed = officeSettingsSchema.safeParse(raw);
    // A bad stored value must not stop the bot: fall back to defaults for the whole set and keep running.
    this.settingsCache = parsed.success ? parsed.data : officeSettingsSchema.parse({});
    this.settingsAt = Date.now();
    return this.settingsCache;
  }

  async saveSettings(patch: Partial<OfficeSettings>): Promise<OfficeSettings> {
    return this.gate.run(async () => {
      const next = officeSettingsSchema.parse({ ...(await this.settings()), ...patch });
      await this.prisma.$transaction(
        Object.entries(patch).map(([key, value]) =>
          this.prisma.setting.upsert({ where: { key }, create: { key, value: JSON.stringify(value) }, update: { value: JSON.stringify(value) } }),
        ),
      );
      this.settingsCache = next;
      this.settingsAt = Date.now();
      return next;
    });
  }
}
