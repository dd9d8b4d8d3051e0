/** Every migration, in order. A new migration is added here (TypeORM does not scan folders). */
import { CaseworkSchema1763900000000 } from './1763900000000-casework-schema.js';
import { PlatformSchema1763900000001 } from './1763900000001-platform-schema.js';
import { CaseFacts1763900000002 } from './1763900000002-case-facts.js';
import { ReportRollups1763900000100 } from './1763900000100-report-rollups.js';
import { AccessAuditPrivacy1763900000170 } from './1763900000170-access-audit-privacy.js';
import { FeeRates1763900000200 } from './1763900000200-fee-rates.js';
import { UnitCostVersions1763900000300 } from './1763900000300-unit-cost-versions.js';
import { FeedbackLinks1763900000400 } from './1763900000400-feedback-links.js';
import { PatternRollups1763900000500 } from './1763900000500-pattern-rollups.js';
import { BenefitAmountsInFacts1763900000600 } from './1763900000600-benefit-amounts-in-facts.js';
import { RebuildWorkMem1763900000700 } from './1763900000700-rebuild-work-mem.js';
import { SignInAttempts1764100000000 } from './1764100000000-sign-in-attempts.js';
import { EmailsPerOrganisation1764100000100 } from './1764100000100-emails-per-organisation.js';
import { AvoidedAppealReason1764100000200 } from './1764100000200-avoided-appeal-reason.js';
import { FollowUpKnown1764100000210 } from './1764100000210-follow-up-known.js';
import { FirstContact1764100000220 } from './1764100000220-first-contact.js';
import { CaseNotes1764100000400 } from './1764100000400-case-notes.js';
import { KeyDates1764200000200 } from './1764200000200-key-dates.js';
import { CaseParties1764200000300 } from './1764200000300-case-parties.js';
import { ConflictChecks1764200000310 } from './1764200000310-conflict-checks.js';
import { ContactSafety1764200000320 } from './1764200000320-contact-safety.js';
import { SheetMappings1764200000400 } from './1764200000400-sheet-mappings.js';
import { AuditChain1764200000500 } from './1764200000500-audit-chain.js';
import { CitusDistribution1764200000600 } from './1764200000600-citus-distribution.js';
import { RollupsFromDefinitions1764200000900 } from './1764200000900-rollups-from-definitions.js';
import { RowLevelFacts1764300000000 } from './1764300000000-row-level-facts.js';
import { IdempotencyClaim1764300000100 } from './1764300000100-idempotency-claim.js';
import { AuditAtCommit1764300000200 } from './1764300000200-audit-at-commit.js';
import { MeasureRollups1764300100000 } from './1764300100000-measure-rollups.js';
import { CaseDocuments1764300300000 } from './1764300300000-case-documents.js';
import { LetterTemplates1764300300100 } from './1764300300100-letter-templates.js';
import { FileReviews1764300300200 } from './1764300300200-file-reviews.js';
import { MoreMeasures1764400000000 } from './1764400000000-more-measures.js';
import { LegalAid1764420000000 } from './1764420000000-legal-aid.js';
import { Outbox1764430000000 } from './1764430000000-outbox.js';
import { RollupDeletesRouted1764440000000 } from './1764440000000-rollup-deletes-routed.js';
import { CitusRoutedFacts1764440000100 } from './1764440000100-citus-routed-facts.js';
import { RetellingItem1764510000000 } from './1764510000000-retelling-item.js';
import { ShippedLetterTemplates1764520000000 } from './1764520000000-shipped-letter-templates.js';
import { OutboxWithdrawn1764520000100 } from './1764520000100-outbox-withdrawn.js';
import { FeeRollups1764630000000 } from './1764630000000-fee-rollups.js';
import { FeeRollupsConsent1764840000000 } from './1764840000000-fee-rollups-consent.js';
import { PricingRollups1764540000000 } from './1764540000000-pricing-rollups.js';
import { OrganisationFunding1764600000000 } from './1764600000000-organisation-funding.js';
import { TimeEntryDelta1764620000000 } from './1764620000000-time-entry-delta.js';
import { CitusLaterTables1764640000000 } from './1764640000000-citus-later-tables.js';
import { CitusFeeDefaultsReference1764740000000 } from './1764740000000-citus-fee-defaults-reference.js';
import { CitusFeeRebuild1764740000100 } from './1764740000100-citus-fee-rebuild.js';
import { RqiInterval1764760000000 } from './1764760000000-rqi-interval.js';
import { PackCellsRollup1764800000000 } from './1764800000000-pack-cells-rollup.js';
import { RollupClosingIndexes1764800000100 } from './1764800000100-rollup-closing-indexes.js';
import { CitusTimeEntryDelta1764810000000 } from './1764810000000-citus-time-entry-delta.js';
import { Subcategories1764820000000 } from './1764820000000-subcategories.js';
import { CitusFeeRollupsRebuild1764830000000 } from './1764830000000-citus-fee-rollups-rebuild.js';
import { ProblemShareClusters1764860000000 } from './1764860000000-problem-share-clusters.js';
import { LegalAidFeeCode1764880000000 } from './1764880000000-legal-aid-fee-code.js';
import { LegalAidAmounts1764880000100 } from './1764880000100-legal-aid-amounts.js';
import { LegalAidFeeCodeCheck1764880000200 } from './1764880000200-legal-aid-fee-code-check.js';
import { PeopleSearchWords1764650000000 } from './1764650000000-people-search-words.js';
import { ProblemTimeClusters1764710000000 } from './1764710000000-problem-time-clusters.js';
import { SearchKeys1764730000000 } from './1764730000000-search-keys.js';
import { TimeEntryEditDelta1764730000100 } from './1764730000100-time-entry-edit-delta.js';
import { MeasureRebuildCasesFirst1764730000200 } from './1764730000200-measure-rebuild-cases-first.js';

export const MIGRATIONS = [
  CaseworkSchema1763900000000,
  PlatformSchema1763900000001,
  CaseFacts1763900000002,
  ReportRollups1763900000100,
  AccessAuditPrivacy1763900000170,
  FeeRates1763900000200,
  UnitCostVersions1763900000300,
  FeedbackLinks1763900000400,
  PatternRollups1763900000500,
  BenefitAmountsInFacts1763900000600,
  RebuildWorkMem1763900000700,
  SignInAttempts1764100000000,
  EmailsPerOrganisation1764100000100,
  AvoidedAppealReason1764100000200,
  FollowUpKnown1764100000210,
  FirstContact1764100000220,
  CaseNotes1764100000400,
  KeyDates1764200000200,
  CaseParties1764200000300,
  ConflictChecks1764200000310,
  ContactSafety1764200000320,
  SheetMappings1764200000400,
  AuditChain1764200000500,
  CitusDistribution1764200000600,
  RollupsFromDefinitions1764200000900,
  RowLevelFacts1764300000000,
  IdempotencyClaim1764300000100,
  AuditAtCommit1764300000200,
  MeasureRollups1764300100000,
  CaseDocuments1764300300000,
  LetterTemplates1764300300100,
  FileReviews1764300300200,
  MoreMeasures1764400000000,
  LegalAid1764420000000,
  Outbox1764430000000,
  RollupDeletesRouted1764440000000,
  CitusRoutedFacts1764440000100,
  RetellingItem1764510000000,
  ShippedLetterTemplates1764520000000,
  OutboxWithdrawn1764520000100,
  PricingRollups1764540000000,
  OrganisationFunding1764600000000,
  TimeEntryDelta1764620000000,
  FeeRollups1764630000000,
  CitusLaterTables1764640000000,
  PeopleSearchWords1764650000000,
  ProblemTimeClusters1764710000000,
  SearchKeys1764730000000,
  TimeEntryEditDelta1764730000100,
  MeasureRebuildCasesFirst1764730000200,
  CitusFeeDefaultsReference1764740000000,
  CitusFeeRebuild1764740000100,
  RqiInterval1764760000000,
  PackCellsRollup1764800000000,
  RollupClosingIndexes1764800000100,
  CitusTimeEntryDelta1764810000000,
  Subcategories1764820000000,
  CitusFeeRollupsRebuild1764830000000,
  FeeRollupsConsent1764840000000,
  ProblemShareClusters1764860000000,
  LegalAidFeeCode1764880000000,
  LegalAidAmounts1764880000100,
  LegalAidFeeCodeCheck1764880000200,
];
