import { Navigate, Route, Routes } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { HomePage } from '../features/home/HomePage';
import { Layout } from './Layout';
import { useSession } from './session';

export function App() {
  const { me, loading } = useSession();
  if (loading) return <p className="dv-loading">Loading…</p>;
  if (!me) {
    return (
      <Layout me={null}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="*" element={<Navigate to="/sign-in" replace />} />
        </Routes>
      </Layout>
    );
  }
  return (
    <Layout me={me}>
      <Routes>
        <Route path="/" element={<HomePage me={me} />} />
        <Route path="/sign-in" element={<Navigate to="/" replace />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Layout>
  );
}

function NotFound() {
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
    </>
  );
}
