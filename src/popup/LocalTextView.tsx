import type { LocalText } from '../messages';
import { directionOf } from '../ui/text-language';
import { useUi } from './ui-context';

type Tag = 'h2' | 'h3' | 'p' | 'span' | 'strong';

/** The direction of dataset text: its language is known, so it is never guessed. */

/**
 * Dataset text with its language and direction marked (English reads left to right inside the
 * Urdu UI), and "(in English)", in the UI's language, where it is a fallback.
 */
export function LocalTextView({
  text,
  as: Tag = 'span',
  id,
  class: className,
}: {
  text: LocalText;
  as?: Tag;
  id?: string;
  class?: string;
}) {
  const { t, lang } = useUi();
  return (
    <Tag id={id} class={className} lang={text.lang} dir={directionOf(text.lang)}>
      {text.text}
      {text.lang !== lang && (
        <>
          {' '}
          <span class="fn-muted" lang={lang} dir={directionOf(lang)}>
            {t('inEnglish')}
          </span>
        </>
      )}
    </Tag>
  );
}
