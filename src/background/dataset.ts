/**
 * The dataset in use: the compiled index bundled with the extension, validated when first
 * needed. Loaded once per worker life; a corrupted index is a clear error, never a crash.
 */
import { parseCompiledIndex, type CompiledIndex } from '../dataset/compiled';
import type { DatasetError } from '../messages';

export type DatasetState = { ok: true; index: CompiledIndex } | { ok: false; error: DatasetError };

export class DatasetStore {
  private loading: Promise<DatasetState> | undefined;

  constructor(private readonly fetchBundled: () => Promise<unknown>) {}

  current(): Promise<DatasetState> {
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<DatasetState> {
    let json: unknown;
    try {
      json = await this.fetchBundled();
    } catch {
      return { ok: false, error: { code: 'unreadable' } };
    }
    const parsed = parseCompiledIndex(json);
    return parsed.ok ? parsed : { ok: false, error: { code: 'invalid' } };
  }
}
