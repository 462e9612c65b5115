/**
 * A loopback mock of Anthropic's Messages API, enough of it for Claude Code (reached through
 * ANTHROPIC_BASE_URL): `POST /v1/messages` (Claude Code 2.1.330 sends `?beta=true`) answered as a stream of
 * server-sent events (message_start, content_block_start/delta/stop, message_delta with the usage,
 * message_stop), or as one JSON message when the request does not ask to stream; `count_tokens`; errors in the
 * API's shape, `{"type":"error","error":{"type":...,"message":...}}`, with their HTTP status.
 *
 * With CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1, Claude Code 2.1.330 makes one request a turn here and
 * nothing else (no model lookups, no title request); anything else gets a 404 in the API's shape and stays in
 * `requests` for a test to see.
 */
import type http from 'node:http';
import { sendEvents, sendJson, startMock, type Mock, type MockRequest } from './server.js';

export type AnthropicScenario =
  /** A text answer with usage: 100 input tokens, 20 output tokens. */
  | { kind: 'text'; text?: string }
  /** The first answer calls Write on `file` (an absolute path) with `content`; the next one is `text`. */
  | { kind: 'write-file'; file: string; content: string; text?: string }
  | { kind: '401' }
  | { kind: '429' }
  | { kind: 'overloaded' }
  /** The text answer after `delayMs`. */
  | { kind: 'slow'; delayMs: number; text?: string };

export const USAGE = { input_tokens: 100, output_tokens: 20 };
const DEFAULT_TEXT = 'Hello from the mock.';

export async function startAnthropicMock(scenario: AnthropicScenario): Promise<Mock> {
  return startMock((req, res) => answer(scenario, req, res));
}

async function answer(
  scenario: AnthropicScenario,
  req: MockRequest,
  res: http.ServerResponse,
): Promise<void> {
  const url = new URL(req.url, 'http://mock');
  if (req.method === 'POST' && url.pathname === '/v1/messages/count_tokens') {
    return sendJson(res, 200, { input_tokens: USAGE.input_tokens });
  }
  if (req.method !== 'POST' || url.pathname !== '/v1/messages') {
    return apiError(res, 404, 'not_found_error', `mock: no ${req.method} ${url.pathname}`);
  }
  const body = isObject(req.body) ? req.body : {};
  const model = typeof body['model'] === 'string' ? body['model'] : 'claude-mock';
  switch (scenario.kind) {
    case '401':
      return apiError(res, 401, 'authentication_error', 'invalid x-api-key');
    case '429':
      return apiError(
        res,
        429,
        'rate_limit_error',
        'Number of request tokens has exceeded your per-minute rate limit',
      );
    case 'overloaded':
      return apiError(res, 529, 'overloaded_error', 'Overloaded');
    case 'slow':
      await new Promise((resolve) => setTimeout(resolve, scenario.delayMs));
      return message(res, body, model, textBlock(scenario.text));
    case 'text':
      return message(res, body, model, textBlock(scenario.text));
    case 'write-file': {
      // The follow-up request carries the tool's result: then the final text.
      const block = hasToolResult(body)
        ? textBlock(scenario.text)
        : {
            type: 'tool_use' as const,
            id: 'toolu_mock_1',
            name: 'Write',
            input: { file_path: scenario.file, content: scenario.content },
          };
      return message(res, body, model, block);
    }
  }
}

type Block = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: object };

function textBlock(text = DEFAULT_TEXT): Block {
  return { type: 'text', text };
}

/** One assistant message holding `block`, streamed when the request asks for it. */
function message(res: http.ServerResponse, body: Record<string, unknown>, model: string, block: Block): void {
  const stopReason = block.type === 'tool_use' ? 'tool_use' : 'end_turn';
  const id = `msg_mock_${Math.random().toString(36).slice(2, 10)}`;
  const usage = { ...USAGE, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
  if (body['stream'] !== true) {
    return sendJson(res, 200, {
      id,
      type: 'message',
      role: 'assistant',
      model,
      content: [block],
      stop_reason: stopReason,
      stop_sequence: null,
      usage,
    });
  }
  const start = block.type === 'text' ? { type: 'text', text: '' } : { ...block, input: {} };
  const delta =
    block.type === 'text'
      ? { type: 'text_delta', text: block.text }
      : { type: 'input_json_delta', partial_json: JSON.stringify(block.input) };
  const events = [
    {
      event: 'message_start',
      data: {
        type: 'message_start',
        message: {
          id,
          type: 'message',
          role: 'assistant',
          model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { ...usage, output_tokens: 1 },
        },
      },
    },
    { event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: start } },
    { event: 'content_block_delta', data: { type: 'content_block_delta', index: 0, delta } },
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
    {
      event: 'message_delta',
      data: {
        type: 'message_delta',
        delta: { stop_reason: stopReason, stop_sequence: null },
        usage: { output_tokens: USAGE.output_tokens },
      },
    },
    { event: 'message_stop', data: { type: 'message_stop' } },
  ];
  sendEvents(res, events, { 'request-id': `req_${id}` });
}

function apiError(res: http.ServerResponse, status: number, type: string, message: string): void {
  sendJson(res, status, { type: 'error', error: { type, message } }, { 'request-id': 'req_mock_error' });
}

function hasToolResult(body: Record<string, unknown>): boolean {
  const messages = Array.isArray(body['messages']) ? body['messages'] : [];
  return messages.some(
    (m) =>
      isObject(m) &&
      Array.isArray(m['content']) &&
      m['content'].some((c) => isObject(c) && c['type'] === 'tool_result'),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
