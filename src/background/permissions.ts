// Host permission for the endpoint's origin. The options page asks for it on save; the user can
// revoke it at any time (browser settings, or the browser itself). Reports for an endpoint without
// it are held: not attempted and not marked failed, and sent once the permission is back.
import browser from 'webextension-polyfill';
import { checkEndpoint, originPattern } from '../shared/endpoint';

/**
 * granted: https with the origin's permission; not_needed: loopback (the manifest grants it);
 * missing: https without it (never asked, denied or revoked); invalid: not an endpoint at all.
 */
export type EndpointAccess = 'granted' | 'not_needed' | 'missing' | 'invalid';

export type ContainsOrigins = (origins: string[]) => Promise<boolean>;

const browserContains: ContainsOrigins = (origins) => browser.permissions.contains({ origins });

export async function endpointAccess(endpoint: string, contains: ContainsOrigins = browserContains): Promise<EndpointAccess> {
  const checked = checkEndpoint(endpoint);
  if (!checked.ok) return 'invalid';
  if (checked.loopback) return 'not_needed';
  try {
    return (await contains([originPattern(checked.url)])) ? 'granted' : 'missing';
  } catch {
    // A pattern the browser cannot read is no permission.
    return 'missing';
  }
}

/** The endpoints among `endpoints` whose delivery waits for a permission (each asked once). */
export async function heldEndpoints(endpoints: Iterable<string>, contains: ContainsOrigins = browserContains): Promise<Set<string>> {
  const held = new Set<string>();
  for (const endpoint of new Set(endpoints)) {
    if ((await endpointAccess(endpoint, contains)) === 'missing') held.add(endpoint);
  }
  return held;
}

/** Whether a (newly added) permission covers this endpoint. */
export function coversEndpoint(origins: readonly string[] | undefined, endpoint: string): boolean {
  const checked = checkEndpoint(endpoint);
  return checked.ok && (origins ?? []).includes(originPattern(checked.url));
}

export interface PermissionWatch {
  /** A permission came back: resume what waited for it. */
  onAdded(origins: string[]): void;
  /** A permission went: open pages should say so. */
  onRemoved(origins: string[]): void;
}

/** Registers the listeners (synchronously, at the worker's top level, as MV3 requires). */
export function watchPermissions(watch: PermissionWatch): void {
  browser.permissions.onAdded.addListener((p) => watch.onAdded(p.origins ?? []));
  browser.permissions.onRemoved.addListener((p) => watch.onRemoved(p.origins ?? []));
}
