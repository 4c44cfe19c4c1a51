import type { Browser } from 'wxt/browser';
import { AppError, toWireError } from '@/utils/errors';
import type { Locale } from '@/utils/i18n';
import { LIMITS, type ActionName, type ClientEvent, type StreamEvent } from '@/utils/protocol';
import type { UsageReport } from '@/utils/llm/usage-report';
import type { Settings } from '@/utils/settings';
import { actionCode, type ActionRegistry } from '@/utils/background/action';
import type { ClientDeps } from '@/utils/llm/background/client';
import { holdAwake } from './keep-alive';
import type { SenderKind } from '@/utils/background/sender';
import { jsonSize } from '@/utils/background/validate';

/** A request running (or recently finished) in the background. */
interface Job {
  id: string;
  action: ActionName;
  keepOnDisconnect: boolean;
  controller: AbortController;
  ports: Set<Browser.runtime.Port>;
  /** All text so far: sent to a client that attaches later, never with each delta. */
  text: string;
  progress?: { done: number; total: number };
  /** Parts finished so far (a long summary's section notes), replayed to a client that attaches. */
  parts: { index: number; text: string }[];
  usage?: UsageReport;
  /** The final event (done or error) once the job has ended. */
  end?: StreamEvent;
  /** Who started it: only the same kind of context (for a content script, its frame) may attach. */
  owner: JobOwner;
}

/** Who opened a port: the kind of context, and for a content script the tab and frame it runs in. */
interface JobOwner {
  kind: SenderKind;
  tabId?: number;
  frameId?: number;
}

function ownerOf(port: Browser.runtime.Port, kind: SenderKind): JobOwner {
  if (kind !== 'content-script') return { kind };
  return { kind, tabId: port.sender?.tab?.id, frameId: port.sender?.frameId ?? 0 };
}

/**
 * Whether `visitor` may attach to a job `owner` started. Extension pages may attach to extension
 * pages' jobs (a reopened popup re-attaches to its answer); a content script only to a job started
 * in its own tab and frame: a page holding a job id must not read the popup's answer or stop it.
 */
function mayAttach(owner: JobOwner, visitor: JobOwner): boolean {
  if (owner.kind !== visitor.kind) return false;
  if (owner.kind === 'extension-page') return true;
  return owner.tabId !== undefined && owner.tabId === visitor.tabId && owner.frameId === visitor.frameId;
}

export interface JobManagerDeps {
  actions: ActionRegistry;
  getSettings(): Promise<Settings>;
  localeOf(settings: Settings): Locale;
  clientDeps?: ClientDeps;
  /** How long a finished job stays attachable (a popup reopened after the answer ended). */
  keepFinishedMs?: number;
}

/** Runs streamed actions for clients connected by Port. */
export class JobManager {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly deps: JobManagerDeps) {}

  /** Serves one client port from a sender already known to be ours. */
  connect(port: Browser.runtime.Port, sender: SenderKind): void {
    let job: Job | undefined;
    const owner = ownerOf(port, sender);
    port.onMessage.addListener((raw: unknown) => {
      const event = raw as ClientEvent;
      if (!job && event?.type === 'start') {
        job = this.start(port, owner, event, raw);
      } else if (!job && event?.type === 'attach' && typeof event.jobId === 'string') {
        job = this.attach(port, owner, event.jobId);
      } else if (job && event?.type === 'stop') {
        job.controller.abort();
      } else {
        post(port, { type: 'error', error: toWireError(new AppError('refused')) });
      }
    });
    port.onDisconnect.addListener(() => {
      if (!job) return;
      job.ports.delete(port);
      // Nobody will see this answer and it is not kept: stop paying for it.
      if (!job.end && job.ports.size === 0 && !job.keepOnDisconnect) job.controller.abort();
    });
  }

  /** Jobs currently running (not yet ended). */
  runningCount(): number {
    return [...this.jobs.values()].filter((job) => !job.end).length;
  }

  private start(
    port: Browser.runtime.Port,
    owner: JobOwner,
    event: Extract<ClientEvent, { type: 'start' }>,
    raw: unknown,
  ): Job | undefined {
    const definition = Object.hasOwn(this.deps.actions, event.action) ? this.deps.actions[event.action] : undefined;
    if (!definition?.allowedFrom.includes(owner.kind)) {
      post(port, { type: 'error', error: toWireError(new AppError('refused', { detail: 'action' })) });
      return undefined;
    }
    if (jsonSize(raw) > LIMITS.streamStart) {
      post(port, { type: 'error', error: toWireError(new AppError('too_large', { params: { size: 'payload' } })) });
      return undefined;
    }
    const job: Job = {
      id: crypto.randomUUID(),
      action: event.action,
      keepOnDisconnect: definition.keepOnDisconnect,
      controller: new AbortController(),
      ports: new Set([port]),
      parts: [],
      text: '',
      owner,
    };
    this.jobs.set(job.id, job);
    post(port, { type: 'started', jobId: job.id });
    void this.run(job, event.input);
    return job;
  }

  private async run(job: Job, input: unknown): Promise<void> {
    const release = holdAwake();
    let locale: Locale = 'en';
    try {
      const settings = await this.deps.getSettings();
      locale = this.deps.localeOf(settings);
      const definition = await actionCode(this.deps.actions[job.action] as ActionRegistry[ActionName]);
      const parsed = definition.parse(input, settings);
      const finishReason = await definition.run(parsed as never, {
        jobId: job.id,
        signal: job.controller.signal,
        settings,
        locale,
        deps: this.deps.clientDeps ?? {},
        delta: (text, segment) => {
          job.text += text;
          this.broadcast(job, segment === undefined ? { type: 'delta', text } : { type: 'delta', text, segment });
        },
        progress: (done, total) => {
          job.progress = { done, total };
          this.broadcast(job, { type: 'progress', done, total });
        },
        part: (index, text) => {
          job.parts.push({ index, text });
          this.broadcast(job, { type: 'part', index, text });
        },
        usage: (usage) => {
          job.usage = usage;
          this.broadcast(job, { type: 'usage', usage });
        },
      });
      this.finish(job, { type: 'done', finishReason });
    } catch (error) {
      const appError = job.controller.signal.aborted ? new AppError('aborted') : error;
      this.finish(job, { type: 'error', error: toWireError(appError, locale) });
    } finally {
      release();
    }
  }

  private finish(job: Job, end: StreamEvent): void {
    job.end = end;
    this.broadcast(job, end);
    setTimeout(() => this.jobs.delete(job.id), this.deps.keepFinishedMs ?? 10 * 60_000);
  }

  private attach(port: Browser.runtime.Port, visitor: JobOwner, jobId: string): Job | undefined {
    const job = this.jobs.get(jobId);
    if (!job) {
      // Unknown here: the worker was restarted since, and the request died with it.
      post(port, { type: 'error', error: toWireError(new AppError('interrupted')) });
      return undefined;
    }
    if (!mayAttach(job.owner, visitor)) {
      post(port, { type: 'error', error: toWireError(new AppError('refused', { detail: 'not its job' })) });
      return undefined;
    }
    job.ports.add(port);
    post(port, { type: 'started', jobId: job.id });
    if (job.text) post(port, { type: 'snapshot', text: job.text });
    if (job.progress) post(port, { type: 'progress', ...job.progress });
    for (const part of job.parts) post(port, { type: 'part', ...part });
    if (job.usage) post(port, { type: 'usage', usage: job.usage });
    if (job.end) post(port, job.end);
    return job;
  }

  private broadcast(job: Job, event: StreamEvent): void {
    for (const port of job.ports) post(port, event);
  }
}

function post(port: Browser.runtime.Port, event: StreamEvent): void {
  try {
    port.postMessage(event);
  } catch {
    // The page went away between our check and the post; onDisconnect handles the rest.
  }
}
