import { describe, expect, it } from 'vitest';
import { limitOf, TEXT_LIMITS } from './text-limits';

describe('text limits', () => {
  it('reads the limit a TOO_LONG refusal names', () => {
    expect(limitOf('reason is too long: at most 500 characters (got 501).')).toBe('500');
    expect(limitOf('something else')).toBe('');
  });

  it('gives a message 2,000 characters and every reason or comment 500', () => {
    expect(TEXT_LIMITS.messageBody).toBe(2000);
    expect(new Set(Object.entries(TEXT_LIMITS).filter(([k]) => k !== 'messageBody').map(([, v]) => v))).toEqual(new Set([500]));
  });
});
