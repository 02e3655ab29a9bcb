import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'pss' },
    // Never let credentials or personal identifiers reach the logs by accident.
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password', 'variables.password'],
      censor: '[redacted]',
    },
  });
}
