export { createDeliveryWorker, type DeliveryOptions, type DeliveryWorker, type DeliveryWorkerDeps } from "./worker.js";
export type { DeliveryCallbacks, Backoff } from "./outcome.js";
export { RateLimiter, TELEGRAM_RATE_LIMITS, isGroupChat, type RateLimits, type RateWindow } from "./rate-limiter.js";
export { createChatRouter, type ChatRouter } from "./router.js";
