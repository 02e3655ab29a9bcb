import { describe, expect, it } from 'vitest';
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
