import type { Button } from "../../chat/port.js";

/**
 * What to type instead of pressing a button, derived from the button's data in this one place. Zalo shows buttons as
 * numbered lines of these (src/adapters/zalo/outbound.ts); a kind without a typed form keeps its label.
 * - confirm:<draft> → "/xacnhan", cancel:<draft> → "/huy" (the leader's newest draft)
 * - done:<assignment> → "xong <n>", n being the task's number in its message (the label's last number, "✅ Xong 2")
 * - bind:<unit> → "/donvi <unit name>" (the label is the unit's name)
 * - approve:<assignment> → "/duyet <id>", reject:<assignment> → "/tralai <id>"
 * - extok:<extension> → "/giahan <id>", extno:<extension> → "/tuchoi <id>"
 * - amd:<amendment>:<dispatch> → "/apdung <amendment> <dispatch>"
 * - dir:ok → "/apdung", dir:no → "/apdung huy" (the admin's pending directory import)
 */
export function typedReplyFor(button: Button): string | undefined {
  const kind = button.data.slice(0, button.data.indexOf(":"));
  switch (kind) {
    case "confirm":
      return "/xacnhan";
    case "cancel":
      return "/huy";
    case "done": {
      const n = /(\d+)\D*$/.exec(button.label)?.[1];
      return n ? `xong ${n}` : "xong";
    }
    case "bind":
      return `/donvi ${button.label}`;
    case "approve":
      return `/duyet ${button.data.slice(kind.length + 1)}`;
    case "reject":
      return `/tralai ${button.data.slice(kind.length + 1)}`;
    case "amd":
      return `/apdung ${button.data.slice(kind.length + 1).replace(":", " ")}`;
    case "extok":
      return `/giahan ${button.data.slice(kind.length + 1)}`;
    case "extno":
      return `/tuchoi ${button.data.slice(kind.length + 1)}`;
    case "dir":
      return button.data === "dir:ok" ? "/apdung" : "/apdung huy";
    default:
      return undefined;
  }
}
