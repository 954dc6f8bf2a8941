/**
 * Emits the compiled dataset index as `dataset.json` at the extension's root. The build fails
 * with the checker's messages when the data breaks an editorial rule, and it prints the size.
 * A local build for the benchmarks can ship a dataset `scale` times larger (bench/scaled-index.ts).
 */
import type { Plugin } from 'vite';
import { scaleCompiledIndex } from '../bench/scaled-index';
import { formatProblem, type CompiledIndex } from '../src/dataset/index';
import { buildCompiledIndexJson } from './dataset-files';

export const DATASET_FILE = 'dataset.json';

export function datasetPlugin({ scale = 1 }: { scale?: number } = {}): Plugin {
  return {
    name: 'footnote:dataset',
    generateBundle() {
      const { json: real, problems } = buildCompiledIndexJson();
      if (problems.length > 0) {
        this.error(
          `The dataset does not pass the checker:\n${problems.map(formatProblem).join('\n')}`,
        );
      }
      const json =
        scale === 1
          ? real
          : JSON.stringify(scaleCompiledIndex(JSON.parse(real) as CompiledIndex, scale));
      this.emitFile({ type: 'asset', fileName: DATASET_FILE, source: json });
      this.info(`${DATASET_FILE}: ${Buffer.byteLength(json)} bytes`);
    },
  };
}
