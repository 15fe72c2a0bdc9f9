// One report in full: what was rated and why, the settings and consent it carries, and the
// conversation as text.
import type { ReportDetail } from '../summary';
import { Conversation } from './Conversation';
import { TEXT } from './text';
import { formatOmissions, formatTime, reasonText } from './format';

function Row({ label, value }: { label: string; value: string }) {
  return <><dt>{label}</dt><dd>{value}</dd></>;
}

export function ReportView({ detail }: { detail: ReportDetail }) {
  const r = detail.report;
  const { settings } = r.conversation;
  const features = Object.entries(settings.features).map(([k, v]) => `${k}: ${String(v)}`).join(', ');
  return (
    <article class="report">
      <h2>{`${TEXT.reportHeading} ${r.id}`}</h2>
      <dl class="facts">
        <Row label={TEXT.received} value={formatTime(detail.received_at)} />
        <Row label={TEXT.ratingFilter} value={TEXT[r.rating ?? 'shared']} />
        <Row label={TEXT.reasons} value={reasonText(r.reasons) || TEXT.none} />
        <Row label={TEXT.comment} value={r.comment || TEXT.none} />
        <Row label={TEXT.site} value={r.site} />
        <Row label={TEXT.source} value={`${r.conversation.source}, complete: ${r.conversation.complete ? TEXT.yes : TEXT.no}, matches page: ${r.conversation.matches_page ?? TEXT.unknown}`} />
        <Row label={TEXT.omissions} value={formatOmissions(r.omissions) || TEXT.none} />
        <Row label={TEXT.consent} value={`${r.consent.notice_version}, ${r.consent.locale}${r.consent.trusted_tester ? `, ${TEXT.trustedTester}` : ''}`} />
        <Row label={TEXT.client} value={`${r.client.browser} ${r.client.extension_version}`} />
      </dl>
      <h3>{TEXT.settings}</h3>
      <dl class="facts">
        <Row label={TEXT.model} value={settings.model ?? TEXT.unknown} />
        <Row label={TEXT.style} value={settings.style.name ?? TEXT.unknown} />
        {settings.style.instructions !== null && <Row label={TEXT.styleInstructions} value={settings.style.instructions} />}
        <Row label={TEXT.features} value={features || TEXT.none} />
      </dl>
      <h3>{TEXT.conversation}</h3>
      <Conversation turns={r.conversation.turns} ratedTurn={r.rated_turn} />
      <details>
        <summary>{TEXT.rawJson}</summary>
        <pre>{JSON.stringify(r, null, 2)}</pre>
      </details>
    </article>
  );
}
