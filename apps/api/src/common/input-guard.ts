import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { HttpStatus } from '@nestjs/common';
import { ApiError } from './api-error';

/**
 * How deeply a JSON body may nest. The deepest body any route takes is an agreement's indicators
 * with their five levels (body → indicators[] → indicator → levels[]: 4); 32 leaves room for any
 * future shape while a hostile `[[[[…]]]]` of 100 kB (50,000 levels) is refused before it is parsed:
 * parsed, it overflowed the stack in class-transformer and the validator (a 500 costing ~180 ms of
 * server time each, on every JSON route including anonymous sign-in).
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The deepest nesting of a JSON text, counted on the raw bytes without parsing it (so without
 * recursion): brackets inside strings do not count. Malformed text is left to the parser.
 */
export function jsonDepth(buf: Uint8Array, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return deepest;
}

/**
 * body-parser's `verify` hook: it sees the raw body before `JSON.parse`. Throwing here aborts the
 * request with this error (body-parser keeps its status), which the exception filter translates.
 */
export function refuseDeepJson(_req: IncomingMessage, _res: unknown, buf: Buffer): void {
  if (jsonDepth(buf, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw new ApiError(HttpStatus.BAD_REQUEST, 'validation.tooDeep');
}

// String.prototype.isWellFormed is ES2024, beyond this project's lib setting.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text PostgreSQL cannot store or that is not text at all: NUL (PostgreSQL refuses it in `text`,
 * 22021, and it cuts C strings short) and UTF-16 halves without their pair (a lone surrogate is no
 * character; encoded it turns into U+FFFD behind the caller's back).
 */
export function isUnsafeText(s: string): boolean {
  return s.includes('\u0000') || LONE_SURROGATE.test(s);
}

/** True if any string (or key) in a parsed body or query is unsafe; depth is bounded by the parser check. */
function containsUnsafeText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return isUnsafeText(value);
  if (value === null || typeof value !== 'object' || depth > MAX_JSON_DEPTH + 1) return false;
  if (Array.isArray(value)) return value.some((v) => containsUnsafeText(v, depth + 1));
  return Object.entries(value).some(([k, v]) => isUnsafeText(k) || containsUnsafeText(v, depth + 1));
}

function decodedPath(req: Request): string | null {
  try {
    return decodeURIComponent(req.path);
  } catch {
    return null;
  }
}

/**
 * Refuses, with a 400 before any guard, pipe or query, a request whose path, query or JSON body holds
 * text PostgreSQL cannot take (`/api/public/provinces/%00` reached the database and came back a 500).
 * Runs after the body parsers; multipart uploads are read by their own routes.
 */
export function refuseUnsafeText(req: Request, _res: Response, next: NextFunction): void {
  const path = decodedPath(req);
  if (path === null) return next(new ApiError(HttpStatus.BAD_REQUEST, 'validation.malformed'));
  if (isUnsafeText(path) || containsUnsafeText(req.query) || containsUnsafeText(req.body)) {
    return next(new ApiError(HttpStatus.BAD_REQUEST, 'validation.badText'));
  }
  next();
}
