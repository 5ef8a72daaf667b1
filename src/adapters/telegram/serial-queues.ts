/**
 * One promise chain per chat: events of a chat are handled in order, chats never wait for each other, and telegraf's
 * update handler returns at once (so slow work such as OCR neither stalls polling nor hits handlerTimeout).
 */
export class SerialQueues {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly onError: (error: unknown, key: string) => void) {}

  push(key: string, job: () => Promise<void>): void {
    const next = (this.tails.get(key) ?? Promise.resolve()).then(job).catch((error: unknown) => this.onError(error, key));
    this.tails.set(key, next);
    void next.then(() => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    });
  }

  /** Chats with work queued or running. */
  get busy(): number {
    return this.tails.size;
  }

  /** Resolves once every queued job (including ones queued meanwhile) has finished. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
