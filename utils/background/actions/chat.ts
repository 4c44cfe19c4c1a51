import type { ChatRequestSpec } from '../../chat-request';
import type { ActionInput, ChatTurn } from '../../protocol';
import type { Settings } from '../../settings';
import { callModel } from '../model-call';
import { asArray, asObject, asOneOf, asOptionalString, asString, refuse } from '../validate';
import type { ActionContext, ActionDefinition } from './types';

const MAX_TURNS = 500;
const MAX_TURN_CHARS = 1_000_000;

/** Pure: the request for a chat, from its turns and the settings. */
export function buildRequest(input: ActionInput<'chat'>, settings: Settings): ChatRequestSpec {
  return { model: input.model || settings.model, turns: input.turns };
}

function parse(raw: unknown): ActionInput<'chat'> {
  const value = asObject(raw);
  const turns: ChatTurn[] = asArray(value.turns, 'turns', MAX_TURNS).map((item) => {
    const turn = asObject(item, 'turn');
    return {
      role: asOneOf(turn.role, ['system', 'user', 'assistant'] as const, 'role'),
      content: asString(turn.content, 'content', MAX_TURN_CHARS),
    };
  });
  if (turns.length === 0) refuse('turns is empty');
  return { turns, model: asOptionalString(value.model, 'model', 200) };
}

async function run(input: ActionInput<'chat'>, ctx: ActionContext): Promise<string> {
  const result = await callModel(
    { feature: 'chat', spec: buildRequest(input, ctx.settings), signal: ctx.signal, onDelta: ctx.delta },
    ctx,
  );
  ctx.usage(result.usage);
  return result.finishReason;
}

/** A multi-turn chat answer; kept when the popup closes. */
export const chatAction: ActionDefinition<'chat'> = {
  keepOnDisconnect: true,
  allowedFrom: ['extension-page'],
  parse,
  run,
};
