import type { ChatId } from "../chat/port.js";
import type { ChatBinding, Person, Role, Unit } from "../tracking/model.js";
import { officeSettingsSchema, type OfficeSettings } from "../tracking/settings.js";
import type { Prisma } from "./database.js";
import type { Sql } from "./sql.js";
import type { WriteGate } from "./write-gate.js";

/** Units, chat bindings, people and settings: the office's directory. */

type UnitRow = { id: number; displayName: string; key: string; aliases: string; kinds: string; level: string | null; parentId: number | null };
const toUnit = (r: UnitRow): Unit => ({ ...r, aliases: JSON.parse(r.aliases), kinds: JSON.parse(r.kinds) });
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

  async units(): Promise<Unit[]> {
    return (await this.prisma.unit.findMany({ orderBy: { id: "asc" } })).map(toUnit);
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
