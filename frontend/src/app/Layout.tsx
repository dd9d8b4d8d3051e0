import type { Me } from '@deepvalue/shared';
import { labelOf } from '@deepvalue/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSignOut } from './session';

export function Layout({ me, children }: { me: Me | null; children: ReactNode }) {
  const signOut = useSignOut();
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <header className="dv-header" role="banner">
        <div className="govuk-width-container dv-header__inner">
          <Link to="/" className="dv-header__name">
            Deep Value
          </Link>
          {me && (
            <nav aria-label="Account" className="dv-header__account">
              <span>
                {me.name} · {labelOf(me.role)} · {me.organisationName}
              </span>
              <button type="button" className="dv-link-button" onClick={() => void signOut()}>
                Sign out
              </button>
            </nav>
          )}
        </div>
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" role="main">
          {children}
        </main>
      </div>
    </>
  );
}
