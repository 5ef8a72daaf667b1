import type { Dialect } from "./sql.js";

/**
 * Where the two databases' SQL really differs (decision 0702). Every repository writes its statements once, in the
 * SQL both share, and asks this table for the few fragments that cannot be shared; each fragment is met by the storage
 * and use-case suites on both databases.
 */
export interface DialectSql {
  /** The office day (UTC+7, no daylight saving) of an instant column, as YYYY-MM-DD text. */
  officeDay(column: string): string;
  /** The numbers of a JSON array bound as one parameter (`x IN (…)`): one statement for any number of ids. */
  jsonIds: string;
  /** The strings of a JSON array bound as one parameter. */
  jsonTexts: string;
  /** A top-level field of a JSON text column, as text. */
  jsonField(column: string, field: string): string;
  /** The length of a JSON array held in a field of a JSON text column (NULL when the field is absent; not counted when it is no array). */
  jsonArrayLength(column: string, field: string): string;
  /** A plain scan instead of an index when every row is counted (SQLite's planner needs telling; PostgreSQL's does not). */
  noIndex: string;
  /** A named index to scan (SQLite's planner may pick a worse one; PostgreSQL's chooses by statistics). */
  indexedBy(index: string): string;
  /** Byte order for sort keys built of digits, ISO days and '~', whatever the database's collation. */
  byteOrder: string;
}

export const DIALECT: Record<Dialect, DialectSql> = {
  sqlite: {
    officeDay: (c) => `date(${c}, '+7 hours')`,
    jsonIds: "SELECT value FROM json_each(?)",
    jsonTexts: "SELECT value FROM json_each(?)",
    // Field names are ours (identifiers), never user input.
    jsonField: (c, f) => `json_extract(${c}, '$.${f}')`,
    // The path form: 0 for a scalar, NULL when absent (json_extract first would hand a bare string to json_array_length,
    // which refuses it as malformed JSON).
    jsonArrayLength: (c, f) => `json_array_length(${c}, '$.${f}')`,
    noIndex: "NOT INDEXED",
    indexedBy: (i) => `INDEXED BY ${i}`,
    byteOrder: "",
  },
  postgresql: {
    // Prisma's DateTime is timestamp(3) holding UTC.
    officeDay: (c) => `to_char(${c} + interval '7 hours', 'YYYY-MM-DD')`,
    jsonIds: "SELECT (jsonb_array_elements_text(CAST(? AS jsonb)))::int",
    jsonTexts: "SELECT jsonb_array_elements_text(CAST(? AS jsonb))",
    jsonField: (c, f) => `(CAST(${c} AS jsonb) ->> '${f}')`,
    // jsonb_array_length refuses a scalar; SQLite's json_array_length gives 0 for one.
    jsonArrayLength: (c, f) => `(CASE jsonb_typeof(CAST(${c} AS jsonb) -> '${f}') WHEN 'array' THEN jsonb_array_length(CAST(${c} AS jsonb) -> '${f}') END)`,
    noIndex: "",
    indexedBy: () => "",
    // PostgreSQL's default collation may ignore punctuation such as '~'.
    byteOrder: ' COLLATE "C"',
  },
};
