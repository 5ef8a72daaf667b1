/**
 * Where the chat layer keeps a report's attached files (src/bot/features/replies.ts writes them, the web dashboard
 * serves them): <filesDir>/evidence/<inbound event id>/<file name>, both made safe as path parts.
 */
export const evidenceFolder = (inboundEventId: string): string => inboundEventId.replace(/[^\w.-]+/g, "_");
export const evidenceName = (fileName: string): string => fileName.replace(/[/\\]/g, "_");
