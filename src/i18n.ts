import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import i18next, { type TFunction } from "i18next";

/**
 * All user-facing text lives in locales/<lang>/<namespace>.json (Vietnamese first, English second). One file per
 * feature keeps parallel work from colliding; keys are addressed as "namespace:key".
 */
export type Lang = "vi" | "en";
export const LANGS: readonly Lang[] = ["vi", "en"];
export type Translate = TFunction;

const localesDir = fileURLToPath(new URL("../locales", import.meta.url));

function loadResources(): Record<string, Record<string, Record<string, unknown>>> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const lang of LANGS) {
    const dir = join(localesDir, lang);
    resources[lang] = {};
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      resources[lang]![file.slice(0, -5)] = JSON.parse(readFileSync(join(dir, file), "utf8"));
    }
  }
  return resources;
}

const resources = loadResources();
const instance = i18next.createInstance();
// initAsync: false makes init synchronous, so importing this module is enough to translate.
void instance.init({
  resources,
  lng: "vi",
  fallbackLng: "vi",
  defaultNS: "common",
  ns: Object.keys(resources.vi ?? {}),
  // Plain text everywhere: adapters escape for their own markup, so i18next must not HTML-escape twice.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** A translator fixed to one language (per user or chat). */
export function translator(lang: Lang = "vi"): Translate {
  return instance.getFixedT(lang);
}

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}
