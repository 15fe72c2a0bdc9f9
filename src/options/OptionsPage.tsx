// The options page: endpoint, token, sites. Each field is its own labelled control; the status
// after saving says what was saved or why nothing was.
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_ENDPOINT, loadOptions, type Options } from '../shared/options';
import { SITE_IDS, type SiteId } from '../shared/schema';
import { t, type MessageKey } from '../ui/i18n';
import { saveSettings, type SaveError, type SettingsForm } from './save-settings';

const SAVE_ERROR_KEYS: Record<SaveError, MessageKey> = {
  endpoint_invalid_url: 'endpointInvalidUrl',
  endpoint_insecure: 'endpointInsecure',
  endpoint_has_credentials: 'endpointHasCredentials',
  permission_denied: 'endpointPermissionDenied',
  save_failed: 'saveFailed',
};

const SITE_KEYS: Record<SiteId, MessageKey> = { 'claude.ai': 'siteClaudeAi', demo: 'siteDemo' };

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

function OptionsForm({ initial }: { initial: Options }) {
  const [form, setForm] = useState<SettingsForm>({ endpoint: initial.endpoint, token: initial.token, sites: initial.sites });
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<SettingsForm>) => setForm({ ...form, ...patch });

  const onSubmit = (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    // saveSettings asks for permission synchronously, inside this user gesture.
    void saveSettings(form).then((outcome) => {
      setBusy(false);
      if (!outcome.ok) return setStatus({ ok: false, text: t(SAVE_ERROR_KEYS[outcome.error]) });
      setForm({ ...form, endpoint: outcome.options.endpoint });
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
      {/* Language (auto / en / de) and consent come here with issue 5, as fields of the same form. */}
      <div class="buttons start">
        <button type="submit" class="primary" disabled={busy}>{t('save')}</button>
      </div>
      {status && <p class={`status ${status.ok ? 'status-ok' : 'status-error'}`} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </form>
  );
}

export function OptionsPage() {
  const [options, setOptions] = useState<Options | null>(null);
  useEffect(() => {
    void loadOptions().then(setOptions);
  }, []);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {options ? <OptionsForm initial={options} /> : <p role="status">{t('loading')}</p>}
    </main>
  );
}
