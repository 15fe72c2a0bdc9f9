// The consent explainer's short form, in the language shown. The notice hash is taken over exactly
// these lines, so a changed wording, endpoint or declared policy brings the agree step back.
// Every function takes the translator (default: the page's t), so the background can rebuild a
// notice in the locale it was shown in and check that a stored agreement still fits it.
import { NOTICE_VERSION, TESTER_NOTICE_VERSION, noticeHash } from '../core/notice';
import { t, type MessageKey, type Translate } from './i18n';
import { summarisePolicy, type PolicySummary } from './policy';

export function explainerParagraphs(origin: string, tr: Translate = t): string[] {
  return [
    tr('explainReceiver', origin),
    tr('explainNotProvider'),
    tr('explainIncluded'),
    tr('explainLeftOut'),
    tr('explainIdentity'),
    tr('explainRetention'),
    tr('explainOnlyWhenSent'),
  ];
}

/** What trusted-tester mode adds, and what stays the same. */
export function testerParagraphs(tr: Translate = t): string[] {
  return [tr('testerIntro'), tr('testerOneClick'), tr('testerShare'), tr('testerLabelled'), tr('testerSame'), tr('testerOff')];
}

const USE_KEYS: Record<string, MessageKey> = {
  service_analysis: 'useServiceAnalysis',
  research: 'useResearch',
  user_behaviour_studies: 'useUserBehaviour',
  model_training: 'useModelTraining',
};

const PERIOD_KEYS: Record<string, MessageKey> = { y: 'periodYears', mo: 'periodMonths', w: 'periodWeeks', d: 'periodDays', h: 'periodHours' };

/** "10y" → "10 years"; a period in another form is shown as written. */
function periodWords(period: string, tr: Translate): string {
  const m = /^(\d+)(y|mo|w|d|h)$/.exec(period);
  return m ? tr(PERIOD_KEYS[m[2]!]!, m[1]!) : period;
}

function retentionLine({ period, days }: NonNullable<PolicySummary['retention']>, tr: Translate): string {
  if (period && days !== null) return tr('policyRetentionPeriod', [periodWords(period, tr), String(Math.round(days))]);
  return period ? tr('policyRetentionPeriodOnly', periodWords(period, tr)) : tr('policyRetention', String(Math.round(days ?? 0)));
}

/** What the endpoint declares, in words. */
export function policyLines(origin: string, policy: unknown, tr: Translate = t): string[] {
  const s = summarisePolicy(policy);
  if (!s) return [tr('policyNone', origin)];
  // A declared yes/no in words; nothing when the policy does not say.
  const fact = (value: boolean | null, yes: MessageKey, no: MessageKey) => (value === null ? [] : [tr(value ? yes : no)]);
  return [
    tr('policyDeclared', origin),
    ...(s.operator ? [tr('policyOperator', s.operator)] : []),
    ...(s.retention ? [retentionLine(s.retention, tr)] : []),
    ...(s.uses.length ? [tr('policyUses', s.uses.map((u) => (USE_KEYS[u] ? tr(USE_KEYS[u]) : u)).join(', '))] : []),
    ...fact(s.identityKeptApart, 'policyIdentityApart', 'policyIdentityNotApart'),
    ...fact(s.notCombined, 'policyNotCombined', 'policyCombined'),
    ...fact(s.storesIpOrUserAgent, 'policyStoresIp', 'policyNoIp'),
  ];
}

export interface ShownNotice {
  version: string;
  hash: string;
  text: string;
}

async function notice(version: string, paragraphs: string[], origin: string, policy: unknown): Promise<ShownNotice> {
  const text = paragraphs.join('\n\n');
  return { version, hash: await noticeHash({ version, text, endpointOrigin: origin, policy }), text };
}

/** The notice the feedback dialog asks agreement to. */
export function currentNotice(origin: string, policy: unknown, tr: Translate = t): Promise<ShownNotice> {
  return notice(NOTICE_VERSION, [...explainerParagraphs(origin, tr), ...policyLines(origin, policy, tr)], origin, policy);
}

/** Trusted-tester mode's notice: what the mode adds, then everything the ordinary notice says. */
export function currentTesterNotice(origin: string, policy: unknown, tr: Translate = t): Promise<ShownNotice> {
  const paragraphs = [...testerParagraphs(tr), ...explainerParagraphs(origin, tr), ...policyLines(origin, policy, tr)];
  return notice(TESTER_NOTICE_VERSION, paragraphs, origin, policy);
}
