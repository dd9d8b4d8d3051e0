export { FeedbackEntryPage } from './FeedbackEntryPage';
