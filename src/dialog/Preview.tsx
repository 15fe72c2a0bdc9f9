// A readable view of the report that will be sent, built from the very envelope that is posted,
// and that envelope's exact JSON on demand.
import { useState } from 'preact/hooks';
import type { Envelope, Omission, Settings } from '../shared/schema';
import { t } from '../ui/i18n';
import { INTEGRATION_KEYS, OMISSION_KEYS } from './labels';
import { TurnView } from './TurnView';

function omissionText(o: Omission): string {
  const what = o.kind === 'integration' ? t(INTEGRATION_KEYS[o.source ?? 'connector']) : t(OMISSION_KEYS[o.kind]);
  return t('omissionCount', [what, String(o.count)]);
}

function featureValue(value: boolean | string): string {
  if (value === true) return t('featureOn');
  if (value === false) return t('featureOff');
  return value;
}

function SettingsView({ settings }: { settings: Settings }) {
  const features = Object.entries(settings.features);
  return (
    <dl class="settings">
      <dt>{t('settingModel')}</dt>
      <dd>{settings.model ?? t('unknown')}</dd>
      <dt>{t('settingStyle')}</dt>
      <dd>{settings.style.name ?? t('unknown')}</dd>
      {settings.style.instructions !== null && (
        <>
          <dt>{t('settingStyleInstructions')}</dt>
          <dd><pre>{settings.style.instructions}</pre></dd>
        </>
      )}
      <dt>{t('settingFeatures')}</dt>
      <dd>{features.length ? features.map(([k, v]) => `${k}: ${featureValue(v)}`).join(', ') : t('none')}</dd>
    </dl>
  );
}

export function Preview({ envelope }: { envelope: Envelope }) {
  const [showJson, setShowJson] = useState(false);
  const { conversation, omissions, rated_turn: ratedTurn } = envelope.report;
  const json = JSON.stringify(envelope, null, 2);
  return (
    <section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('previewHeading')}</h2>
      <p>{conversation.source === 'api' ? t('sourceApi') : t('sourcePage')}</p>
      {(conversation.source === 'page' || !conversation.complete) && <p class="warning" role="note">{t('warnPageIncomplete')}</p>}
      {conversation.matches_page === false && <p class="warning" role="note">{t('warnMismatch')}</p>}
      <h3>{t('previewSettings')}</h3>
      <SettingsView settings={conversation.settings} />
      <h3>{t('previewTurns', String(conversation.turns.length))}</h3>
      <ol class="turns">
        {conversation.turns.map((turn, i) => <TurnView key={i} turn={turn} rated={i === ratedTurn} />)}
      </ol>
      <h3>{t('previewLeftOut')}</h3>
      {omissions.length
        ? <ul>{omissions.map((o) => <li key={`${o.kind}:${o.source}`}>{omissionText(o)}</li>)}</ul>
        : <p>{t('nothingLeftOut')}</p>}
      <button type="button" class="link-button" aria-expanded={showJson} aria-controls="exact-json" onClick={() => setShowJson(!showJson)}>
        {t('showJson')}
      </button>
      {showJson && <pre id="exact-json" class="json" tabIndex={0} aria-label={t('exactJson')}>{json}</pre>}
    </section>
  );
}
