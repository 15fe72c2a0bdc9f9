// Every extension page starts the same way: the chosen language first, then the page in it.
import { t, type MessageKey } from './i18n';
import { applyStoredLanguage } from './language';

export async function startPage(titleKey: MessageKey, render: () => void): Promise<void> {
  try {
    await applyStoredLanguage();
  } catch {
    // Options unreadable: the browser's language still gives a usable page.
  }
  document.documentElement.lang = t('localeCode');
  document.title = t(titleKey);
  render();
}
