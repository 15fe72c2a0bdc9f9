// The setup most end-to-end files share: the claude.ai lookalike serving one chat, a capture
// endpoint, and Chromium with the extension, its endpoint set through the options page.
import { configureEndpoint, launchWithExtension, type ExtensionBrowser } from './browser';
import { startCaptureEndpoint, startLookalike, type CaptureEndpoint, type Lookalike } from './servers';
import type { LookalikeChat } from './claude-lookalike';

export interface LookalikeSetup {
  site: Lookalike;
  endpoint: CaptureEndpoint;
  browser: ExtensionBrowser;
}

/** `configure: false` leaves the options untouched, for a test that fills them in itself. */
export async function startLookalikeSetup(chat: LookalikeChat, { configure = true } = {}): Promise<LookalikeSetup> {
  const [site, endpoint] = await Promise.all([startLookalike([chat]), startCaptureEndpoint()]);
  const browser = await launchWithExtension({ lookalikePort: site.port });
  if (configure) await configureEndpoint(browser, endpoint.url);
  return { site, endpoint, browser };
}

/** Closes whatever of a setup was started (a failed beforeAll may leave parts undefined). */
export async function stopLookalikeSetup(parts: Partial<LookalikeSetup>): Promise<void> {
  await parts.browser?.close();
  await Promise.all([parts.site?.close(), parts.endpoint?.close()]);
}
