import type { BotCommand } from "telegraf/types";
import { type Lang, LANGS, translator } from "../../i18n.js";

/** The commands shown in Telegram's menu, per language; descriptions come from locales/<lang>/telegram.json. */
// What everyone may need from the menu; admin and draft-editing commands are explained by /help instead.
export const COMMANDS = ["start", "help", "donvi", "baocao", "quahan", "chuabaocao", "xuat", "lichsu", "danhsachdonvi", "ngonngu"] as const;

export function telegramCommands(): Record<Lang, BotCommand[]> {
  const lists = {} as Record<Lang, BotCommand[]>;
  for (const lang of LANGS) {
    const t = translator(lang);
    lists[lang] = COMMANDS.map((command) => ({ command, description: t(`telegram:commands.${command}`) }));
  }
  return lists;
}
