// The reporter contact from the options, attached only when the user leaves the box ticked:
// it travels in the envelope's `reporter` part, beside the report, never inside it.
import { t } from '../ui/i18n';

export function ContactChoice({ contact, attach, onChange }: { contact: string; attach: boolean; onChange: (on: boolean) => void }) {
  return (
    <>
      <label class="choice">
        <input type="checkbox" checked={attach} aria-describedby="contact-hint" onChange={(e) => onChange(e.currentTarget.checked)} />
        {t('contactAttach', contact)}
      </label>
      <p id="contact-hint" class="hint">{t('contactAttachHint')}</p>
    </>
  );
}
