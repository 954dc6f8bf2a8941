import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DatasetLanguage } from '../dataset/views';
import type { Translate } from '../ui/i18n';

export interface Ui {
  readonly t: Translate;
  /** The language dataset text is shown in. */
  readonly lang: DatasetLanguage;
}

export const UiContext = createContext<Ui | null>(null);

export function useUi(): Ui {
  const ui = useContext(UiContext);
  if (ui === null) throw new Error('UiContext is missing');
  return ui;
}
