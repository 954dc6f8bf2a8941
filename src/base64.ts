/**
 * Bytes as base64 text and back, for binary data sent in extension messages: Chromium's
 * messaging is JSON, which has no bytes. Native where the engine has it (Chromium 140+,
 * Firefox 133+); elsewhere (Node for the tests, older browsers) through a binary string.
 */
interface Base64Native {
  toBase64?(this: Uint8Array): string;
}
interface Base64NativeStatic {
  fromBase64?(text: string): Uint8Array<ArrayBuffer>;
}

/** Characters per String.fromCharCode call: spread arguments have a limit. */
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as Base64Native).toBase64;
  if (native !== undefined) return native.call(bytes);
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  }
  return btoa(binary);
}

/** Bytes in a buffer of their own, exactly as long. Throws on text that is not base64. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as Base64NativeStatic).fromBase64;
  if (native !== undefined) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let at = 0; at < binary.length; at++) bytes[at] = binary.charCodeAt(at);
  return bytes;
}
