import type { Role } from '@deepvalue/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, Suspense, useEffect, useState } from 'react';
import { matchPath, Navigate, Route, Routes, useLocation } from 'react-router';
import { SetPasswordPage } from '../features/auth/SetPasswordPage';
import { SignInPage } from '../features/auth/SignInPage';
import { TwoFactorSetupPage } from '../features/auth/TwoFactorSetupPage';
import { setUnauthenticatedHandler } from './api';
import { Layout } from './Layout';
import { type LazyPage, lazyNamed } from './lazy';
import { CASEWORK_ROLES, HOME } from './navigation';
import { usePageTitle } from './page-title';
import { useSession, useTwoFactorState } from './session';

// Each feature is its own chunk: the first visit loads only the shell and the sign-in page.
const cases = () => import('../features/cases/pages');
const intake = () => import('../features/intake/IntakeWizard');
const time = () => import('../features/time/pages');
const problems = () => import('../features/problems/pages');
const feedback = () => import('../features/feedback/pages');
const closing = () => import('../features/close/pages');
const reports = () => import('../features/reports/pages');
const pricing = () => import('../features/pricing/pages');
const data = () => import('../features/interchange/pages');
const commissioner = () => import('../features/evidence/pages');
const admin = () => import('../features/admin/pages');
const privacy = () => import('../features/privacy/pages');
const legalAid = () => import('../features/legal-aid/pages');

const MyCasesPage = lazyNamed(cases, 'MyCasesPage');
const SearchPage = lazyNamed(cases, 'SearchPage');
const ReviewsDuePage = lazyNamed(cases, 'ReviewsDuePage');
const CasePage = lazyNamed(cases, 'CasePage');
const EditCasePage = lazyNamed(cases, 'EditCasePage');
const ClientPage = lazyNamed(cases, 'ClientPage');
const EditClientPage = lazyNamed(cases, 'EditClientPage');
const ContactSafetyPage = lazyNamed(cases, 'ContactSafetyPage');
const AssessmentPage = lazyNamed(cases, 'AssessmentPage');
const FollowUpPage = lazyNamed(cases, 'FollowUpPage');
const IntakeWizard = lazyNamed(intake, 'IntakeWizard');
const QuickTimePage = lazyNamed(time, 'QuickTimePage');
const EditTimeEntryPage = lazyNamed(time, 'EditTimeEntryPage');
const AddProblemPage = lazyNamed(problems, 'AddProblemPage');
const AddReferralPage = lazyNamed(problems, 'AddReferralPage');
const ReachedSupportPage = lazyNamed(problems, 'ReachedSupportPage');
const ProblemResultPage = lazyNamed(problems, 'ProblemResultPage');
const FeedbackEntryPage = lazyNamed(feedback, 'FeedbackEntryPage');
const ClientFeedbackPage = lazyNamed(feedback, 'ClientFeedbackPage');
const CloseCaseWizard = lazyNamed(closing, 'CloseCaseWizard');
const ReportsIndexPage = lazyNamed(reports, 'ReportsIndexPage');
const TimeVsOutcomePage = lazyNamed(reports, 'TimeVsOutcomePage');
const ByBandPage = lazyNamed(reports, 'ByBandPage');
const RelationshipChainPage = lazyNamed(reports, 'RelationshipChainPage');
const FixedFeePage = lazyNamed(reports, 'FixedFeePage');
const TrendsPage = lazyNamed(reports, 'TrendsPage');
const BreakdownsPage = lazyNamed(reports, 'BreakdownsPage');
const DrillDownPage = lazyNamed(reports, 'DrillDownPage');
const PricingPage = lazyNamed(pricing, 'PricingPage');
const DataPage = lazyNamed(data, 'DataPage');
const OrganisationsPage = lazyNamed(commissioner, 'OrganisationsPage');
const EvidencePackPage = lazyNamed(commissioner, 'EvidencePackPage');
const AdminIndexPage = lazyNamed(admin, 'AdminIndexPage');
const UsersPage = lazyNamed(admin, 'UsersPage');
const InviteUserPage = lazyNamed(admin, 'InviteUserPage');
const EditUserPage = lazyNamed(admin, 'EditUserPage');
const PartnersPage = lazyNamed(admin, 'PartnersPage');
const FeedbackItemsPage = lazyNamed(admin, 'FeedbackItemsPage');
const SubcategoriesPage = lazyNamed(admin, 'SubcategoriesPage');
const SharingPage = lazyNamed(admin, 'SharingPage');
const RetentionPage = lazyNamed(admin, 'RetentionPage');
const AuditLogPage = lazyNamed(admin, 'AuditLogPage');
const LetterTemplatesPage = lazyNamed(admin, 'LetterTemplatesPage');
const OutboxPage = lazyNamed(admin, 'OutboxPage');
const FundingPage = lazyNamed(admin, 'FundingPage');
const PrivacySearchPage = lazyNamed(privacy, 'PrivacySearchPage');
const ClientPrivacyPage = lazyNamed(privacy, 'ClientPrivacyPage');
const EraseClientPage = lazyNamed(privacy, 'EraseClientPage');
const LegalAidPage = lazyNamed(legalAid, 'LegalAidPage');
const EqualityPage = lazyNamed(legalAid, 'EqualityPage');
const ContractReportPage = lazyNamed(legalAid, 'ContractReportPage');
const LegalAidSettingsPage = lazyNamed(legalAid, 'LegalAidSettingsPage');

const REPORT_READERS: Role[] = ['manager', 'commissioner'];

interface PageRoute {
  path: string;
  Page: LazyPage;
  roles: readonly Role[];
}

const ROUTES: PageRoute[] = [
  { path: '/cases', Page: MyCasesPage, roles: CASEWORK_ROLES },
  { path: '/file-reviews', Page: ReviewsDuePage, roles: ['manager', 'admin'] },
  { path: '/search', Page: SearchPage, roles: CASEWORK_ROLES },
  { path: '/intake/*', Page: IntakeWizard, roles: CASEWORK_ROLES },
  { path: '/time/new', Page: QuickTimePage, roles: CASEWORK_ROLES },
  { path: '/clients/:clientId', Page: ClientPage, roles: CASEWORK_ROLES },
  { path: '/clients/:clientId/edit', Page: EditClientPage, roles: CASEWORK_ROLES },
  { path: '/clients/:clientId/contact-safety', Page: ContactSafetyPage, roles: CASEWORK_ROLES },
  { path: '/clients/:clientId/equality', Page: EqualityPage, roles: CASEWORK_ROLES },
  { path: '/cases/:caseId', Page: CasePage, roles: CASEWORK_ROLES },
  { path: '/cases/:caseId/edit', Page: EditCasePage, roles: CASEWORK_ROLES },
  { path: '/cases/:caseId/legal-aid', Page: LegalAidPage, roles: CASEWORK_ROLES },
  { path: '/cases/:caseId/time', Page: QuickTimePage, roles: CASEWORK_ROLES },
  { path: '/cases/:caseId/time/:entryId', Page: EditTimeEntryPage, roles: CASEWORK_ROLES },
  { path: '/cases/:caseId/assessment', Page: AssessmentPage, roles: CASEWORK_ROLES },
  { path: '/cases/:caseId/follow-ups/new', Page: FollowUpPage, roles: CASEWORK_ROLES },
  { path: '/cases/:caseId/problems/new', Page: AddProblemPage, roles: CASEWORK_ROLES },
  { path: '/cases/:caseId/problems/:problemId/result', Page: ProblemResultPage, roles: CASEWORK_ROLES },
  { path: '/cases/:caseId/referrals/new', Page: AddReferralPage, roles: CASEWORK_ROLES },
  { path: '/cases/:caseId/:kind/:recordId/reached-support', Page: ReachedSupportPage, roles: CASEWORK_ROLES },
  { path: '/cases/:caseId/feedback/new', Page: FeedbackEntryPage, roles: CASEWORK_ROLES },
  { path: '/cases/:caseId/close/*', Page: CloseCaseWizard, roles: CASEWORK_ROLES },
  { path: '/reports', Page: ReportsIndexPage, roles: ['manager'] },
  { path: '/reports/time-vs-outcome', Page: TimeVsOutcomePage, roles: REPORT_READERS },
  { path: '/reports/chain', Page: RelationshipChainPage, roles: REPORT_READERS },
  { path: '/reports/by-band', Page: ByBandPage, roles: ['commissioner'] },
  { path: '/reports/fixed-fee', Page: FixedFeePage, roles: ['manager'] },
  { path: '/reports/trends', Page: TrendsPage, roles: ['manager'] },
  { path: '/reports/breakdowns', Page: BreakdownsPage, roles: ['manager'] },
  { path: '/reports/cases', Page: DrillDownPage, roles: ['manager'] },
  { path: '/reports/contract', Page: ContractReportPage, roles: ['manager', 'admin'] },
  { path: '/pricing/*', Page: PricingPage, roles: ['manager'] },
  { path: '/data/*', Page: DataPage, roles: ['manager'] },
  { path: '/organisations', Page: OrganisationsPage, roles: ['commissioner'] },
  { path: '/evidence', Page: EvidencePackPage, roles: ['commissioner', 'manager'] },
  { path: '/admin', Page: AdminIndexPage, roles: ['admin'] },
  { path: '/admin/users', Page: UsersPage, roles: ['admin'] },
  { path: '/admin/users/invite', Page: InviteUserPage, roles: ['admin'] },
  { path: '/admin/users/:userId', Page: EditUserPage, roles: ['admin'] },
  { path: '/admin/partners/*', Page: PartnersPage, roles: ['admin', 'manager'] },
  { path: '/admin/feedback-items', Page: FeedbackItemsPage, roles: ['admin'] },
  { path: '/admin/subcategories', Page: SubcategoriesPage, roles: ['admin'] },
  { path: '/admin/sharing', Page: SharingPage, roles: ['admin'] },
  { path: '/admin/retention', Page: RetentionPage, roles: ['admin'] },
  { path: '/admin/funding', Page: FundingPage, roles: ['admin', 'manager'] },
  { path: '/admin/audit', Page: AuditLogPage, roles: ['admin'] },
  { path: '/admin/letter-templates', Page: LetterTemplatesPage, roles: ['admin'] },
  { path: '/admin/outbox', Page: OutboxPage, roles: ['admin'] },
  { path: '/admin/privacy', Page: PrivacySearchPage, roles: ['admin'] },
  { path: '/admin/privacy/:clientId', Page: ClientPrivacyPage, roles: ['admin'] },
  { path: '/admin/privacy/:clientId/erase', Page: EraseClientPage, roles: ['admin'] },
  { path: '/admin/legal-aid', Page: LegalAidSettingsPage, roles: ['admin'] },
];

/**
 * Fetches the chunk of the page at `pathname` (if any): started with the session check, so the
 * first page usually renders without suspending.
 */
function preloadPage(pathname: string): Promise<unknown> {
  const route = ROUTES.find(({ path }) => matchPath(path, pathname));
  return route ? route.Page.preload() : Promise.resolve();
}

/** True once the first page's chunk has arrived (or failed to: the page then reports it). */
function useFirstPageLoaded(pathname: string): boolean {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    void preloadPage(pathname)
      .catch(() => undefined)
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
    // The first page only: later pages load as they are visited.
  }, []);
  return loaded;
}

export function App() {
  const { me, loading } = useSession();
  const location = useLocation();
  const firstPageLoaded = useFirstPageLoaded(location.pathname);
  const twoFactor = useTwoFactorState();
  const client = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => client.setQueryData(['session'], null));
    return () => setUnauthenticatedHandler(undefined);
  }, [client]);

  // A client's self-completion page: no sign-in, no staff menu, whoever is signed in on the device.
  if (location.pathname.startsWith('/feedback/')) {
    return (
      <Layout me={null}>
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route path="/feedback/:token" element={<ClientFeedbackPage />} />
          </Routes>
        </Suspense>
      </Layout>
    );
  }
  if (loading || (me && !firstPageLoaded)) return <p className="dv-loading">Loading…</p>;
  if (!me) {
    const next =
      location.pathname === '/' || location.pathname === '/sign-in' ? '' : location.pathname + location.search;
    return (
      <Layout me={null}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/set-password" element={<SetPasswordPage />} />
          <Route
            path="*"
            element={<Navigate to={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'} replace />}
          />
        </Routes>
      </Layout>
    );
  }
  if (twoFactor.enrolmentRequired) {
    return (
      <Layout me={me} noMenu>
        <TwoFactorSetupPage />
      </Layout>
    );
  }
  return (
    <Layout me={me}>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/" element={<Navigate to={HOME[me.role]} replace />} />
          <Route path="/sign-in" element={<Navigate to={HOME[me.role]} replace />} />
          <Route path="/set-password" element={<SetPasswordPage />} />
          {ROUTES.map(({ path, Page, roles }) => (
            <Route
              key={path}
              path={path}
              element={
                <RequireRole role={me.role} roles={roles}>
                  <Page />
                </RequireRole>
              }
            />
          ))}
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}

function RequireRole({ role, roles, children }: { role: Role; roles: readonly Role[]; children: ReactNode }) {
  if (roles.includes(role)) return <>{children}</>;
  return <NoAccess />;
}

function PageLoading() {
  return (
    <p className="govuk-body dv-muted" role="status">
      Loading…
    </p>
  );
}

function NoAccess() {
  usePageTitle('You do not have access');
  return (
    <>
      <h1 className="govuk-heading-l">You do not have access to this page</h1>
      <p className="govuk-body">
        Your role does not include this part of Deep Value. Ask an administrator if you need it.
      </p>
    </>
  );
}

function NotFound() {
  usePageTitle('Page not found');
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
    </>
  );
}
