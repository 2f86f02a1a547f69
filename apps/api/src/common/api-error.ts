import { HttpException, HttpStatus } from '@nestjs/common';
import type { MessageKey, MessageParams } from './messages';

export interface FieldError {
  field: string;
  /** Keys of FIELD_MESSAGES_TH with their English text, from class-validator. */
  constraints: Record<string, string>;
}

/** An error meant for a person: a status and a message key, translated by the exception filter. */
export class ApiError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly key: MessageKey,
    readonly fields?: FieldError[],
    /** Values for the message's `{name}` placeholders (a limit, a unit). */
    readonly params?: MessageParams,
  ) {
    super(key, status);
  }
}

export const forbidden = (key: MessageKey = 'access.denied') => new ApiError(HttpStatus.FORBIDDEN, key);
export const notFound = (key: MessageKey = 'notFound.entity') => new ApiError(HttpStatus.NOT_FOUND, key);
export const unauthorized = (key: MessageKey = 'auth.required') => new ApiError(HttpStatus.UNAUTHORIZED, key);
export const conflict = (key: MessageKey = 'conflict.version') => new ApiError(HttpStatus.CONFLICT, key);
