/**
 * A loopback mock of the OpenAI Responses API (`POST /v1/responses`, streamed as server-sent events) for the
 * real `codex` CLI, speaking what codex 0.169.0 sends and reads (measured 2026-12-07, requests logged):
 * - codex first asks for a WebSocket (`GET /v1/responses`, `upgrade: websocket`); answered 426 it falls back to
 *   HTTPS at once (a 404 costs it five reconnects, about 6 s). This mock speaks HTTPS only.
 * - The key arrives as `authorization: Bearer <key>` (only from CODEX_API_KEY; OPENAI_API_KEY sends none): a
 *   request without one gets OpenAI's 401 `Missing bearer or basic authentication in header`, whatever the
 *   scenario.
 * - Tools: with its default model codex offers one custom tool `exec` (JavaScript run in codex's own V8 host,
 *   calling `tools.apply_patch(...)`, `tools.exec_command(...)`) inside an input item of type
 *   `additional_tools`; with a model it has no metadata for (`-m gpt-5-codex`) a top-level `tools` list with the
 *   function `exec_command` ({cmd}). `write-file` answers with whichever the request offered.
 * - Usage is read from `response.completed`: `input_tokens`, `input_tokens_details.cached_tokens`,
 *   `output_tokens`; codex adds up the usage of every response in a turn.
 */
import type http from 'node:http';
import { sendEvents, sendJson, startMock, type Mock, type MockRequest } from './server.js';

export type OpenAiScenario = 'text' | 'write-file' | '401' | '429' | 'overloaded' | 'slow';

export interface OpenAiMockOptions {
  /** The final answer's text (`text`, `slow`, and `write-file` after the tool ran). */
  text?: string;
  /** `write-file`: the file to write, relative to codex's working folder, and its content (one line). */
  file?: { path: string; content: string };
  /** `slow`: how long to wait before answering. */
  delayMs?: number;
}

/** The usage of each answer: the turn's tokens are the sum over the answers. */
export const OPENAI_USAGE = { input: 1200, cached: 200, output: 30 };

const ERRORS: Record<'401' | '429' | 'overloaded', { status: number; error: object }> = {
  '401': {
    status: 401,
    error: {
      message:
        'Incorrect API key provided: sk-bad. You can find your API key at https://platform.openai.com/account/api-keys.',
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    },
  },
  '429': {
    status: 429,
    error: {
      message:
        'Rate limit reached for gpt-5 in organization org-mock on tokens per min (TPM): Limit 30000, Used 30000, Requested 1200. Please try again in 2.4s.',
      type: 'tokens',
      param: null,
      code: 'rate_limit_exceeded',
    },
  },
  overloaded: {
    status: 503,
    error: {
      message: 'The server is overloaded or not ready yet.',
      type: 'server_error',
      param: null,
      code: null,
    },
  },
};

export async function startOpenAiMock(
  scenario: OpenAiScenario,
  options: OpenAiMockOptions = {},
): Promise<Mock> {
  const text = options.text ?? 'Hello from the mock.';
  let answers = 0;
  return startMock(async (req, res) => {
    if (req.headers['upgrade'] !== undefined) {
      res.writeHead(426, { 'content-type': 'text/plain' });
      res.end('WebSockets are not served here');
      return;
    }
    if (req.method !== 'POST' || !req.url.startsWith('/v1/responses')) {
      sendJson(res, 404, openAiError('Not found', 'invalid_request_error'));
      return;
    }
    if (!/^Bearer \S/.test(req.headers['authorization'] ?? '')) {
      sendJson(
        res,
        401,
        openAiError('Missing bearer or basic authentication in header', 'invalid_request_error'),
      );
      return;
    }
    if (scenario === '401' || scenario === '429' || scenario === 'overloaded') {
      const { status, error } = ERRORS[scenario];
      sendJson(res, status, { error });
      return;
    }
    if (scenario === 'slow') await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 2000));
    answers++;
    if (scenario === 'write-file' && !hasToolOutput(req)) {
      const file = options.file ?? { path: 'out.txt', content: 'written by codex' };
      answer(res, answers, toolCall(req, file));
      return;
    }
    answer(res, answers, {
      id: `msg_${answers}`,
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text, annotations: [] }],
    });
  });
}

function openAiError(message: string, type: string): { error: object } {
  return { error: { message, type, param: null, code: null } };
}

/** One response holding one output item, streamed as the Responses API does. */
function answer(res: http.ServerResponse, n: number, item: Record<string, unknown>): void {
  const response = { id: `resp_${n}`, object: 'response', status: 'in_progress', output: [] as unknown[] };
  const event = (type: string, data: object) => ({ event: type, data: { type, ...data } });
  const events = [
    event('response.created', { response }),
    event('response.output_item.added', {
      output_index: 0,
      item: item['type'] === 'message' ? { ...item, status: 'in_progress', content: [] } : item,
    }),
  ];
  if (item['type'] === 'message') {
    const [part] = item['content'] as { text: string }[];
    events.push(
      event('response.output_text.delta', {
        output_index: 0,
        item_id: item['id'],
        content_index: 0,
        delta: part!.text,
      }),
    );
  }
  events.push(
    event('response.output_item.done', { output_index: 0, item }),
    event('response.completed', {
      response: {
        ...response,
        status: 'completed',
        output: [item],
        usage: {
          input_tokens: OPENAI_USAGE.input,
          input_tokens_details: { cached_tokens: OPENAI_USAGE.cached },
          output_tokens: OPENAI_USAGE.output,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: OPENAI_USAGE.input + OPENAI_USAGE.output,
        },
      },
    }),
  );
  sendEvents(res, events);
}

function inputItems(req: MockRequest): Record<string, unknown>[] {
  const body = req.body as { input?: Record<string, unknown>[] } | undefined;
  return Array.isArray(body?.input) ? body.input : [];
}

function hasToolOutput(req: MockRequest): boolean {
  return inputItems(req).some(
    (item) => item['type'] === 'function_call_output' || item['type'] === 'custom_tool_call_output',
  );
}

/** True when the request offers the top-level function `exec_command` (a model without code mode). */
function offersExecCommand(req: MockRequest): boolean {
  const tools = (req.body as { tools?: { name?: string }[] } | undefined)?.tools;
  return Array.isArray(tools) && tools.some((tool) => tool.name === 'exec_command');
}

/** A call that writes the file: `exec_command` with a shell redirect, or code mode's `exec` applying a patch. */
function toolCall(req: MockRequest, file: { path: string; content: string }): Record<string, unknown> {
  if (offersExecCommand(req)) {
    return {
      id: 'fc_1',
      type: 'function_call',
      status: 'completed',
      call_id: 'call_1',
      name: 'exec_command',
      arguments: JSON.stringify({ cmd: `printf '%s\\n' '${file.content}' > '${file.path}'` }),
    };
  }
  const patch = `*** Begin Patch\n*** Add File: ${file.path}\n+${file.content}\n*** End Patch\n`;
  return {
    id: 'ctc_1',
    type: 'custom_tool_call',
    status: 'completed',
    call_id: 'call_1',
    namespace: 'functions',
    name: 'exec',
    input: `const r = await tools.apply_patch(${JSON.stringify(patch)});\ntext(JSON.stringify(r));\n`,
  };
}
