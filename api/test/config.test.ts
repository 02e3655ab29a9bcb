import { describe, expect, it } from 'vitest';
import { deriveKeys, signSessionToken, verifySessionToken } from '../src/core/auth/tokens.js';
import { ConfigError, parseConfig } from '../src/core/config.js';

describe('configuration', () => {
  it('uses the documented defaults', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ PORT: 4000, DATA_DIR: './data', JWT_TTL: '8h' });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(4000);
  });

  it('names every bad variable at once', () => {
    expect(() => parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' })).toThrow(ConfigError);
    try {
      parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL: must be a postgres://');
      expect(message).toContain('JWT_SECRET: must be at least 32 characters');
    }
  });
});

describe('JWT secret rotation', () => {
  it('accepts sessions signed with the previous secret until they expire, signs new ones with the current one only', async () => {
    const claims = { sessionId: '0b0e1c9e-3f7a-4a57-9d43-1f6a7f3c2b10', userId: '7' };
    const inAnHour = new Date(Date.now() + 3_600_000);
    const old = 'old-secret-old-secret-old-secret-0123';
    const current = 'new-secret-new-secret-new-secret-4567';
    const oldSession = await signSessionToken(deriveKeys(old), claims, inAnHour);
    const rotating = deriveKeys(current, old);
    expect(await verifySessionToken(rotating, oldSession)).toEqual({ ...claims, expiresAtMs: Math.floor(inAnHour.getTime() / 1000) * 1000 });
    const newSession = await signSessionToken(rotating, claims, inAnHour);
    await expect(verifySessionToken(deriveKeys(old), newSession)).rejects.toThrow(/not valid/);
    // Once the previous secret is dropped, its sessions end.
    await expect(verifySessionToken(deriveKeys(current), oldSession)).rejects.toThrow(/not valid/);
    const expired = await signSessionToken(deriveKeys(old), claims, new Date(Date.now() - 1_000));
    await expect(verifySessionToken(rotating, expired)).rejects.toThrow(/expired/);
  });
});
