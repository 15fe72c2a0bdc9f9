// The options page: endpoint, token, sites, language and contact in one form; the agreement
// and trusted-tester mode in their own sections. Each field is its own labelled control; the
// status after saving says what was saved or why nothing was.
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_ENDPOINT, loadOptions, MAX_CONTACT, type Options } from '../shared/options';
import { SITE_IDS, type SiteId } from '../shared/schema';
import { t, type MessageKey } from '../ui/i18n';
import { applyLanguage } from '../ui/language';
import { explainerPageUrl } from '../ui/links';
import { ConsentSection } from './ConsentSection';
import { saveSettings, type SaveError, type SettingsForm } from './save-settings';
import { TesterSection } from './TesterSection';
import { useConsentState } from './use-consent-state';
import { Welcome } from './Welcome';

const SAVE_ERROR_KEYS: Record<SaveError, MessageKey> = {
  endpoint_invalid_url: 'endpointInvalidUrl',
  endpoint_insecure: 'endpointInsecure',
  endpoint_has_credentials: 'endpointHasCredentials',
  permission_denied: 'endpointPermissionDenied',
  save_failed: 'saveFailed',
};

const SITE_KEYS: Record<SiteId, MessageKey> = { 'claude.ai': 'siteClaudeAi', demo: 'siteDemo' };
const LANGUAGE_KEYS: Record<Options['language'], MessageKey> = { auto: 'languageAuto', en: 'languageEn', de: 'languageDe' };

type Status = { ok: true; text: string } | { ok: false; text: string } | null;

function SiteSwitches({ sites, onChange }: { sites: Options['sites']; onChange: (s: Options['sites']) => void }) {
  return (
    <fieldset>
      <legend>{t('sitesLegend')}</legend>
      {SITE_IDS.map((id) => (
        <label key={id} class="choice">
          <input type="checkbox" role="switch" checked={sites[id]}
            onChange={(e) => onChange({ ...sites, [id]: e.currentTarget.checked })} />
          {t(SITE_KEYS[id])}
        </label>
      ))}
    </fieldset>
  );
}

function OptionsForm({ initial, onSaved }: { initial: Options; onSaved: (o: Options) => Promise<void> }) {
  const [form, setForm] = useState<SettingsForm>(initial);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<SettingsForm>) => setForm({ ...form, ...patch });

  const onSubmit = (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    // saveSettings asks for permission synchronously, inside this user gesture.
    void saveSettings(form).then(async (outcome) => {
      setBusy(false);
      if (!outcome.ok) return setStatus({ ok: false, text: t(SAVE_ERROR_KEYS[outcome.error]) });
      setForm({ ...form, endpoint: outcome.options.endpoint, reporterContact: outcome.options.reporterContact });
      await onSaved(outcome.options);
      setStatus({ ok: true, text: t('savedTo', outcome.options.endpoint) });
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <label for="endpoint" class="field-label">{t('endpointLabel')}</label>
      <input id="endpoint" type="url" value={form.endpoint} aria-describedby="endpoint-hint" spellcheck={false}
        onInput={(e) => set({ endpoint: e.currentTarget.value })} />
      <p id="endpoint-hint" class="hint">{t('endpointHint', DEFAULT_ENDPOINT)}</p>
      <label for="token" class="field-label">{t('tokenLabel')}</label>
      <input id="token" type="password" autocomplete="off" value={form.token} aria-describedby="token-hint"
        onInput={(e) => set({ token: e.currentTarget.value })} />
      <p id="token-hint" class="hint">{t('tokenHint')}</p>
      <SiteSwitches sites={form.sites} onChange={(sites) => set({ sites })} />
      <label for="language" class="field-label">{t('languageLabel')}</label>
      <select id="language" value={form.language} onChange={(e) => set({ language: e.currentTarget.value as Options['language'] })}>
        {(Object.keys(LANGUAGE_KEYS) as Options['language'][]).map((l) => <option key={l} value={l}>{t(LANGUAGE_KEYS[l])}</option>)}
      </select>
      <label for="contact" class="field-label">{t('contactLabel')}</label>
      <input id="contact" type="text" autocomplete="email" maxLength={MAX_CONTACT} value={form.reporterContact} aria-describedby="contact-hint"
        onInput={(e) => set({ reporterContact: e.currentTarget.value })} />
      <p id="contact-hint" class="hint">{t('contactHint')}</p>
      <div class="buttons start">
        <button type="submit" class="primary" disabled={busy}>{t('save')}</button>
      </div>
      {status && <p class={`status ${status.ok ? 'status-ok' : 'status-error'}`} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </form>
  );
}

export function OptionsPage() {
  const [options, setOptions] = useState<Options | null>(null);
  // The language shown; changing it in the form re-renders the page in the new language.
  const [shown, setShown] = useState<string>(t('localeCode'));
  const consent = useConsentState(shown);
  useEffect(() => {
    void loadOptions().then(setOptions);
  }, []);
  const onSaved = async (saved: Options) => {
    await applyLanguage(saved.language);
    document.documentElement.lang = t('localeCode');
    document.title = t('optionsTitle');
    setShown(t('localeCode'));
  };
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {location.hash === '#welcome' && <Welcome />}
      {options ? <OptionsForm initial={options} onSaved={onSaved} /> : <p role="status">{t('loading')}</p>}
      {consent && <ConsentSection state={consent} />}
      {consent && <TesterSection state={consent} />}
      <p><a href={explainerPageUrl()} target="_blank" rel="noopener">{t('whatIsSharedLink')}</a></p>
    </main>
  );
}
