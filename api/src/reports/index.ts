import type { SubgraphDefinition } from '../core/graphql/build-schema.js';
import { SavedReportResolver } from './saved/saved-report.resolver.js';
import { StatsResolver } from './stats/stats.resolver.js';
import { TransferStatsResolver } from './stats/transfer-stats.js';

export const reportsSubgraph: SubgraphDefinition = {
  name: 'reports',
  resolvers: [StatsResolver, SavedReportResolver, TransferStatsResolver],
};

export { ExportRefused, exportReport, type ExportRequest, type RunOperation } from './export/export.service.js';
