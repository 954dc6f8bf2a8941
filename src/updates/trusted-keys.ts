/**
 * The public keys a dataset update may be signed with (key id → raw Ed25519 public key, base64).
 * Two, so the signing key can be rotated: releases are signed with one, and a later extension
 * version can drop a key without stranding readers. Made with `npm run data:keygen`; the private
 * keys are kept by the curators, never in this repository (README: "Publishing a dataset update").
 */
import type { TrustedKeys } from './release';

export const TRUSTED_KEYS: TrustedKeys = Object.freeze({
  // In use.
  'ed25519-8c0216db9b5e5f49': 'yhHoonZOAe+4/8OHl5TfzzVPgbBeDG66GPIOX9aeb7E=',
  // Standby for rotation.
  'ed25519-f9bc21cdd17a90ad': 'K1+Nt1niCTkIQJjd1KZYYP9+KA2IqRZaiMFEhUHd0Ao=',
});
