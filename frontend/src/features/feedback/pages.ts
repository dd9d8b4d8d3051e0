export { ClientFeedbackPage } from './ClientFeedbackPage';
export { FeedbackEntryPage } from './FeedbackEntryPage';
