// First run (the background opens options#welcome on install): where reports go, and that
// nothing is sent before the user agrees.
import { t } from '../ui/i18n';
import { explainerPageUrl } from '../ui/links';

export function Welcome() {
  return (
    <section class="welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">{t('welcomeHeading')}</h2>
      <p>{t('welcomeIntro')}</p>
      <ol>
        <li>{t('welcomeEndpoint')}</li>
        <li>{t('welcomeConsent')} <a href={explainerPageUrl()} target="_blank" rel="noopener">{t('whatIsSharedLink')}</a></li>
      </ol>
    </section>
  );
}
