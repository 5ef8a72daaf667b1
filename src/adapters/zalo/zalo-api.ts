import {
  Zalo,
  type API,
  type CloseReason,
  type Credentials,
  type LoginQRCallback,
  type Message,
  type Reaction,
  type ThreadType,
} from "zca-js";

/**
 * The narrow slice of zca-js the Zalo adapter uses. Everything else in the adapter talks to these interfaces, so
 * tests can drive the real adapter with an in-memory fake (Zalo's protocol is an encrypted WebSocket: there is no
 * fake server to point the real client at). The assertions at the bottom make a zca-js upgrade that changes any of
 * these signatures fail `tsc`, instead of failing in production.
 */
export type ZaloMessagingApi = Pick<
  API,
  "sendMessage" | "addReaction" | "getOwnId" | "getGroupInfo" | "getCookie"
>;

/** The listener events dondoc listens to (a subset of zca-js's ListenerEvents, which the package does not export). */
export interface ZaloListener {
  on(event: "message", fn: (message: Message) => void): unknown;
  on(event: "old_messages", fn: (messages: Message[], type: ThreadType) => void): unknown;
  on(event: "reaction", fn: (reaction: Reaction) => void): unknown;
  on(event: "connected", fn: () => void): unknown;
  on(event: "disconnected", fn: (code: CloseReason, reason: string) => void): unknown;
  on(event: "closed", fn: (code: CloseReason, reason: string) => void): unknown;
  on(event: "error", fn: (error: unknown) => void): unknown;
  removeAllListeners(): unknown;
  start(options?: { retryOnClose?: boolean }): void;
  stop(): void;
  requestOldMessages(threadType: ThreadType, lastMsgId?: string | null): void;
}

export interface ZaloApi extends ZaloMessagingApi {
  listener: ZaloListener;
}

/** Logging in: zca-js's `Zalo` class (one instance per account). */
export interface ZaloLoginClient {
  login(credentials: Credentials): Promise<ZaloApi>;
  loginQR(options: { userAgent?: string; language?: string; qrPath?: string }, callback: LoginQRCallback): Promise<ZaloApi>;
}

/**
 * The real client. `checkUpdate: false`: by default zca-js asks the npm registry for a newer version at every login;
 * `selfListen: false`: the bot's own messages must not come back as inbound messages.
 */
export function createZcaClient(options: { logging?: boolean } = {}): ZaloLoginClient {
  const zalo = new Zalo({ checkUpdate: false, selfListen: false, logging: options.logging ?? false });
  return {
    login: (credentials) => zalo.login(credentials),
    loginQR: (qrOptions, callback) => zalo.loginQR(qrOptions, callback),
  };
}

// ---- compile-time checks against zca-js's own types -----------------------------------------------------------

type Assert<T extends true> = T;
/** zca-js's API object must satisfy the narrow interface (so the real object can be passed where ours is expected). */
export type ApiSatisfiesNarrowInterface = Assert<API extends ZaloApi ? true : false>;
/** The real Zalo class must satisfy the login interface. */
export type ZaloSatisfiesLoginClient = Assert<Zalo extends ZaloLoginClient ? true : false>;
