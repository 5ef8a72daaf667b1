/**
 * The PostgreSQL copy of prisma/schema.prisma: the same models, another datasource provider and client folder.
 * prisma/schema.prisma stays the one schema people edit; `npm run db:migrations:pg` rewrites the copy and its
 * migrations (scripts/pg-migrations.ts), and test/storage/pg-migrations.test.ts fails while the copy is stale.
 */
export const PG_SCHEMA_HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:migrations:pg` (scripts/pg-migrations.ts). Do not edit:\n" +
  "// edit prisma/schema.prisma and run the script. This file is also the snapshot the next PostgreSQL migration is\n" +
  "// diffed from.\n\n";

export function postgresSchema(sqliteSchema: string): string {
  const datasource = /datasource\s+db\s*\{[^}]*\}/;
  const generatorOutput = /(generator\s+client\s*\{[^}]*?output\s*=\s*)"[^"]*"/;
  if (!datasource.test(sqliteSchema) || !generatorOutput.test(sqliteSchema)) {
    throw new Error("prisma/schema.prisma: expected a `datasource db` block and a `generator client` with an output");
  }
  return (
    PG_SCHEMA_HEADER +
    sqliteSchema
      .replace(generatorOutput, '$1"../../src/generated/prisma-pg"')
      .replace(
        datasource,
        // The url line must stay (without it `prisma generate` tries to download an engine); the adapter connects.
        'datasource db {\n  provider = "postgresql"\n  url      = "postgresql://localhost/dondoc"\n}',
      )
  );
}
