// The consent explainer's short form, in the language shown. The notice hash is taken over exactly
// these lines, so a changed wording, endpoint or declared policy brings the agree step back.
import { NOTICE_VERSION, noticeHash } from '../core/notice';
import { t, type MessageKey } from './i18n';
import { summarisePolicy, type PolicySummary } from './policy';

export function explainerParagraphs(origin: string): string[] {
  return [
    t('explainReceiver', origin),
    t('explainNotProvider'),
    t('explainIncluded'),
    t('explainLeftOut'),
    t('explainIdentity'),
    t('explainRetention'),
    t('explainOnlyWhenSent'),
  ];
}

const USE_KEYS: Record<string, MessageKey> = {
  service_analysis: 'useServiceAnalysis',
  research: 'useResearch',
  user_behaviour_studies: 'useUserBehaviour',
  model_training: 'useModelTraining',
};

const PERIOD_KEYS: Record<string, MessageKey> = { y: 'periodYears', mo: 'periodMonths', w: 'periodWeeks', d: 'periodDays', h: 'periodHours' };

/** "10y" → "10 years"; a period in another form is shown as written. */
function periodWords(period: string): string {
  const m = /^(\d+)(y|mo|w|d|h)$/.exec(period);
  return m ? t(PERIOD_KEYS[m[2]!]!, m[1]!) : period;
}

function retentionLine({ period, days }: NonNullable<PolicySummary['retention']>): string {
  if (period && days !== null) return t('policyRetentionPeriod', [periodWords(period), String(Math.round(days))]);
  return period ? t('policyRetentionPeriodOnly', periodWords(period)) : t('policyRetention', String(Math.round(days ?? 0)));
}

/** A declared yes/no in words; nothing when the policy does not say. */
function factLine(value: boolean | null, yes: MessageKey, no: MessageKey): string[] {
  return value === null ? [] : [t(value ? yes : no)];
}

/** What the endpoint declares, in words. */
export function policyLines(origin: string, policy: unknown): string[] {
  const s = summarisePolicy(policy);
  if (!s) return [t('policyNone', origin)];
  return [
    t('policyDeclared', origin),
    ...(s.operator ? [t('policyOperator', s.operator)] : []),
    ...(s.retention ? [retentionLine(s.retention)] : []),
    ...(s.uses.length ? [t('policyUses', s.uses.map((u) => (USE_KEYS[u] ? t(USE_KEYS[u]) : u)).join(', '))] : []),
    ...factLine(s.identityKeptApart, 'policyIdentityApart', 'policyIdentityNotApart'),
    ...factLine(s.notCombined, 'policyNotCombined', 'policyCombined'),
    ...factLine(s.storesIpOrUserAgent, 'policyStoresIp', 'policyNoIp'),
  ];
}

export interface ShownNotice {
  version: string;
  hash: string;
  text: string;
}

export async function currentNotice(origin: string, policy: unknown): Promise<ShownNotice> {
  const text = [...explainerParagraphs(origin), ...policyLines(origin, policy)].join('\n\n');
  const hash = await noticeHash({ version: NOTICE_VERSION, text, endpointOrigin: origin, policy });
  return { version: NOTICE_VERSION, hash, text };
}
