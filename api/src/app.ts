import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { deriveKeys, type TokenKeys } from './core/auth/tokens.js';
import type { Config } from './core/config.js';
import { embeddedDirFor, openDatabase, type Database } from './core/db/data-source.js';
import { lockDataDir } from './core/db/lock.js';
import { asOwner, NO_ROWS, type RowScope } from './core/db/row-scope.js';
import { InitialSchema1764374400000 } from './core/db/migrations/1764374400000-initial-schema.js';
import { LoadRegions1764374400001 } from './core/db/migrations/1764374400001-load-regions.js';
import { ImportAndDetection1764460800000 } from './core/db/migrations/1764460800000-import-and-detection.js';
import { Materials1764547200000 } from './core/db/migrations/1764547200000-materials.js';
import { Actions1764547200001 } from './core/db/migrations/1764547200001-actions.js';
import { Negotiation1764547200002 } from './core/db/migrations/1764547200002-negotiation.js';
import { ProblemOrder1764633600000 } from './core/db/migrations/1764633600000-problem-order.js';
import { SavedReports1764633600001 } from './core/db/migrations/1764633600001-saved-reports.js';
import { LoginFailures1764633600002 } from './core/db/migrations/1764633600002-login-failures.js';
import { AccessLog1764633600003 } from './core/db/migrations/1764633600003-access-log.js';
import { RowSecurity1764720000000 } from './core/db/migrations/1764720000000-row-security.js';
import { Sessions1764806400000 } from './core/db/migrations/1764806400000-sessions.js';
import { ImportHolds1764892800000 } from './core/db/migrations/1764892800000-import-holds.js';
import { EncryptionAtRest1764892800001 } from './core/db/migrations/1764892800001-encryption-at-rest.js';
import { AppClock1764979200000 } from './core/db/migrations/1764979200000-app-clock.js';
import { ProblemScopeKeys1765065600000 } from './core/db/migrations/1765065600000-problem-scope-keys.js';
import { Transfers1765152000000 } from './core/db/migrations/1765152000000-transfers.js';
import { MatchDisclosures1765152000001 } from './core/db/migrations/1765152000001-match-disclosures.js';
import { RevokedDistinctPupils1765152000002 } from './core/db/migrations/1765152000002-revoked-distinct-pupils.js';
import { PoliceChecks1765152000003 } from './core/db/migrations/1765152000003-police-checks.js';
import { VerificationCampaigns1765152000004 } from './core/db/migrations/1765152000004-verification-campaigns.js';
import { GraduationUrgency1765152000005 } from './core/db/migrations/1765152000005-graduation-urgency.js';
import { CampaignEscalations1765152000006 } from './core/db/migrations/1765152000006-campaign-escalations.js';
import { MatchSuggestions1765152000007 } from './core/db/migrations/1765152000007-match-suggestions.js';
import { resolveKeyRing, useKeyRing } from './core/crypto/index.js';
import { createLogger, type Logger } from './core/logger.js';
import { resolveJwtSecret } from './core/secrets.js';
import { Problem, ProblemMemberRow } from './problems/problem/problem.entity.js';
import { ActionService } from './problems/action/action.service.js';
import { DetectionService } from './problems/detection/detection.service.js';
import { EscalationService } from './problems/escalation/escalation.service.js';
import { ReviewService } from './problems/review/review.service.js';
import { NegotiationService } from './problems/negotiation/negotiation.service.js';
import { RestoreService } from './problems/review/restore.js';
import { ProblemService } from './problems/problem/problem.service.js';
import { TransferService } from './problems/transfer/transfer.service.js';
import { PoliceService } from './problems/police/police.service.js';
import { VerificationService } from './problems/verification/verification.service.js';
import { SuggestionService } from './problems/suggestion/suggestion.service.js';
import { NextStepService } from './problems/next-step/next-step.service.js';
import { ImportJobs } from './registry/import/import-jobs.js';
import { ImportService } from './registry/import/import.service.js';
import { HeldImportService } from './registry/import/held-import.service.js';
import { UploadStore } from './core/files/uploads.js';
import { LocalBlobStorage, S3BlobStorage, type BlobStorage } from './core/files/storage.js';
import { MaterialService } from './problems/material/material.service.js';
import { Region } from './registry/region/region.entity.js';
import { RegionService } from './registry/region/region.service.js';
import { School } from './registry/school/school.entity.js';
import { SchoolService } from './registry/school/school.service.js';
import { Student } from './registry/student/student.entity.js';
import { StudentService } from './registry/student/student.service.js';
import { PupilCheckService } from './registry/student/pupil-check.js';
import { User } from './registry/user/user.entity.js';
import { UserService } from './registry/user/user.service.js';
import { SessionService } from './registry/user/session.service.js';
import { SavedReportService } from './reports/saved/saved-report.service.js';
import { AccessLog } from './core/audit/access-log.js';
import { StatsService } from './reports/stats/stats.service.js';
import { UnusualImportsService } from './reports/stats/unusual-imports.js';
import { TransferStatsService } from './reports/stats/transfer-stats.js';

// `date` columns stay 'YYYY-MM-DD' strings: a Date would shift by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export const ENTITIES = [Region, School, Student, User, Problem, ProblemMemberRow];
export const MIGRATIONS = [InitialSchema1764374400000, LoadRegions1764374400001, ImportAndDetection1764460800000, Materials1764547200000, Actions1764547200001, Negotiation1764547200002, ProblemOrder1764633600000, SavedReports1764633600001, LoginFailures1764633600002, AccessLog1764633600003, RowSecurity1764720000000, Sessions1764806400000, ImportHolds1764892800000, EncryptionAtRest1764892800001, AppClock1764979200000, ProblemScopeKeys1765065600000, Transfers1765152000000, MatchDisclosures1765152000001, RevokedDistinctPupils1765152000002, PoliceChecks1765152000003, VerificationCampaigns1765152000004, GraduationUrgency1765152000005, CampaignEscalations1765152000006, MatchSuggestions1765152000007];

export interface App {
  config: Config;
  log: Logger;
  db: Database;
  keys: TokenKeys;
  services: ReturnType<typeof createServices>;
  uploads: UploadStore;
  importJobs: ImportJobs;
  close(): Promise<void>;
}

// Core's request context names no domain; the composition root tells it what `ctx.app` holds.
declare module './core/graphql/context.js' {
  interface AppServices extends ReturnType<typeof createServices> {}
  interface RequestApp extends App {}
}

function materialStorage(config: Config): BlobStorage {
  if (!config.MATERIALS_S3_BUCKET) return new LocalBlobStorage(path.resolve(config.DATA_DIR, 'materials'));
  return new S3BlobStorage({
    bucket: config.MATERIALS_S3_BUCKET,
    endpoint: config.MATERIALS_S3_ENDPOINT,
    region: config.MATERIALS_S3_REGION,
    accessKeyId: config.MATERIALS_S3_ACCESS_KEY_ID,
    secretAccessKey: config.MATERIALS_S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.MATERIALS_S3_PATH_STYLE,
    prefix: config.MATERIALS_S3_PREFIX,
  });
}

function createServices(db: Database, keys: TokenKeys, config: Config, log: Logger) {
  const ds = db.dataSource;
  const detection = new DetectionService();
  const suggestions = new SuggestionService(ds, detection, (error) => log.error({ err: error }, 'possible-duplicate run failed'), db.mode);
  const sessions = new SessionService(ds, keys, config.JWT_TTL, config.SESSION_RECHECK_SECONDS * 1000);
  const accessLog = new AccessLog(ds, config.ACCESS_LOG_RETENTION_DAYS);
  const heldDir = path.resolve(config.DATA_DIR, 'held-imports');
  const holdPolicy = { matches: config.IMPORT_HOLD_MATCHES, share: config.IMPORT_HOLD_SHARE, dailyCap: config.IMPORT_DAILY_MATCH_CAP };
  const imports = new ImportService(
    ds,
    async (manager, { preview, ...imported }) => {
      const { crossSchool, ...problems } = await detection.detect(manager, { kind: 'import', ...imported });
      return {
        ...problems,
        crossSchool: crossSchool ?? { rows: 0, otherStudentIds: [] },
        ...(preview ? { preview: await detection.importPreview(manager, imported) } : {}),
      };
    },
    db.mode,
    config.IMPORT_MAX_MB * 1024 * 1024,
    { policy: holdPolicy, heldDir, accessLog },
    (importId) => suggestions.noticeImport(importId),
  );
  const regions = new RegionService(ds);
  return {
    detection,
    actions: new ActionService(ds, detection),
    reviews: new ReviewService(ds, detection),
    negotiation: new NegotiationService(ds),
    transfers: new TransferService(ds, detection, config.TRANSFER_ANSWER_DAYS),
    police: new PoliceService(ds, detection),
    verification: new VerificationService(ds, detection),
    suggestions,
    restores: new RestoreService(ds, detection),
    escalation: new EscalationService(ds, config.PROBLEM_DEADLINE_DAYS),
    imports,
    heldImports: new HeldImportService(ds, imports, heldDir),
    materials: new MaterialService(
      ds,
      materialStorage(config),
      path.resolve(config.DATA_DIR, 'tmp'),
      config.MATERIAL_MAX_MB * 1024 * 1024,
    ),
    regions,
    schools: new SchoolService(ds),
    students: new StudentService(ds),
    pupilChecks: new PupilCheckService(ds, config.IMPORT_DAILY_MATCH_CAP, accessLog),
    sessions,
    users: new UserService(ds, sessions, config.LOGIN_ATTEMPTS_PER_ADDRESS),
    problems: new ProblemService(ds, (codes) => regions.knownCodes(codes)),
    nextSteps: new NextStepService(ds),
    accessLog,
    reports: new SavedReportService(ds),
    stats: new StatsService(ds, config.PROBLEM_DEADLINE_DAYS),
    transferStats: new TransferStatsService(ds),
    unusualImports: new UnusualImportsService(ds, holdPolicy),
  };
}

export interface AppOptions {
  log?: Logger;
  /** Tests: keep the embedded database in memory instead of DATA_DIR. */
  inMemory?: boolean;
  /**
   * The row scope of work that runs outside a request or job that names one: nothing for the
   * server (a forgotten scope fails closed), everything for the operator's CLI and test harness.
   */
  unscoped?: RowScope;
}

/** The composition root: one database, one set of services, shared by API, CLI and tests. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const keys = deriveKeys(resolveJwtSecret(config.JWT_SECRET, config.DATA_DIR), config.JWT_PREVIOUS_SECRET);
  useKeyRing(resolveKeyRing(config, config.DATA_DIR));
  let unlock = () => {};
  let embeddedDir: string | undefined;
  if (!config.DATABASE_URL && !options.inMemory) {
    embeddedDir = embeddedDirFor(config.DATA_DIR);
    mkdirSync(config.DATA_DIR, { recursive: true });
    unlock = lockDataDir(`${embeddedDir}.lock`);
  }
  let db: Database;
  try {
    db = await openDatabase({
      url: config.DATABASE_URL,
      embeddedDir,
      poolSize: config.DB_POOL_SIZE,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      unscoped: options.unscoped ?? NO_ROWS,
    });
  } catch (error) {
    unlock();
    throw error;
  }
  log.debug({ mode: db.mode, dataDir: embeddedDir && path.relative(process.cwd(), embeddedDir) }, 'database open');
  const services = createServices(db, keys, config, log);
  return {
    config,
    log,
    db,
    keys,
    services,
    uploads: new UploadStore(config.DATA_DIR, {
      ttlMs: config.UPLOAD_TTL_HOURS * 60 * 60 * 1000,
      maxFileBytes: config.IMPORT_MAX_MB * 1024 * 1024,
      maxPending: config.UPLOAD_MAX_PENDING,
      // Room for two templates of the largest size: a retry while the first still waits, not a store.
      maxPendingBytes: 2 * config.IMPORT_MAX_MB * 1024 * 1024,
    }),
    importJobs: new ImportJobs(services.imports),
    async close() {
      // Background matching started by an import finishes before the database goes.
      await services.suggestions.settled();
      await db.close();
      unlock();
    },
  };
}

/**
 * Applies pending migrations, then seals what is not yet sealed under the current data key (values
 * stored before encryption, or after DATA_KEY_ID changed); returns the migrations' names.
 */
export async function migrate(app: App): Promise<string[]> {
  const applied = await migrateSchema(app);
  const sealed = await app.services.students.reseal();
  const { id_number, household_region, phone } = sealed.students;
  if (id_number + household_region + phone + sealed.events > 0) app.log.info(sealed, 'stored personal data sealed under the current data key');
  return applied;
}

/** The migrations alone (`keys:rotate` reports the sealing itself). */
export async function migrateSchema(app: App): Promise<string[]> {
  const applied = await asOwner(() => app.db.dataSource.runMigrations({ transaction: 'each' }));
  return applied.map((m) => m.name);
}
