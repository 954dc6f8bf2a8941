/**
 * What a full-view link points at: `#person=<id>` or `#case=<id>` (query parameters are read
 * too, for the address the background opens). Any page can link here, so the id is read like any
 * other input: it must look like a dataset id; whether the dataset has it is checked on render.
 */
import * as v from 'valibot';
import { Id } from '../dataset/schema';

export type FullViewTarget =
  { readonly kind: 'person'; readonly id: string } | { readonly kind: 'case'; readonly id: string };

export function fullViewTarget(search: string, hash: string): FullViewTarget | undefined {
  for (const params of [new URLSearchParams(hash.replace(/^#/, '')), new URLSearchParams(search)]) {
    for (const kind of ['person', 'case'] as const) {
      const id = params.get(kind);
      if (id !== null) return v.is(Id, id) ? { kind, id } : undefined;
    }
  }
  return undefined;
}

/** The link to the full view of one person or case, relative to the extension's root. */
export const fullViewPath = (target: FullViewTarget): string =>
  `src/full/index.html#${target.kind}=${encodeURIComponent(target.id)}`;
