/**
 * Ed25519 signature verification.
 *
 * WebCrypto's Ed25519 is used where it exists: Chrome 137+, Firefox 129+, Node 18.4+ (no flag;
 * checked on Node 20.20, Chromium 156 and Firefox ESR 153). The manifest still allows Chrome
 * 120–136, where importKey rejects the algorithm with NotSupportedError; there the audited,
 * dependency-free @noble/ed25519 verifies instead, with strict RFC 8032 point decoding
 * (zip215: false) to stay close to what WebCrypto accepts. Raising minimum_chrome_version to 137
 * would make the fallback unnecessary.
 */
import { verifyAsync } from '@noble/ed25519';

export async function verifyEd25519(
  publicKey: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
  message: Uint8Array<ArrayBuffer>,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<boolean> {
  let key: CryptoKey;
  try {
    key = await subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name !== 'NotSupportedError') return false;
    try {
      return await verifyAsync(signature, message, publicKey, { zip215: false });
    } catch {
      return false;
    }
  }
  try {
    return await subtle.verify({ name: 'Ed25519' }, key, signature, message);
  } catch {
    return false;
  }
}
