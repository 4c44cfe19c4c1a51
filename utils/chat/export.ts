import type { ChatMessage, Conversation, MessageStatus } from './types';
import { MAX_MESSAGE_CHARS, MAX_TITLE_CHARS } from './types';
import { AppError, ERROR_CODES, toWireError, type ErrorCode, type WireError } from '@/utils/errors';
import type { Locale } from '@/utils/i18n';
import type { UsageReport } from '@/utils/llm/usage-report';

/**
 * Chat history as files: Markdown to read, JSON to keep and import again. Pure: the popup writes
 * and reads the files, the background checks an import again before storing it.
 */

/** What an export file says it is. */
export const EXPORT_FORMAT = 'glance-chat';
export const EXPORT_VERSION = 1;

/** An export file, as JSON. */
export interface ChatExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  conversations: Conversation[];
}

/** The JSON export of some conversations. */
export function exportJson(conversations: Conversation[], now = new Date()): string {
  const file: ChatExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    conversations: conversations.map((conversation) => ({
      ...conversation,
      messages: conversation.messages.map(({ jobId: _job, ...message }) => message),
    })),
  };
  return JSON.stringify(file, null, 2);
}

/** Labels for the Markdown export, in the user's language. */
export interface MarkdownLabels {
  you: string;
  assistant: string;
  model: string;
  stopped: string;
  interrupted: string;
}

/** The Markdown export: one section per conversation, each message under a speaker heading. */
export function exportMarkdown(conversations: Conversation[], labels: MarkdownLabels): string {
  return conversations
    .map((conversation) => {
      const lines = [
        `# ${oneLine(conversation.title)}`,
        '',
        `_${labels.model}: ${conversation.model} · ${new Date(conversation.createdAt).toISOString().slice(0, 16).replace('T', ' ')}_`,
        '',
      ];
      for (const message of conversation.messages) {
        const mark =
          message.status === 'stopped'
            ? ` (${labels.stopped})`
            : message.status === 'interrupted'
              ? ` (${labels.interrupted})`
              : '';
        lines.push(`### ${message.role === 'user' ? labels.you : labels.assistant}${mark}`, '', message.content.trimEnd(), '');
      }
      return lines.join('\n');
    })
    .join('\n---\n\n');
}

/** A file name for an export: "glance-chat-2025-08-07.json", or from one conversation's title. */
export function exportFileName(extension: 'md' | 'json', title?: string, now = new Date()): string {
  const date = now.toISOString().slice(0, 10);
  const slug = (title ?? '')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `glance-chat-${slug ? `${slug}-` : ''}${date}.${extension}`;
}

/** An import file that is not a Glance chat export, with where it went wrong. */
export class ImportError extends Error {
  constructor(readonly where: string) {
    super(`not a Glance chat export (${where})`);
    this.name = 'ImportError';
  }
}

const LIMITS = { conversations: 10_000, messages: 10_000 };
const ID = /^[\w-]{1,100}$/;
// What a model's name looks like (gpt-4o-mini, deepseek/deepseek-r1:free): no spaces, no sentences.
const MODEL_NAME = /^[\w.:/-]{1,100}$/;
const STATUSES: MessageStatus[] = ['done', 'stopped', 'interrupted', 'error', 'streaming'];

function fail(where: string): never {
  throw new ImportError(where);
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(where);
  return value as Record<string, unknown>;
}

function string(value: unknown, where: string, max: number): string {
  if (typeof value !== 'string' || value.length > max) fail(where);
  return value;
}

function time(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function idOr(value: unknown): string {
  return typeof value === 'string' && ID.test(value) ? value : crypto.randomUUID();
}

function usageOf(value: unknown): UsageReport | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const u = value as Record<string, unknown>;
  const count = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0);
  if (typeof u.model !== 'string' || typeof u.promptTokens !== 'number') return undefined;
  return {
    model: u.model.slice(0, 200),
    promptTokens: count(u.promptTokens),
    completionTokens: count(u.completionTokens),
    cachedTokens: count(u.cachedTokens),
    reasoningTokens: count(u.reasoningTokens),
    estimated: u.estimated === true,
    costUsd: typeof u.costUsd === 'number' && Number.isFinite(u.costUsd) && u.costUsd >= 0 ? u.costUsd : null,
  };
}

/**
 * An imported error, rebuilt from its code alone: the file's own words would be shown as if they
 * were Glance's (a file can say "paste your key at ..."). Only the model, which the message names
 * itself, fills a placeholder, and only when it looks like a model's name; the rest stay blank.
 */
function errorOf(value: object, model: string | undefined, locale: Locale | undefined): WireError {
  const raw = (value as { code?: unknown }).code;
  const code: ErrorCode = ERROR_CODES.includes(raw as ErrorCode) ? (raw as ErrorCode) : 'unknown';
  const named = model && MODEL_NAME.test(model) ? model : '';
  return toWireError(new AppError(code, { params: { model: named } }), locale);
}

function messageOf(value: unknown, where: string, fallbackTime: number, locale: Locale | undefined): ChatMessage {
  const raw = object(value, where);
  const role = raw.role;
  if (role !== 'user' && role !== 'assistant') fail(`${where}.role`);
  const status = STATUSES.includes(raw.status as MessageStatus) ? (raw.status as MessageStatus) : 'done';
  const message: ChatMessage = {
    // Always a new id: ids are keys of the whole store, so a reused one would take a stored
    // message out of its conversation, and a repeated one would leave a conversation short.
    id: crypto.randomUUID(),
    role,
    content: string(raw.content, `${where}.content`, MAX_MESSAGE_CHARS),
    // Nothing imported is streaming: its request is long gone.
    status: role === 'user' ? 'done' : status === 'streaming' ? 'interrupted' : status,
    createdAt: time(raw.createdAt, fallbackTime),
  };
  if (typeof raw.model === 'string' && raw.model.length <= 200) message.model = raw.model;
  const usage = usageOf(raw.usage);
  if (usage) message.usage = usage;
  if (raw.error && typeof raw.error === 'object') message.error = errorOf(raw.error, message.model, locale);
  return message;
}

function conversationOf(value: unknown, where: string, now: number, locale: Locale | undefined): Conversation {
  const raw = object(value, where);
  if (!Array.isArray(raw.messages) || raw.messages.length > LIMITS.messages) fail(`${where}.messages`);
  const createdAt = time(raw.createdAt, now);
  const messages = raw.messages.map((message, i) => messageOf(message, `${where}.messages[${i}]`, createdAt, locale));
  const title =
    typeof raw.title === 'string' && raw.title.trim()
      ? raw.title.slice(0, MAX_TITLE_CHARS)
      : (messages[0]?.content.slice(0, 60) ?? '');
  return {
    id: idOr(raw.id),
    title,
    model:
      typeof raw.model === 'string' && raw.model.trim() ? raw.model.slice(0, 200) : (messages.find((m) => m.model)?.model ?? ''),
    createdAt,
    updatedAt: time(raw.updatedAt, createdAt),
    messageCount: messages.length,
    messages,
  };
}

/**
 * Reads an import: a Glance export file (or its list of conversations). Checks every field,
 * drops what does not belong, and throws {@link ImportError} saying where the file went wrong.
 * Messages get new ids and errors are reworded from their codes in `locale` (see `errorOf`).
 */
export function readImport(data: unknown, now = Date.now(), locale?: Locale): Conversation[] {
  const list = Array.isArray(data) ? data : object(data, 'file').conversations;
  if (!Array.isArray(data)) {
    const file = object(data, 'file');
    if (file.format !== EXPORT_FORMAT) fail('format');
  }
  if (!Array.isArray(list) || list.length > LIMITS.conversations) fail('conversations');
  return list.map((conversation, i) => conversationOf(conversation, `conversations[${i}]`, now, locale));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
