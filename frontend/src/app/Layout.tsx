import type { Me } from '@deepvalue/shared';
import { labelOf } from '@deepvalue/shared';
import { type ReactNode, useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { isCurrent, NAVIGATION } from './navigation';
import { useSignOut } from './session';

export function Layout({ me, children, noMenu }: { me: Me | null; children: ReactNode; noMenu?: boolean }) {
  const signOut = useSignOut();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [pathname]);
  const items = me && !noMenu ? NAVIGATION[me.role] : [];
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <header className="dv-header">
        <div className="govuk-width-container dv-header__inner">
          <Link to="/" className="dv-header__name">
            Deep Value
          </Link>
          {me && (
            <div className="dv-header__account">
              <span>
                {me.name}{' '}
                <span className="dv-header__meta">
                  · {labelOf(me.role)} · {me.organisationName}
                </span>
              </span>
              <button type="button" className="dv-link-button" onClick={() => void signOut()}>
                Sign out
              </button>
            </div>
          )}
        </div>
      </header>
      {items.length > 0 && (
        <div className="dv-nav">
          <div className="govuk-width-container">
            <nav aria-label="Menu">
              <button
                type="button"
                className="dv-nav__toggle"
                aria-controls="navigation"
                aria-expanded={menuOpen}
                onClick={() => setMenuOpen((open) => !open)}
              >
                Menu
              </button>
              <ul className={`dv-nav__list${menuOpen ? '' : ' dv-nav__list--closed'}`} id="navigation">
                {items.map((item) => {
                  const current = isCurrent(item, pathname);
                  return (
                    <li key={item.to} className={`dv-nav__item${current ? ' dv-nav__item--active' : ''}`}>
                      <Link
                        className="dv-nav__link"
                        to={item.to}
                        aria-current={current ? (pathname === item.to ? 'page' : 'true') : undefined}
                      >
                        {current ? <strong className="dv-nav__current">{item.label}</strong> : item.label}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </nav>
          </div>
        </div>
      )}
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="dv-footer">
        <div className="govuk-width-container">
          <p className="govuk-body-s">
            Deep Value records casework so that the value of the relationship between adviser and client can be
            measured. Figures show association, not proof of cause.
          </p>
        </div>
      </footer>
    </>
  );
}
