import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

/** A caller's own id is kept only when it cannot smuggle anything into a log line or a header. */
const GIVEN_ID = /^[A-Za-z0-9._-]{1,64}$/;

type WithId = IncomingMessage & { id?: unknown };

/**
 * The one request id: the caller's `x-request-id` when well-formed, else a UUID. The request
 * context (nestjs-cls, which the audit trail reads) and the request logger (pino-http) both ask
 * here, in whichever order their middleware runs; the first call fixes it on the request and
 * echoes it in the response so a person reporting a problem can quote it.
 */
export function requestIdOf(req: IncomingMessage, res?: ServerResponse): string {
  const r = req as WithId;
  if (typeof r.id === 'string') return r.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
  r.id = id;
  const response = res ?? (req as IncomingMessage & { res?: ServerResponse }).res;
  if (response && !response.headersSent) response.setHeader('x-request-id', id);
  return id;
}
