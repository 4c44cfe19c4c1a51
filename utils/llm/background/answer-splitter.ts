/** What one content delta holds once reasoning and end tokens are taken out. */
export interface SplitDelta {
  answer: string;
  reasoning: string;
}

const OPEN = '<think>';
const CLOSE = '</think>';
/**
 * End-of-sequence tokens that self-hosted servers (TGI, llama.cpp builds) leak as text. Each is
 * dropped only when it is a whole delta with nothing after it, so an HTML answer's `</s>` stays.
 */
const END_TOKENS = new Set(['</s>', '<|im_end|>', '<|eot_id|>', '<|endoftext|>', '<|end|>']);

/**
 * Splits streamed `content` into the answer and inline reasoning: some hosts of DeepSeek-R1 and
 * Qwen put `<think>...</think>` at the start of the content instead of `reasoning_content`. Tags
 * split across deltas are held back until they can be decided, so no reasoning is ever shown as
 * the answer; only a `<think>` at the very start (after whitespace) counts.
 */
export class AnswerSplitter {
  private state: 'start' | 'thinking' | 'after-think' | 'answer' = 'start';
  private held = '';
  private heldEnd = '';

  /** Takes one content delta; `final` when the same chunk carries the finish reason. */
  push(delta: string, final = false): SplitDelta {
    const out: SplitDelta = { answer: '', reasoning: '' };
    if (END_TOKENS.has(delta)) {
      // Kept aside: it is an end token only if nothing follows it.
      if (!final) this.heldEnd += delta;
      return out;
    }
    if (this.heldEnd) {
      const back = this.heldEnd;
      this.heldEnd = '';
      this.route(back, out);
    }
    this.route(delta, out);
    return out;
  }

  /** The stream ended: whatever was held as a possible tag is answer text after all. */
  flush(): SplitDelta {
    const out: SplitDelta = { answer: '', reasoning: '' };
    const held = this.held;
    this.held = '';
    if (this.state === 'thinking') out.reasoning = held;
    else out.answer = held;
    this.heldEnd = '';
    return out;
  }

  private route(delta: string, out: SplitDelta): void {
    let text = this.held + delta;
    this.held = '';
    if (this.state === 'start') {
      const trimmed = text.trimStart();
      if (trimmed === '' || (trimmed.length < OPEN.length && OPEN.startsWith(trimmed))) {
        this.held = text;
        return;
      }
      if (!trimmed.startsWith(OPEN)) {
        this.state = 'answer';
        out.answer += text;
        return;
      }
      this.state = 'thinking';
      text = trimmed.slice(OPEN.length);
    }
    if (this.state === 'thinking') {
      const end = text.indexOf(CLOSE);
      if (end === -1) {
        // Keep a tail that may be the start of `</think>` for the next delta.
        const keep = partialTail(text, CLOSE);
        out.reasoning += text.slice(0, text.length - keep);
        this.held = text.slice(text.length - keep);
        return;
      }
      out.reasoning += text.slice(0, end);
      this.state = 'after-think';
      text = text.slice(end + CLOSE.length);
    }
    if (this.state === 'after-think') {
      // The blank lines between the reasoning and the answer are layout, not answer.
      text = text.replace(/^\s+/, '');
      if (!text) return;
      this.state = 'answer';
    }
    out.answer += text;
  }
}

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialTail(text: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, text.length); n > 0; n -= 1) {
    if (tag.startsWith(text.slice(text.length - n))) return n;
  }
  return 0;
}
