import { sendMessage } from '@/utils/messaging';

/** How long typing pauses before the draft is stored. */
export const DRAFT_SAVE_MS = 300;

/**
 * Keeps the message being typed in the background, since the popup closes at any click
 * elsewhere: stored once typing pauses, and at once when the page goes away (`flush`).
 */
export class DraftKeeper {
  private pending: { id: string | null; text: string } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly delayMs = DRAFT_SAVE_MS) {}

  /** Stores `text` as the draft of conversation `id` (null: a new chat) when typing pauses. */
  keep(id: string | null, text: string): void {
    this.pending = { id, text };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** Stores the draft still waiting, now. */
  flush(): void {
    clearTimeout(this.timer);
    const pending = this.pending;
    this.pending = undefined;
    // A lost draft is not worth an error in the user's face; the text is still on screen.
    if (pending) void sendMessage('chatSaveDraft', pending).catch(() => {});
  }
}
