import { chatPortContract } from "../../contract/chat-port.contract.js";
import { startTelegram } from "./harness.js";

// The Telegram adapter, through telegraf's real HTTP client, against the fake Bot API server.
chatPortContract("telegram (long polling)", () => startTelegram(), { files: true });
chatPortContract("telegram (webhook)", () => startTelegram({ webhook: true }), { files: true });
