// The consent explainer's short form, in the language shown. The notice hash is taken over exactly
// these lines, so a changed wording, endpoint or declared policy brings the agree step back.
import { NOTICE_VERSION, noticeHash } from '../core/notice';
import { t } from './i18n';
import { summarisePolicy } from './policy';

export function explainerParagraphs(origin: string): string[] {
  return [
    t('explainReceiver', origin),
    t('explainNotProvider'),
    t('explainIncluded'),
    t('explainLeftOut'),
    t('explainIdentity'),
    t('explainRetention'),
  ];
}

/** What the endpoint declares, in words; a policy without known fields is shown as its JSON. */
export function policyLines(origin: string, policy: unknown): string[] {
  const summary = summarisePolicy(policy);
  if (!summary) return [t('policyNone', origin)];
  const lines = [t('policyDeclared', origin)];
  if (summary.operator) lines.push(t('policyOperator', summary.operator));
  if (summary.retentionDays !== null) lines.push(t('policyRetention', String(summary.retentionDays)));
  if (summary.uses.length) lines.push(t('policyUses', summary.uses.join(', ')));
  return lines;
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
