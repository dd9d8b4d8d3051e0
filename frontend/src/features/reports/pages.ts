export { ByBandPage } from './ByBandPage';
export { BreakdownsPage } from './BreakdownsPage';
export { DrillDownPage } from './DrillDownPage';
export { FixedFeePage } from './FixedFeePage';
export { RelationshipChainPage } from './RelationshipChainPage';
export { ReportsIndexPage } from './ReportsIndexPage';
export { TimeVsOutcomePage } from './TimeVsOutcomePage';
export { TrendsPage } from './TrendsPage';
