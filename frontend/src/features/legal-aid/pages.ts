// The legal aid chunk: a case's LAA details, equality monitoring, the contract report and its settings.
export { ContractReportPage } from './ContractReportPage';
export { EqualityPage } from './EqualityPage';
export { LegalAidPage } from './LegalAidPage';
export { LegalAidSettingsPage } from './LegalAidSettingsPage';
