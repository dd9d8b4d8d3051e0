export { AddProblemPage } from './AddProblemPage';
export { AddReferralPage } from './AddReferralPage';
export { ProblemResultPage } from './ProblemResultPage';
export { ReachedSupportPage } from './ReachedSupportPage';
