import { Reactions } from "zca-js";

/**
 * Zalo reactions travel as short codes ("/-strong", "/-heart", ":>"), not emoji: zca-js's `Reactions` enum. The port
 * speaks emoji both ways; codes without a usual emoji pass through as they are.
 */
const PAIRS: Array<[string, Reactions]> = [
  ["👍", Reactions.LIKE],
  ["❤️", Reactions.HEART],
  ["👌", Reactions.OK],
  ["🙏", Reactions.THANKS],
  ["😆", Reactions.HAHA],
  ["😮", Reactions.WOW],
  ["😢", Reactions.CRY],
  ["😡", Reactions.ANGRY],
  ["👎", Reactions.DISLIKE],
  ["😘", Reactions.KISS],
  ["😂", Reactions.TEARS_OF_JOY],
  ["🌹", Reactions.ROSE],
  ["💔", Reactions.BROKEN_HEART],
  ["✌️", Reactions.PEACE],
  ["👏", Reactions.HANDCLAP],
];
const ALSO: Array<[string, Reactions]> = [
  ["❤", Reactions.HEART],
  ["✅", Reactions.OK],
];

const TO_CODE = new Map<string, Reactions>([...PAIRS, ...ALSO]);
const TO_EMOJI = new Map<string, string>(PAIRS.map(([emoji, code]) => [code, emoji]));

/** The reaction to send for an emoji (a like when Zalo has no such reaction). */
export function reactionFor(emoji: string): Reactions {
  return TO_CODE.get(emoji) ?? Reactions.LIKE;
}

/** The emoji for a received reaction code ("/-strong" → "👍"); an unknown code is passed on unchanged. */
export function emojiOf(code: string): string {
  return TO_EMOJI.get(code) ?? code;
}
