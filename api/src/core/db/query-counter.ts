import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts SQL statements per scope (a request, a test). Used by the statement-bound test and the
 * benchmarks; cheap enough to stay on in production (one counter increment per statement).
 */
export class StatementCounter {
  private readonly store = new AsyncLocalStorage<{ count: number }>();
  total = 0;

  run<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const box = { count: 0 };
    return this.store.run(box, async () => ({ result: await fn(), statements: box.count }));
  }

  record(): void {
    this.total += 1;
    const box = this.store.getStore();
    if (box) box.count += 1;
  }
}

export const statementCounter = new StatementCounter();

export class CountingLogger implements TypeOrmLogger {
  logQuery(): void {
    statementCounter.record();
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
