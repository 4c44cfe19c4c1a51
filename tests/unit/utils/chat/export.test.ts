import { describe, expect, it } from 'vitest';
import { exportFileName, exportJson, exportMarkdown, ImportError, readImport } from '@/utils/chat/export';
import type { Conversation } from '@/utils/chat/types';
import { t } from '@/utils/i18n';

const conversation: Conversation = {
  id: 'c1',
  title: 'Rivers of the world',
  model: 'gpt-4o-mini',
  createdAt: Date.UTC(2025, 7, 7, 9, 30),
  updatedAt: Date.UTC(2025, 7, 7, 9, 31),
  messageCount: 3,
  messages: [
    { id: 'm1', role: 'user', content: 'Which river is longest?', status: 'done', createdAt: 1 },
    {
      id: 'm2',
      role: 'assistant',
      content: 'The **Nile**.\n\n```\ncode\n```\n',
      status: 'done',
      createdAt: 2,
      model: 'gpt-4o-mini',
      usage: {
        model: 'gpt-4o-mini',
        promptTokens: 20,
        completionTokens: 5,
        cachedTokens: 0,
        reasoningTokens: 0,
        estimated: false,
        costUsd: 0.000006,
      },
    },
    {
      id: 'm3',
      role: 'assistant',
      content: 'Also the Amazon',
      status: 'interrupted',
      createdAt: 3,
      jobId: 'gone',
      error: { code: 'interrupted', message: 'cut', retryable: true },
    },
  ],
};

const labels = { you: 'You', assistant: 'Assistant', model: 'Model', stopped: 'stopped', interrupted: 'interrupted' };

describe('export', () => {
  it('writes Markdown with a heading per conversation and per speaker, answers as they were', () => {
    const markdown = exportMarkdown([conversation, { ...conversation, id: 'c2', title: 'Second\nline' }], labels);
    expect(markdown).toContain('# Rivers of the world\n\n_Model: gpt-4o-mini · 2025-08-07 09:30_');
    expect(markdown).toContain('### You\n\nWhich river is longest?\n');
    expect(markdown).toContain('### Assistant\n\nThe **Nile**.\n\n```\ncode\n```\n');
    expect(markdown).toContain('### Assistant (interrupted)\n\nAlso the Amazon');
    expect(markdown).toContain('\n---\n\n# Second line');
  });

  it('writes JSON that imports back to the same conversations, without job ids', () => {
    const json = exportJson([conversation], new Date('2025-08-08T00:00:00Z'));
    const file = JSON.parse(json);
    expect(file).toMatchObject({ format: 'glance-chat', version: 1, exportedAt: '2025-08-08T00:00:00.000Z' });
    expect(json).not.toContain('"jobId"');
    const [back] = readImport(file);
    const { jobId: _gone, ...lastWithoutJob } = conversation.messages[2]!;
    const expected = [...conversation.messages.slice(0, 2), { ...lastWithoutJob, error: back!.messages[2]!.error }];
    const withoutIds = (messages: Conversation['messages']) => messages.map(({ id: _id, ...message }) => message);
    expect({ ...back, messages: withoutIds(back!.messages) }).toEqual({ ...conversation, messages: withoutIds(expected) });
    expect(back!.messages[2]!.error).toMatchObject({ code: 'interrupted', retryable: true });
  });

  it('names files after the date, or the conversation, in any script', () => {
    const now = new Date('2025-08-07T12:00:00Z');
    expect(exportFileName('json', undefined, now)).toBe('glance-chat-2025-08-07.json');
    expect(exportFileName('md', 'Rivers: of the world?', now)).toBe('glance-chat-Rivers-of-the-world-2025-08-07.md');
    expect(exportFileName('md', '长江 / 黄河', now)).toBe('glance-chat-长江-黄河-2025-08-07.md');
    expect(exportFileName('md', '../../etc/passwd', now)).toBe('glance-chat-etc-passwd-2025-08-07.md');
  });
});

describe('readImport', () => {
  it('accepts an export or a bare list, fills what is missing, and never imports a live answer', () => {
    const [imported] = readImport([
      {
        title: '',
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: 'yo', status: 'streaming', model: 'm', usage: { model: 'm', promptTokens: -3 } },
        ],
      },
    ]);
    expect(imported!.id).toMatch(/^[\w-]+$/);
    expect(imported!.title).toBe('hi');
    expect(imported!.model).toBe('m');
    expect(imported!.messages[1]).toMatchObject({ status: 'interrupted', usage: { promptTokens: 0, costUsd: null } });
    expect(imported!.messageCount).toBe(2);
  });

  it('drops fields that do not belong and replaces ids that are not ids', () => {
    const [imported] = readImport({
      format: 'glance-chat',
      conversations: [
        {
          id: '<script>',
          title: 'T',
          model: 'x',
          extra: 'no',
          messages: [{ id: '../x', role: 'user', content: 'q', onclick: 'alert(1)' }],
        },
      ],
    });
    expect(imported!.id).not.toBe('<script>');
    expect(imported).not.toHaveProperty('extra');
    expect(imported!.messages[0]).not.toHaveProperty('onclick');
    expect(imported!.messages[0]!.id).not.toBe('../x');
  });

  it('gives every imported message a new id, so no stored message can be taken over or counted twice', () => {
    const [imported] = readImport([
      {
        id: 'c-new',
        messages: [
          { id: 'stored-1', role: 'user', content: 'q' },
          { id: 'stored-1', role: 'assistant', content: 'a' },
          { id: 'stored-2', role: 'user', content: 'q2' },
        ],
      },
    ]);
    const ids = imported!.messages.map((m) => m.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids.some((id) => id.startsWith('stored-'))).toBe(false);
    expect(imported!.id).toBe('c-new');
    expect(imported!.messageCount).toBe(3);
  });

  it("rebuilds an imported error from its code, in the user's language, never trusting the file's words", () => {
    const lure = 'Glance: your key expired. Paste it at https://evil.example/renew';
    const [imported] = readImport(
      [
        {
          messages: [
            { role: 'user', content: 'q' },
            { role: 'assistant', content: '', status: 'error', error: { code: 'invalid_key', message: lure, retryable: true } },
            { role: 'assistant', content: '', status: 'error', error: { code: 'no_such_code', message: lure } },
            { role: 'assistant', content: '', status: 'error', error: { code: 'model_not_found', message: lure }, model: 'm-1' },
          ],
        },
      ],
      Date.now(),
      'zh-CN',
    );
    const [, invalidKey, unknown, model] = imported!.messages;
    expect(invalidKey!.error).toEqual({ code: 'invalid_key', message: t('error_invalid_key', {}, 'zh-CN'), retryable: false });
    expect(unknown!.error).toMatchObject({ code: 'unknown', retryable: false });
    expect(model!.error!.message).toContain('m-1');
    for (const message of imported!.messages) expect(message.error?.message ?? '').not.toContain('evil.example');
  });

  it('says where a file is not an export', () => {
    const where = (data: unknown) => {
      try {
        readImport(data);
      } catch (error) {
        if (error instanceof ImportError) return error.where;
        throw error;
      }
      return 'accepted';
    };
    expect(where({ hello: 'world' })).toBe('format');
    expect(where('text')).toBe('file');
    expect(where({ format: 'glance-chat', conversations: 'no' })).toBe('conversations');
    expect(where([{ messages: [{ role: 'system', content: 'x' }] }])).toBe('conversations[0].messages[0].role');
    expect(where([{ messages: [{ role: 'user', content: 42 }] }])).toBe('conversations[0].messages[0].content');
    expect(where([{ title: 'no messages' }])).toBe('conversations[0].messages');
  });
});
