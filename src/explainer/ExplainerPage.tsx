// "What is shared": the full form of the consent explainer. The dialog shows the short form
// (the lines its notice hash covers); this page says the same and more, for the endpoint saved
// in the options and the policy it declares.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { canonicalJson } from '../core/notice';
import { loadOptions } from '../shared/options';
import { explainerParagraphs, policyLines, testerParagraphs } from '../ui/explainer';
import { t, type MessageKey } from '../ui/i18n';
import { noticeContextFor, type NoticeContext } from '../ui/notice-context';

const items = (keys: MessageKey[]) => <ul>{keys.map((k) => <li key={k}>{t(k)}</li>)}</ul>;

function Section({ id, heading, children }: { id: string; heading: MessageKey; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t(heading)}</h2>
      {children}
    </section>
  );
}

export function ExplainerPage() {
  const [context, setContext] = useState<NoticeContext | null>(null);
  useEffect(() => {
    void loadOptions().then((o) => noticeContextFor(o.endpoint)).then(setContext);
  }, []);
  if (!context) return <main class="explainer-page"><p role="status">{t('loading')}</p></main>;
  const { origin, policy } = context;
  const [receiver, notProvider, included, leftOut, identity, retention] = explainerParagraphs(origin);
  return (
    <main class="explainer-page">
      <h1>{t('whatIsShared')}</h1>
      <p>{t('explainPageIntro')}</p>
      <p><strong>{notProvider}</strong></p>
      <Section id="contains" heading="explainContainsHeading">
        <ul>
          <li>{included}</li>
          <li>{t('explainContainsRating')}</li>
          <li>{t('explainContainsFiles')}</li>
          <li>{t('explainContainsTechnical')}</li>
          <li>{t('explainContainsConsent')}</li>
        </ul>
      </Section>
      <Section id="out" heading="explainOutHeading">
        <ul>
          <li>{leftOut}</li>
          <li>{identity}</li>
          <li>{t('explainOutIdentity')}</li>
        </ul>
      </Section>
      <Section id="receiver" heading="explainReceiverHeading">
        <p>{receiver}</p>
        <ul class="policy">{policyLines(origin, policy).map((line) => <li key={line}>{line}</li>)}</ul>
        {policy !== null && <details><summary>{t('policyShowJson')}</summary><pre>{canonicalJson(policy)}</pre></details>}
      </Section>
      <Section id="use" heading="explainUseHeading">
        <p>{retention}</p>
      </Section>
      <Section id="choices" heading="explainChoicesHeading">
        {items(['explainOnlyWhenSent', 'explainChoiceAgain', 'explainChoiceWithdraw', 'explainChoiceHistory', 'explainChoiceContact'])}
        <p><button type="button" onClick={() => void browser.runtime.openOptionsPage()}>{t('optionsTitle')}</button></p>
      </Section>
      <Section id="tester" heading="testerHeading">
        {testerParagraphs().map((line) => <p key={line}>{line}</p>)}
      </Section>
    </main>
  );
}
