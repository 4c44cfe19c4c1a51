import { needsTranslation } from './language';
import { hiddenByStyle, type Paragraph } from './paragraph';
import { paragraphText } from './paragraph-text';
import { paragraphTokens } from './queue-plan';

/** Times the same text may be sent: a page that keeps replacing its paragraphs with copies is left alone. */
export const MAX_SENDS = 3;

/** Which paragraphs the page translation sends: with words, shown, not already in the target language. */
export class Admission {
  private readonly sent = new Map<string, number>();

  constructor(
    private readonly target: string,
    private readonly owns: (node: Node) => boolean,
  ) {}

  /** Reads a paragraph near the screen and says whether it is worth sending. */
  wanted(paragraph: Paragraph): boolean {
    Object.assign(paragraph, paragraphText(paragraph.element, this.owns));
    const seen = (this.sent.get(paragraph.text) ?? 0) + 1;
    this.sent.set(paragraph.text, seen);
    if (seen > MAX_SENDS) return false;
    return needsTranslation(paragraph.text, this.target);
  }

  /** Whether a paragraph not yet near the screen can join a short batch: idle, shown, wanted, within `room` tokens. */
  fits(paragraph: Paragraph, room: number): boolean {
    const { element } = paragraph;
    if (paragraph.state !== 'idle' || hiddenByStyle(element)) return false;
    if (paragraphTokens(paragraphText(element, this.owns).text) > room) return false;
    return this.wanted(paragraph);
  }
}
