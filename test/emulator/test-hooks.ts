// /__emulator/*: what tests and the benchmark use to look inside and steer the emulator. Only
// served in test mode; every body is validated, like any other input.
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { DocumentLifecycleSchema, DocumentStageOverride } from './document-lifecycle.ts';
import type { EmulatorState } from './emulator-state.ts';
import type { FaultInjector } from './faults.ts';
import { FaultPlanSchema } from './faults.ts';
import type { Replier } from './http-replies.ts';
import { RateLimitSchema, type RateLimiter } from './rate-limit.ts';
import { readTextBody } from './request-body.ts';
import { RequestError } from './request-error.ts';
import { assertKnownScopes } from './tokens.ts';
import { DEFAULT_DOCUMENT_FAILURE } from './document-lifecycle.ts';

const AddTokenBody = z.strictObject({
  scopes: z.array(z.string()),
  username: z.string().min(1).optional(),
});
const RevokeTokenBody = z.strictObject({ token: z.string() });
const ForgetDocumentBody = z.strictObject({ uuid: z.string().min(1) });
/** `message` null: the document answers again. */
const FailDocumentBody = z.strictObject({
  uuid: z.string().min(1),
  message: z.string().min(1).nullable().default(DEFAULT_DOCUMENT_FAILURE),
  field: z.enum(['date', 'paymentState']).optional(),
});

/** What the hooks steer. */
export interface HookTargets {
  state: EmulatorState;
  faults: FaultInjector;
  rateLimiter: RateLimiter;
}

async function jsonBody<T>(request: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const text = await readTextBody(request);
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new RequestError(400, 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new RequestError(400, z.prettifyError(parsed.error));
  return parsed.data;
}

export async function handleTestHook(
  request: IncomingMessage,
  pathname: string,
  reply: Replier,
  { state, faults, rateLimiter }: HookTargets,
): Promise<void> {
  const route = `${request.method ?? 'GET'} ${pathname}`;
  try {
    switch (route) {
      case 'GET /__emulator/uploads':
        reply.json(200, state.uploads());
        return;
      case 'GET /__emulator/phantoms':
        reply.json(200, state.phantoms());
        return;
      case 'POST /__emulator/reset':
        request.resume();
        state.reset();
        faults.clear();
        rateLimiter.set(null);
        reply.empty(204);
        return;
      case 'POST /__emulator/tokens': {
        const body = await jsonBody(request, AddTokenBody);
        try {
          assertKnownScopes(body.scopes);
        } catch (error) {
          throw new RequestError(400, (error as Error).message);
        }
        reply.json(201, { token: state.tokens.add(body.scopes, body.username) });
        return;
      }
      case 'POST /__emulator/tokens/revoke': {
        const body = await jsonBody(request, RevokeTokenBody);
        if (state.tokens.lookup(body.token).status === 'unknown') {
          throw new RequestError(404, 'No such token.');
        }
        state.tokens.revoke(body.token);
        reply.empty(204);
        return;
      }
      case 'POST /__emulator/faults': {
        const plan = await jsonBody(request, FaultPlanSchema);
        faults.set(plan);
        reply.json(200, faults.plan);
        return;
      }
      case 'POST /__emulator/documents/lifecycle': {
        state.lifecycle = await jsonBody(request, DocumentLifecycleSchema);
        reply.json(200, state.lifecycle);
        return;
      }
      case 'POST /__emulator/documents/stage': {
        const body = await jsonBody(request, DocumentStageOverride);
        if (!state.setDocumentStage(body)) throw new RequestError(404, 'No such document.');
        reply.empty(204);
        return;
      }
      case 'POST /__emulator/documents/forget': {
        const body = await jsonBody(request, ForgetDocumentBody);
        if (!state.forgetDocument(body.uuid)) throw new RequestError(404, 'No such document.');
        reply.empty(204);
        return;
      }
      case 'POST /__emulator/documents/fail': {
        const body = await jsonBody(request, FailDocumentBody);
        if (!state.failDocument(body.uuid, body.message, body.field)) {
          throw new RequestError(404, 'No such document.');
        }
        reply.empty(204);
        return;
      }
      case 'GET /__emulator/documents/requests':
        reply.json(200, state.documentRequests());
        return;
      case 'POST /__emulator/rate-limit': {
        rateLimiter.set(await jsonBody(request, RateLimitSchema));
        reply.json(200, rateLimiter.limit);
        return;
      }
      case 'GET /__emulator/faults':
        reply.json(200, faults.plan);
        return;
      default:
        request.resume();
        reply.json(404, { error: `No test hook ${route}.` });
    }
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    reply.json(error.status, { error: error.message });
  }
}
