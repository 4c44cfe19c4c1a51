import type { WireError } from '@/utils/errors';
import type { PageMode, PageStatus, PageTranslateConfig } from '@/utils/pagetranslate/types';
import { startStream } from '@/utils/stream-client';
import { collectParagraphs, insideExcluded } from './collect';
import { Admission } from './admission';
import { paragraphText } from './paragraph-text';
import { PageWriter } from './render';
import { PageWatch } from './page-watch';
import { newParagraph, reserve, type Paragraph } from './paragraph';
import { Pacing } from './pacing';
import { BatchQueue, endOfPage, topUp } from './queue-plan';
import { NearWatch } from './near-watch';
import { WritePace } from './write-pace';

/** Requests under way at once. */
const IN_FLIGHT = 2;
const MAX_RESTORES = 3;

/**
 * One page's translation: finds paragraphs, sends those on screen (and a screen ahead) in batches,
 * writes each translation as its segment streams in, follows new content, and takes it all out on
 * Stop. Runs in the extension's isolated world; the background does the calls and the caching.
 */
export class PageTranslation {
  private readonly paragraphs = new Map<string, Paragraph>();
  private readonly byElement = new WeakMap<Element, Paragraph>();
  private readonly writer: PageWriter;
  private readonly queue = new BatchQueue<Paragraph>();
  private readonly streams = new Set<{ stop(): void }>();
  private readonly visibility: IntersectionObserver;
  private readonly onScreen: IntersectionObserver;
  private readonly near: NearWatch<Paragraph>;
  private readonly writes = new WritePace<Paragraph>((paragraph) => {
    if (paragraph.state !== 'sent' && paragraph.state !== 'done') return;
    paragraph.node = this.writer.write(paragraph.element, paragraph.node, paragraph.translation, paragraph.links);
  });
  private readonly watch: PageWatch;
  private readonly pacing = new Pacing();
  private readonly admission: Admission;
  private nextId = 1;
  private tokens = 0;
  /** Likely tokens of the requests under way (text in and out), until their usage arrives. */
  private reserved = 0;
  private error: WireError | undefined;
  private stopped = false;
  /** Prepared, not started: paragraphs are found and queued, nothing is sent. */
  private held = false;

  constructor(
    private readonly config: PageTranslateConfig,
    private readonly onChange: () => void = () => {},
  ) {
    this.writer = new PageWriter(config.target);
    this.admission = new Admission(config.target, (node) => this.writer.owns(node));
    // Queued from four screens ahead, so that batches fill before their paragraphs are in view.
    this.visibility = new IntersectionObserver((entries) => this.onVisible(entries), { rootMargin: '50% 0px 400% 0px' });
    this.near = new NearWatch(this.visibility);
    // Only queued paragraphs are watched for being on screen (see near-watch.ts for why not all).
    this.onScreen = new IntersectionObserver((entries) => this.onScreenChange(entries));
    this.watch = new PageWatch({
      owns: (node) => this.writer.owns(node),
      // The page took our translation out: put it back, unless it keeps doing so.
      ownRemoved: (node, parent) => this.restore(node as HTMLElement, parent as Element),
      changed: (roots) => this.rescan(roots),
      restyled: () => this.near.recheckHidden(),
    });
  }

  /**
   * Gets ready without sending (the popup is open on the page): learns which paragraphs are near the
   * screen and follows the page's changes, so Translate page sends its first batch at once.
   */
  prepare(paragraphs: readonly Element[]): void {
    this.held = true;
    this.watch.observe(document);
    this.add(paragraphs);
  }

  /** Starts with the page's paragraphs (or those prepared), those in view first. */
  start(paragraphs: readonly Element[] = []): void {
    this.held = false;
    this.watch.observe(document);
    this.queue.hurry();
    this.add(paragraphs);
    this.pump();
  }

  status(): PageStatus {
    const all = [...this.paragraphs.values()];
    const translated = all.filter((paragraph) => paragraph.state === 'done').length;
    const pending = all.filter((paragraph) => paragraph.state === 'queued' || paragraph.state === 'sent').length;
    return { active: !this.stopped, mode: this.writer.getMode(), translated, pending, tokens: this.tokens, error: this.error };
  }

  setMode(mode: PageMode): void {
    this.writer.setMode(mode);
  }

  /** Goes on after a stop for the budget or an error (the user chose to). */
  resume(): void {
    this.error = undefined;
    this.pacing.reset();
    this.pump();
  }

  /** Stops every request and takes every inserted node out of the page. */
  stop(): void {
    this.stopped = true;
    for (const stream of this.streams) stream.stop();
    this.streams.clear();
    this.visibility.disconnect();
    this.onScreen.disconnect();
    this.near.clear();
    this.watch.disconnect();
    this.pacing.cancel();
    this.writes.cancel();
    this.writer.clear();
    this.paragraphs.clear();
    this.queue.clear();
  }

  /** More paragraphs of the page (collectParagraphs), found after the translation was made. */
  add(elements: readonly Element[]): void {
    const found: Paragraph[] = [];
    for (const element of elements) {
      if (this.byElement.has(element)) continue;
      const paragraph = newParagraph(this.nextId++, element);
      this.paragraphs.set(paragraph.id, paragraph);
      this.byElement.set(element, paragraph);
      const root = element.getRootNode();
      if (root !== document) this.watch.observe(root);
      found.push(paragraph);
    }
    this.near.add(found);
  }

  private onScreenChange(entries: IntersectionObserverEntry[]): void {
    let urgent = false;
    for (const entry of entries) {
      const paragraph = this.byElement.get(entry.target);
      if (!paragraph) continue;
      paragraph.inView = entry.isIntersecting;
      urgent ||= paragraph.inView && paragraph.state === 'queued';
    }
    if (urgent) this.pump();
  }

  private onVisible(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const paragraph = this.byElement.get(entry.target);
      if (paragraph) this.near.seen(paragraph);
      if (paragraph?.state !== 'idle') continue;
      if (this.near.hidden(paragraph)) continue;
      this.visibility.unobserve(entry.target);
      if (!this.admission.wanted(paragraph)) {
        paragraph.state = 'skipped';
        continue;
      }
      paragraph.state = 'queued';
      this.queue.push(paragraph);
      this.onScreen.observe(entry.target);
    }
    this.pump();
  }

  /** A paragraph not yet near the screen joins a short batch (see topUp). */
  private admit(paragraph: Paragraph, room: number): boolean {
    if (!this.admission.fits(paragraph, room)) return false;
    this.visibility.unobserve(paragraph.element);
    return true;
  }

  private pump(): void {
    if (this.stopped || this.error || this.held) return;
    const wait = this.pacing.wait();
    if (wait > 0) {
      this.pacing.later(() => this.pump(), wait);
      return;
    }
    this.pacing.cancel();
    while (this.streams.size < IN_FLIGHT && this.queue.length) {
      if (this.tokens >= this.config.maxTokens) {
        this.fail({ code: 'too_large', message: this.config.capMessage, retryable: false });
        return;
      }
      // Near the cap, the requests under way settle first: their usage may reach it.
      if (this.streams.size && this.tokens + this.reserved >= this.config.maxTokens) break;
      const next = this.queue.take();
      if (!next) break;
      if ('waitMs' in next) {
        this.pacing.later(() => this.pump(), next.waitMs);
        break;
      }
      const fill = next.fill || endOfPage(next.batch, this.paragraphs.values());
      this.send(fill ? topUp(next.batch, this.paragraphs.values(), (item, room) => this.admit(item, room)) : next.batch);
    }
    this.onChange();
  }

  private send(batch: Paragraph[]): void {
    this.reserved += reserve(batch);
    for (const paragraph of batch) {
      paragraph.state = 'sent';
      paragraph.translation = '';
      this.onScreen.unobserve(paragraph.element);
    }
    let used = 0;
    const handle = startStream(
      'translatePage',
      { segments: batch.map(({ id, text }) => ({ id, text })), target: this.config.target },
      {
        onDelta: (text, segment) => {
          const paragraph = segment === undefined ? undefined : this.paragraphs.get(segment);
          if (paragraph?.state !== 'sent' || this.stopped) return;
          paragraph.translation += text;
          this.writes.add(paragraph);
        },
        onUsage: (usage) => {
          used = usage.promptTokens + usage.completionTokens;
        },
        onDone: () => {
          this.pacing.succeeded();
          this.settle(handle, batch, used, false);
        },
        onError: (error) => {
          this.settle(handle, batch, used, true);
          if (error.code === 'aborted' || this.stopped) return;
          // The whole queue waits (pacing.ts), or the error stops it.
          if (this.pacing.failed(error)) this.pump();
          else this.fail(error);
        },
      },
    );
    this.streams.add(handle);
  }

  /**
   * A request ended. Its paragraphs are done, or (it failed) back at the front of the line; one the
   * model returned nothing for even alone (the background retries those) is left as it is.
   */
  private settle(handle: { stop(): void }, batch: Paragraph[], used: number, failed: boolean): void {
    this.streams.delete(handle);
    this.writes.flush();
    this.tokens += used;
    this.reserved -= reserve(batch);
    const again: Paragraph[] = [];
    for (const paragraph of batch) {
      if (paragraph.state !== 'sent') continue;
      if (paragraph.translation.trim()) paragraph.state = 'done';
      else if (failed) {
        paragraph.state = 'queued';
        again.push(paragraph);
      } else paragraph.state = 'skipped';
    }
    this.queue.unshift(again);
    for (const paragraph of again) this.onScreen.observe(paragraph.element);
    if (!failed) this.pump();
  }

  private fail(error: WireError): void {
    this.error = error;
    this.onChange();
  }

  private restore(node: HTMLElement, parent: Element): void {
    const paragraph = this.byElement.get(parent);
    if (!paragraph || paragraph.node !== node || !parent.isConnected || paragraph.restored >= MAX_RESTORES) return;
    paragraph.restored += 1;
    parent.append(node);
  }

  /** New or changed content: paragraphs whose text changed are translated again, new ones added. */
  private rescan(roots: Set<Node>): void {
    if (this.stopped) return;
    const fresh: Element[] = [];
    for (const root of roots) {
      if (!root.isConnected) continue;
      const element = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : root.parentElement;
      if (!element || insideExcluded(element, this.config)) continue;
      let owner: Paragraph | undefined;
      for (let node: Element | null = element; node && !owner; node = node.parentElement) owner = this.byElement.get(node);
      if (owner) this.refresh(owner);
      else collectParagraphs(element, this.config, fresh);
    }
    this.add(fresh);
  }

  /** A known paragraph's content changed: if its text is new, it goes back in line. */
  private refresh(paragraph: Paragraph): void {
    const { text, links } = paragraphText(paragraph.element, (node) => this.writer.owns(node));
    if (text === paragraph.text) {
      if (paragraph.node && !paragraph.node.isConnected) this.restore(paragraph.node, paragraph.element);
      return;
    }
    if (paragraph.node) this.writer.remove(paragraph.node);
    Object.assign(paragraph, { text, links, node: undefined, translation: '', state: 'idle' });
    this.visibility.observe(paragraph.element);
  }
}
