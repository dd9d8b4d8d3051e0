export { EditTimeEntryPage } from './EditTimeEntryPage';
export { QuickTimePage } from './QuickTimePage';
