import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

/** The README's scenario commands, run as an operator runs them, and what they must print. */
async function scenario(name: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/scenario', `${name}.ts`)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', TSX_TSCONFIG_PATH: path.join(ROOT, 'api/tsconfig.json') },
    timeout: 110_000,
  });
  return stdout;
}

describe('scenarios', () => {
  it('pnpm scenario:transfer moves two pupils between districts and prints each history', async () => {
    const out = await scenario('transfer');
    expect(out).toContain('needs approval of districts 330102, 330106; may ANSWER');
    expect(out).toMatch(/林小雨: 杭州市西湖区学军小学 → 杭州市上城区胜利小学, COMPLETED/);
    expect(out).toMatch(/TRANSFER_APPROVED\s+district\.sc[\s\S]*TRANSFER_APPROVED\s+district\.xh[\s\S]*TRANSFER_COMPLETED/);
    expect(out).toMatch(/record \d+ at 杭州市西湖区学军小学: TRANSFERRED_OUT → continued by record \d+/);
    expect(out).toContain('before the deadline the reviewer may: nothing yet');
    expect(out).toContain('after it: overdue true, may DECIDE');
    expect(out).toContain('RESOLVED, closed by TRANSFERRED');
    expect(out).toMatch(/"byRegionPair":\[\{"fromRegionCode":"330106","toRegionCode":"330102","completed":2\}\]/);
  });

  it('pnpm scenario:negotiate ends in the reviewer’s decision', async () => {
    const out = await scenario('negotiate');
    expect(out).toContain('final status: RESOLVED');
    expect(out).toMatch(/PROPOSAL_REJECTED[\s\S]*PROBLEM_ESCALATED[\s\S]*ARBITRATION_DECIDED/);
  });
});
