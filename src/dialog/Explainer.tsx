// The consent explainer's short form: the same lines the notice hash was taken over.
import { canonicalJson } from '../core/notice';
import { explainerParagraphs, policyLines } from '../ui/explainer';
import { t } from '../ui/i18n';
import { explainerPageUrl } from '../ui/links';

export function Explainer({ origin, policy }: { origin: string; policy: unknown }) {
  const [receiver, ...rest] = explainerParagraphs(origin);
  return (
    <section class="explainer" aria-labelledby="explainer-heading" id="explainer">
      <h2 id="explainer-heading">{t('explainerHeading')}</h2>
      <p class="receiver">{receiver}</p>
      {rest.map((line) => <p key={line}>{line}</p>)}
      <h3>{t('policyHeading')}</h3>
      <ul class="policy">{policyLines(origin, policy).map((line) => <li key={line}>{line}</li>)}</ul>
      {policy !== null && (
        <details>
          <summary>{t('policyShowJson')}</summary>
          <pre>{canonicalJson(policy)}</pre>
        </details>
      )}
      <p><a href={explainerPageUrl()} target="_blank" rel="noopener">{t('whatIsSharedLink')}</a></p>
    </section>
  );
}
