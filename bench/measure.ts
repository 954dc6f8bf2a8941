// Timing helpers: medians over repeated runs after a warm-up, so one GC pause does not decide.

/** Median milliseconds of `runs` runs after one warm-up run, and the last result. */
export function time<T>(run: () => T, runs: number): { milliseconds: number; result: T } {
  let result = run();
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    result = run();
    samples.push(performance.now() - start);
  }

  return { milliseconds: median(samples), result };
}

/** Like `time` for two functions, their runs interleaved. */
export function timeAlternating<A, B>(
  runA: () => A,
  runB: () => B,
  runs: number,
): [{ milliseconds: number; result: A }, { milliseconds: number; result: B }] {
  let resultA = runA();
  let resultB = runB();
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  for (let index = 0; index < runs; index++) {
    let start = performance.now();
    resultA = runA();
    samplesA.push(performance.now() - start);
    start = performance.now();
    resultB = runB();
    samplesB.push(performance.now() - start);
  }

  return [
    { milliseconds: median(samplesA), result: resultA },
    { milliseconds: median(samplesB), result: resultB },
  ];
}

/** One cold run: for builds, whose first run is the one a user waits for. */
export function timeOnce<T>(run: () => T): { milliseconds: number; result: T } {
  const start = performance.now();
  const result = run();
  return { milliseconds: performance.now() - start, result };
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Millions of UTF-16 code units per second. */
export function megabytesPerSecond(length: number, milliseconds: number): number {
  return length / 1e6 / (milliseconds / 1000);
}
