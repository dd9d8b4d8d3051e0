// The casework chunk's entry: pages loaded together when an adviser first opens a case list.
export { AssessmentPage } from './AssessmentPage';
export { CasePage } from './CasePage';
export { ClientPage } from './ClientPage';
export { EditCasePage } from './EditCasePage';
export { ContactSafetyPage } from './ContactSafetyPage';
export { EditClientPage } from './EditClientPage';
export { FollowUpPage } from './FollowUpPage';
export { MyCasesPage } from './MyCasesPage';
export { ReviewsDuePage } from './ReviewsDuePage';
export { SearchPage } from './SearchPage';
