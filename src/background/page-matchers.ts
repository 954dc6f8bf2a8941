/**
 * The judge's matchers for the dataset in use, built once per worker life and kept serialized:
 * every page gets the same ones, and none builds its own.
 */
import type { CompiledIndex } from '../dataset/compiled';
import {
  buildJudgeMatchers,
  serializeJudgeMatchers,
  type IdentityIndex,
  type SerializedJudgeMatchers,
} from '../mentions/judge';

const built = new WeakMap<CompiledIndex, SerializedJudgeMatchers>();

/** `identity` is the index's identity part (names and terms are the same in every language). */
export function judgeMatchersOf(
  index: CompiledIndex,
  identity: IdentityIndex,
): SerializedJudgeMatchers {
  let matchers = built.get(index);
  if (matchers === undefined) {
    matchers = serializeJudgeMatchers(buildJudgeMatchers(identity));
    built.set(index, matchers);
  }
  return matchers;
}
