// The rating (switchable) and, for "Not helpful" only, the reasons.
import { REASONS, type Reason } from '../shared/schema';
import type { Rating } from '../shared/messages';
import { t } from '../ui/i18n';
import { REASON_KEYS } from './labels';

export function RatingChoice({ rating, onChange }: { rating: Rating; onChange: (r: Rating) => void }) {
  const options: [Rating, string][] = [['helpful', t('helpful')], ['not_helpful', t('notHelpful')]];
  return (
    <fieldset class="rating">
      <legend>{t('ratingLegend')}</legend>
      {options.map(([value, label]) => (
        <label key={value} class="choice">
          <input type="radio" name="rating" value={value} checked={rating === value} onChange={() => onChange(value)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

export function ReasonChoices({ reasons, onChange }: { reasons: Reason[]; onChange: (r: Reason[]) => void }) {
  const toggle = (reason: Reason, on: boolean) =>
    // Kept in the schema's order, so the same choices always give the same report.
    onChange(REASONS.filter((r) => (r === reason ? on : reasons.includes(r))));
  return (
    <fieldset class="reasons">
      <legend>{t('reasonsLegend')}</legend>
      {REASONS.map((reason) => (
        <label key={reason} class="choice">
          <input type="checkbox" checked={reasons.includes(reason)} onChange={(e) => toggle(reason, e.currentTarget.checked)} />
          {t(REASON_KEYS[reason])}
        </label>
      ))}
    </fieldset>
  );
}
