import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  StreamableFile,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { map, Observable } from 'rxjs';
import { API_COMPRESSION_THRESHOLD } from '../../common/web-delivery';

export const KEEPS_BYTES_KEY = 'provdash:keeps-bytes';

/**
 * A read whose answer object is kept and handed out again while it stands (RoomCache): its JSON and
 * its compressed copies are made once per kept answer, not once per request, so a cached screen
 * answer costs little more than sending bytes. The answer must be the same for every caller.
 */
export const SendsKeptBytes = () => SetMetadata(KEEPS_BYTES_KEY, true);

interface Encoded {
  etag: string;
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

/** By answer object: a kept answer is the same object each time; an evicted one takes its bytes with it. */
const encodings = new WeakMap<object, Encoded>();

/** The answer's JSON bytes and strong ETag, made once per answer object. */
export function encodedJson(body: object): Encoded {
  let encoded = encodings.get(body);
  if (!encoded) {
    const identity = Buffer.from(JSON.stringify(body), 'utf8');
    const etag = `"${createHash('sha1').update(identity).digest('base64url')}"`;
    encoded = { etag, identity };
    encodings.set(body, encoded);
  }
  return encoded;
}

/** The answer in `coding`, compressed on first use and kept beside the JSON. */
export function bytesIn(encoded: Encoded, coding: 'br' | 'gzip' | 'identity'): Buffer {
  if (coding === 'br') {
    // Quality 5: most of brotli's gain at a fraction of its top setting's time; made once per answer.
    encoded.br ??= brotliCompressSync(encoded.identity, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: encoded.identity.length },
    });
    return encoded.br;
  }
  if (coding === 'gzip') {
    encoded.gzip ??= gzipSync(encoded.identity, { level: 6 });
    return encoded.gzip;
  }
  return encoded.identity;
}

/** The coding to send: brotli, else gzip, when accepted (q > 0) and the answer is worth compressing. */
export function codingFor(acceptEncoding: string | undefined, size: number): 'br' | 'gzip' | 'identity' {
  if (size < API_COMPRESSION_THRESHOLD) return 'identity';
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, ...params]) => !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p)))
      .map(([name]) => name),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

/**
 * Sends a @SendsKeptBytes route's answer as its kept bytes: JSON, compressed copy by
 * Accept-Encoding, a strong ETag (304 when the client has it). Runs outside StaleReadInterceptor
 * (registered before it), which keeps and restores the answer object as for any other read.
 */
@Injectable()
export class KeptBytesInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (
      context.getType() !== 'http' ||
      !this.reflector.getAllAndOverride<boolean>(KEEPS_BYTES_KEY, [context.getHandler(), context.getClass()])
    ) {
      return next.handle();
    }
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body: unknown) => {
        if (body === null || typeof body !== 'object' || body instanceof StreamableFile || Buffer.isBuffer(body)) {
          return body;
        }
        const encoded = encodedJson(body);
        res.vary('Accept-Encoding');
        res.setHeader('ETag', encoded.etag);
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        if (req.fresh) {
          res.status(304);
          return new StreamableFile(Buffer.alloc(0));
        }
        const coding = codingFor(req.headers['accept-encoding'], encoded.identity.length);
        if (coding !== 'identity') res.setHeader('Content-Encoding', coding);
        const bytes = bytesIn(encoded, coding);
        return new StreamableFile(bytes, { length: bytes.length });
      }),
    );
  }
}
