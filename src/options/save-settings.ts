// Saving the options form. A non-loopback endpoint needs host permission, and the browser asks
// for it only inside the user's click: permissions.request is the first call here, before any
// await. Nothing is saved when the endpoint is refused or the permission denied.
import browser from 'webextension-polyfill';
import { checkEndpoint, originPattern, type EndpointCheck } from '../shared/endpoint';
import { saveOptions, type Options } from '../shared/options';

/** The fields the form edits; trusted-tester mode has its own agreement step (TesterSection). */
export type SettingsForm = Pick<Options, 'endpoint' | 'token' | 'sites' | 'language' | 'reporterContact'>;

export type SaveError = Extract<EndpointCheck, { ok: false }>['error'] | 'permission_denied' | 'save_failed';
export type SaveOutcome = { ok: true; options: Options } | { ok: false; error: SaveError };

export async function saveSettings(form: SettingsForm): Promise<SaveOutcome> {
  const checked = checkEndpoint(form.endpoint);
  if (!checked.ok) return { ok: false, error: checked.error };
  try {
    const granted = checked.loopback || await browser.permissions.request({ origins: [originPattern(checked.url)] });
    if (!granted) return { ok: false, error: 'permission_denied' };
    const options = await saveOptions({
      endpoint: checked.url.href, token: form.token.trim(), sites: form.sites, language: form.language,
      reporterContact: form.reporterContact.trim(),
    });
    return { ok: true, options };
  } catch {
    return { ok: false, error: 'save_failed' };
  }
}
