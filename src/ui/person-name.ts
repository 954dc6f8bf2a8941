import type { CompiledIndex } from '../dataset/compiled';
import { localText, type DatasetLanguage } from '../dataset/views';
import type { LocalText } from '../messages';

/**
 * A person's name in the reader's language (English where it has no Urdu form), with the
 * language it is in; the id itself, as English, where the dataset in use no longer has the person.
 */
export function personName(
  index: CompiledIndex | null | undefined,
  id: string,
  lang: DatasetLanguage,
): LocalText {
  const person = index?.people.find((candidate) => candidate.id === id);
  return person ? localText(person.name, lang) : { text: id, lang: 'en' };
}
