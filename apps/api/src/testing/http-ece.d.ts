/** http_ece ships no types; the spec decrypting Web Push payloads uses `decrypt` only. */
declare module 'http_ece' {
  export function decrypt(
    buffer: Buffer,
    params: { version: 'aes128gcm'; privateKey: import('node:crypto').ECDH; dh: string; authSecret: string },
  ): Buffer;
}
