// What this collector declares at GET /v1/policy. The extension shows it in its consent
// explainer and hashes it into the consent record, so it holds only stable facts (no clock,
// no counters): the same configuration always declares the same policy.
import { SCHEMA_VERSION } from '../shared/schema';
import { type Retention, retentionDays } from './retention';

export interface PolicyConfig {
  operator: string;
  retention: Retention;
  maxBodyBytes: number;
}

export const USES = ['service_analysis', 'research', 'user_behaviour_studies', 'model_training'] as const;

export function policyOf(config: PolicyConfig) {
  return {
    policy_version: 1,
    operator: config.operator,
    retention: { period: config.retention.text, approx_days: retentionDays(config.retention), purge: 'at_start_and_daily' },
    uses: [...USES],
    /** Reports hold no account identity; a contact the reporter typed is stored apart. */
    identity_kept_apart: true,
    /** Each report stands alone: nothing links it to the reporter's other reports or chats. */
    not_combined: true,
    stores_ip_or_user_agent: false,
    reporter_contact: { stored_apart: true, linked_by: 'random_key', exported: false, shown_in_review: false },
    deletion: { method: 'DELETE', path: '/v1/feedback/{id}', credential: 'deletion_token' },
    schema_versions: Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1),
    max_body_bytes: config.maxBodyBytes,
    content_encodings: ['identity', 'gzip'],
  };
}
export type Policy = ReturnType<typeof policyOf>;
