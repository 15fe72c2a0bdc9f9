// Message keys for the values the report and the background use, checked against the
// schema's lists by the type system: a new reason or error without words fails to compile.
import type { SendError } from '../shared/messages';
import type { IntegrationSource, Omission, Reason } from '../shared/schema';
import type { MessageKey } from '../ui/i18n';

export const REASON_KEYS: Record<Reason, MessageKey> = {
  not_factual: 'reasonNotFactual',
  ignored_instructions: 'reasonIgnoredInstructions',
  wrong_refusal: 'reasonWrongRefusal',
  harmful: 'reasonHarmful',
  incomplete: 'reasonIncomplete',
  other: 'reasonOther',
};

export const SEND_ERROR_KEYS: Record<SendError | 'extension_error', MessageKey> = {
  endpoint_invalid: 'sendErrorEndpointInvalid',
  endpoint_changed: 'sendErrorEndpointChanged',
  permission_missing: 'sendErrorPermissionMissing',
  unreachable: 'sendErrorUnreachable',
  timeout: 'sendErrorTimeout',
  unauthorized: 'sendErrorUnauthorized',
  too_large: 'sendErrorTooLarge',
  rejected: 'sendErrorRejected',
  server_error: 'sendErrorServer',
  invalid_report: 'sendErrorInvalidReport',
  rate_limited: 'sendErrorRateLimited',
  gone: 'sendErrorGone',
  storage_full: 'sendErrorStorageFull',
  consent_missing: 'sendErrorConsentMissing',
  extension_error: 'sendErrorExtension',
};

export const INTEGRATION_KEYS: Record<IntegrationSource, MessageKey> = {
  google_drive: 'integrationGoogleDrive',
  github: 'integrationGithub',
  gmail: 'integrationGmail',
  google_calendar: 'integrationGoogleCalendar',
  other_chats: 'integrationOtherChats',
  connector: 'integrationConnector',
};

export const OMISSION_KEYS: Record<Exclude<Omission['kind'], 'integration'>, MessageKey> = {
  hidden_thinking: 'omittedHiddenThinking',
  unreadable: 'omittedUnreadable',
};
