import { z } from 'zod';
import { key32, KEY_ID_PATTERN, parseDataKeys } from './crypto/index.js';

/**
 * Every environment variable the product reads, parsed once at start. A bad value stops the
 * process with a message naming the variable, instead of failing later in some request.
 */
const durationPattern = /^\d+[smhd]$/;

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // The secret being rotated out: sessions it signed stay valid until they expire (at most JWT_TTL).
  JWT_PREVIOUS_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Encryption at rest (README, Security): `id:base64(32 bytes)` entries, the one sealing new values,
  // and the blind-index key. Unset: generated into DATA_DIR on first start, like JWT_SECRET.
  DATA_KEYS: z.string().optional(),
  DATA_KEY_ID: z.string().regex(KEY_ID_PATTERN, 'must be 1–16 letters, digits, _ or -').optional(),
  BLIND_INDEX_KEY: z.string().refine((v) => key32(v) !== null, 'must be 32 bytes in base64 (openssl rand -base64 32)').optional(),
  JWT_TTL: z.string().regex(durationPattern, 'must look like 30m, 8h or 1d').default('8h'),
  // How long a request may rely on an earlier check that its session is open and its user enabled.
  SESSION_RECHECK_SECONDS: z.coerce.number().int().min(0).max(30).default(30),
  // Sign-ins checked per client address in 15 minutes (each username has its own 10): enough for a
  // school office behind one address, too few for one address to lock out every username in turn.
  LOGIN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(10).max(10_000).default(50),
  IMPORT_MAX_MB: z.coerce.number().int().min(1).max(4096).default(200),
  // Hours an upload may wait for its import; after that the import refuses it and the sweep removes it.
  UPLOAD_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  // Uploads one user may have waiting for an import; together they may also hold at most 2 × IMPORT_MAX_MB.
  UPLOAD_MAX_PENDING: z.coerce.number().int().min(1).max(100).default(5),
  // An import whose rows match pupils of other schools this often is held for the district to
  // approve (a file of guessed ID numbers would otherwise find where any child is at school):
  // held at IMPORT_HOLD_MATCHES matches, or at a share of IMPORT_HOLD_SHARE of its rows once it has
  // at least 5 (see MIN_SHARE_MATCHES in the import service).
  IMPORT_HOLD_MATCHES: z.coerce.number().int().min(1).max(1_000_000).default(20),
  IMPORT_HOLD_SHARE: z.coerce.number().gt(0).max(1).default(0.05),
  // Cross-school matches one user's imports may land per day (China time) before the next is held.
  IMPORT_DAILY_MATCH_CAP: z.coerce.number().int().min(1).max(10_000_000).default(50),
  MATERIAL_MAX_MB: z.coerce.number().int().min(1).max(100).default(10),
  PROBLEM_DEADLINE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  // The old school answers a transfer request within this many days; then its district decides.
  TRANSFER_ANSWER_DAYS: z.coerce.number().int().min(1).max(90).default(10),
  // The day pupils of a graduating grade graduate (MM-DD, China time): problems holding one count down to it.
  GRADUATION_DATE: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'write it as MM-DD, e.g. 06-30').default('06-30'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Materials go to an S3-compatible bucket when a bucket is named, else to DATA_DIR/materials.
  MATERIALS_S3_BUCKET: z.string().min(3).optional(),
  MATERIALS_S3_ENDPOINT: z.string().url('must be a URL such as https://minio.example.org:9000').optional(),
  MATERIALS_S3_REGION: z.string().min(1).default('us-east-1'),
  MATERIALS_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  MATERIALS_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  MATERIALS_S3_PATH_STYLE: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  MATERIALS_S3_PREFIX: z.string().default('materials/'),
  // Days the read log is kept; the law asks for at least six months, so less is refused.
  ACCESS_LOG_RETENTION_DAYS: z.coerce.number().int().min(183, 'must be at least 183 (six months)').default(183),
  // Behind a reverse proxy that terminates TLS: trust its X-Forwarded-* headers (one hop).
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(5).max(50).default(12),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(20000),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(15),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(5000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
}).superRefine(checkDataKeys);

/** The data keys come as a set: a key ring half configured would seal with one key and index with a generated one. */
function checkDataKeys(env: { DATA_KEYS?: string; DATA_KEY_ID?: string; BLIND_INDEX_KEY?: string }, ctx: z.RefinementCtx): void {
  const issue = (variable: string, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
  if (!env.DATA_KEYS) {
    if (env.BLIND_INDEX_KEY || env.DATA_KEY_ID) issue('DATA_KEYS', 'must be set with BLIND_INDEX_KEY and DATA_KEY_ID (or none of them, to keep generated keys in DATA_DIR)');
    return;
  }
  if (!env.BLIND_INDEX_KEY) issue('BLIND_INDEX_KEY', 'must be set when DATA_KEYS is');
  const { keys, errors } = parseDataKeys(env.DATA_KEYS);
  for (const error of errors) issue('DATA_KEYS', error);
  if (errors.length > 0) return;
  if (!env.DATA_KEY_ID && keys.size > 1) issue('DATA_KEY_ID', 'must name the key that seals new values when DATA_KEYS has several');
  else if (env.DATA_KEY_ID && !keys.has(env.DATA_KEY_ID)) issue('DATA_KEY_ID', `must be one of the ids in DATA_KEYS (${[...keys.keys()].join(', ')})`);
}

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set": shells and .env files often leave them empty.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
