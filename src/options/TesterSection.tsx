// Trusted-tester mode: off by default; turning it on shows the mode's own explainer and needs
// explicit agreement to its own notice. Turning it off takes effect at once and forgets the agreement.
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { TESTER_CONSENT_KEY, needsAgreement, saveConsent } from '../core/consent';
import { saveOptions } from '../shared/options';
import { explainerParagraphs, policyLines, testerParagraphs } from '../ui/explainer';
import { shownLocale, t } from '../ui/i18n';
import { formatWhen, type ConsentState } from './use-consent-state';

function TesterAgreement({ state, onAgree }: { state: ConsentState; onAgree: () => void }) {
  const [agreed, setAgreed] = useState(false);
  return (
    <div class="tester-explainer" role="region" aria-labelledby="tester-terms">
      <h3 id="tester-terms">{t('testerHeading')}</h3>
      {[...testerParagraphs(), ...explainerParagraphs(state.origin)].map((line) => <p key={line}>{line}</p>)}
      <ul class="policy">{policyLines(state.origin, state.policy).map((line) => <li key={line}>{line}</li>)}</ul>
      <label class="choice">
        <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.currentTarget.checked)} />
        {t('testerAgree')}
      </label>
      <div class="buttons start">
        <button type="button" class="primary" disabled={!agreed} onClick={onAgree}>{t('testerTurnOn')}</button>
      </div>
    </div>
  );
}

export function TesterSection({ state }: { state: ConsentState }) {
  const [asking, setAsking] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const on = state.options.trustedTester;
  const outdated = on && needsAgreement(state.testerNotice, state.tester);

  const turnOn = async () => {
    const { version, hash } = state.testerNotice;
    // The agreement (with its time, kept in this browser only) is stored before the mode goes on.
    await saveConsent(browser.storage.local, {
      noticeVersion: version, noticeHash: hash, acceptedAt: new Date().toISOString(), locale: shownLocale(),
    }, TESTER_CONSENT_KEY);
    await saveOptions({ trustedTester: true });
    setAsking(false);
    setStatus(t('testerIsOn'));
  };
  const turnOff = async () => {
    await saveOptions({ trustedTester: false });
    await browser.storage.local.remove(TESTER_CONSENT_KEY);
    setAsking(false);
    setStatus(t('testerIsOff'));
  };

  const onSwitch = (box: HTMLInputElement) => {
    if (!box.checked) return void turnOff();
    // On only after agreement: the switch stays off while the explainer asks.
    box.checked = false;
    setAsking(true);
  };

  return (
    <section aria-labelledby="tester-heading">
      <h2 id="tester-heading">{t('testerSwitch')}</h2>
      <label class="choice">
        <input type="checkbox" role="switch" checked={on} onChange={(e) => onSwitch(e.currentTarget)} />
        {t('testerSwitch')}
      </label>
      {on && state.tester && !outdated
        && <p class="hint">{t('testerOnSince', [formatWhen(state.tester.acceptedAt, t('localeCode')), state.tester.noticeVersion, state.tester.locale])}</p>}
      {outdated && <p class="warning">{t('testerOutdated')}</p>}
      {(asking || outdated) && <TesterAgreement state={state} onAgree={() => void turnOn()} />}
      {status && <p class="status status-ok" role="status">{status}</p>}
    </section>
  );
}
