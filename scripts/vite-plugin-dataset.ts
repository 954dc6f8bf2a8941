/**
 * Emits the compiled dataset index as `dataset.json` at the extension's root. The build fails
 * with the checker's messages when the data breaks an editorial rule, and it prints the size.
 */
import type { Plugin } from 'vite';
import { formatProblem } from '../src/dataset/index';
import { buildCompiledIndexJson } from './dataset-files';

export const DATASET_FILE = 'dataset.json';

export function datasetPlugin(): Plugin {
  return {
    name: 'footnote:dataset',
    generateBundle() {
      const { json, problems } = buildCompiledIndexJson();
      if (problems.length > 0) {
        this.error(
          `The dataset does not pass the checker:\n${problems.map(formatProblem).join('\n')}`,
        );
      }
      this.emitFile({ type: 'asset', fileName: DATASET_FILE, source: json });
      this.info(`${DATASET_FILE}: ${Buffer.byteLength(json)} bytes`);
    },
  };
}
