import { describe, expect, it } from 'vitest';
import { CONSENT_KEY, loadConsent, needsAgreement, parseConsent, saveConsent, type AcceptedConsent } from '../../../src/core/consent';

const accepted: AcceptedConsent = { noticeVersion: 'v1', noticeHash: 'a'.repeat(64), acceptedAt: '2026-11-28T10:00:00.000Z', locale: 'de' };

function memoryArea() {
  const store: Record<string, unknown> = {};
  return {
    store,
    get: async (key: string) => (key in store ? { [key]: store[key] } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(store, items),
  };
}

describe('consent record', () => {
  it('needs agreement when nothing was accepted', () => {
    expect(needsAgreement({ version: 'v1', hash: 'a'.repeat(64) }, null)).toBe(true);
  });

  it('does not need it again for the same version and hash', () => {
    expect(needsAgreement({ version: 'v1', hash: 'a'.repeat(64) }, accepted)).toBe(false);
  });

  it('needs it again when the version or the hash changes', () => {
    expect(needsAgreement({ version: 'v2', hash: 'a'.repeat(64) }, accepted)).toBe(true);
    expect(needsAgreement({ version: 'v1', hash: 'b'.repeat(64) }, accepted)).toBe(true);
  });

  it('ignores stored values that are not a consent record', () => {
    expect(parseConsent(undefined)).toBeNull();
    expect(parseConsent('yes')).toBeNull();
    expect(parseConsent({ ...accepted, noticeHash: 7 })).toBeNull();
    expect(parseConsent({ ...accepted, locale: '' })).toBeNull();
    expect(parseConsent({ ...accepted, extra: 1 })).toEqual(accepted);
  });

  it('saves under the "consent" key and loads it back', async () => {
    const area = memoryArea();
    expect(await loadConsent(area)).toBeNull();
    await saveConsent(area, accepted);
    expect(area.store[CONSENT_KEY]).toEqual(accepted);
    expect(CONSENT_KEY).toBe('consent');
    expect(await loadConsent(area)).toEqual(accepted);
  });
});
