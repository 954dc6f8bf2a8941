import type { LocalText } from '../messages';
import { useUi } from './ui-context';

type Tag = 'h2' | 'h3' | 'p' | 'span' | 'strong';

/** Dataset text with its language marked, and "(in English)" where it is a fallback. */
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
    <Tag id={id} class={className} lang={text.lang} dir="auto">
      {text.text}
      {text.lang !== lang && <span class="fn-muted"> {t('inEnglish')}</span>}
    </Tag>
  );
}
