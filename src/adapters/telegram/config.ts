/** What main.ts passes in: the adapter never reads process.env. */
export interface TelegramConfig {
  token: string;
  /** A self-hosted Bot API server (TELEGRAM_API_ROOT), e.g. http://127.0.0.1:8081; default Telegram's cloud. */
  apiRoot?: string;
  /** Webhook mode when set (TELEGRAM_WEBHOOK_URL); long polling otherwise. */
  webhook?: TelegramWebhookConfig;
}

export interface TelegramWebhookConfig {
  /** Public HTTPS URL Telegram posts updates to; its path is the path the local server answers on. */
  url: string;
  /** Local port and host the webhook HTTP server listens on (behind the TLS-terminating proxy). */
  port: number;
  host?: string;
  /** Telegram echoes this in X-Telegram-Bot-Api-Secret-Token; other posts are refused. Default: derived from the token. */
  secretToken?: string;
}

/** The update kinds dondoc handles; my_chat_member must be asked for to learn of kicks and additions. */
export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;
