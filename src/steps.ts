/**
 * Work written as a generator that yields where it may pause: run at once (`runToEnd`), or with
 * the page given a turn at each pause (`runInSteps`), so no single task grows long. Pure: the
 * caller supplies the pause.
 */
export type Steps<T> = Generator<void, T>;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

export async function runInSteps<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await pause();
  }
}
