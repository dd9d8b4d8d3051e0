export { AddProblemPage } from './AddProblemPage';
export { AddReferralPage } from './AddReferralPage';
export { ReachedSupportPage } from './ReachedSupportPage';
