import type { Translate } from "../../i18n.js";

/**
 * Draft warnings mix two kinds: the reader's i18n keys ("reader:warn.noTasks"), kept as keys so a draft reads in the
 * viewer's language, and file warnings from src/ingest, already sentences in the sender's language. Only a string
 * that is exactly a known key is translated; anything else is shown as written.
 */
const KEY = /^[a-z]+:[A-Za-z0-9_.]+$/;

export function warningText(warning: string, t: Translate): string {
  if (!KEY.test(warning)) return warning;
  const text = t(warning, { defaultValue: "" });
  return text && text !== warning ? text : warning;
}
