import type { RelevanceMode } from '../settings';
import type { MessageKey } from './i18n';

export const RELEVANCE_LABELS: Record<RelevanceMode, MessageKey> = {
  harassment: 'optionsRelevanceHarassment',
  every: 'optionsRelevanceEvery',
  off: 'optionsRelevanceOff',
};
