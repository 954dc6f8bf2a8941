/**
 * Everything the content script sets up — listeners, observers, timers — is registered through
 * one context, so it can all be torn down at once. A content script outlives its extension when
 * the extension is reloaded, updated or disabled; from then on every `browser.*` call fails, so
 * the context notices that and aborts itself (after WXT's ContentScriptContext).
 */
export class ContentContext {
  private readonly controller = new AbortController();

  constructor(private readonly extensionAlive: () => boolean) {}

  /** False once the extension is gone or `abort` was called; checks the extension each time. */
  get isValid(): boolean {
    if (!this.controller.signal.aborted && !this.extensionAlive()) this.abort();
    return !this.controller.signal.aborted;
  }

  abort(): void {
    this.controller.abort();
  }

  /** Runs `teardown` when the context ends (immediately if it already has). */
  onAbort(teardown: () => void): void {
    if (this.controller.signal.aborted) teardown();
    else this.controller.signal.addEventListener('abort', teardown, { once: true });
  }

  addEventListener<K extends keyof WindowEventMap>(
    target: Window,
    type: K,
    listener: (event: WindowEventMap[K]) => void,
  ): void {
    target.addEventListener(type, listener, { signal: this.controller.signal });
  }
}

interface Scheduler {
  yield(): Promise<void>;
}

/**
 * Gives the page a turn before more work: `scheduler.yield()` keeps our continuation ahead of
 * other tasks where the browser has it; elsewhere a macrotask does.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
