/** Message keys for the dataset's kinds: a unit test checks every kind has one in each language. */
import type { EVENT_KINDS, ROLES, STATUS_KINDS } from '../dataset/schema';
import type { MessageKey } from '../ui/i18n';

export const statusLabelKey = (kind: (typeof STATUS_KINDS)[number]): MessageKey =>
  `status_${kind.replaceAll('-', '_')}` as MessageKey;

export const eventLabelKey = (kind: (typeof EVENT_KINDS)[number]): MessageKey =>
  `kind_${kind.replaceAll('-', '_')}` as MessageKey;

export const roleLabelKey = (role: (typeof ROLES)[number]): MessageKey =>
  `role_${role.replaceAll('-', '_')}` as MessageKey;
