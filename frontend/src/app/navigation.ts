import type { Role } from '@deepvalue/shared';

export interface NavItem {
  to: string;
  label: string;
  /** Also current for paths under these prefixes. */
  match?: string[];
}

/** The main menu for each role: what that person comes to do, most used first. */
export const NAVIGATION: Record<Role, NavItem[]> = {
  adviser: [
    { to: '/cases', label: 'My cases', match: ['/cases', '/clients'] },
    { to: '/search', label: 'Search' },
    { to: '/intake', label: 'New client and case', match: ['/intake'] },
    { to: '/time/new', label: 'Record time', match: ['/time'] },
  ],
  manager: [
    { to: '/reports', label: 'Reports', match: ['/reports'] },
    { to: '/cases', label: 'Cases', match: ['/cases', '/clients'] },
    { to: '/file-reviews', label: 'File reviews' },
    { to: '/search', label: 'Search' },
    { to: '/intake', label: 'New client and case', match: ['/intake'] },
    { to: '/pricing', label: 'Pricing', match: ['/pricing'] },
    { to: '/data', label: 'Import and export', match: ['/data'] },
  ],
  admin: [
    { to: '/admin', label: 'Administration', match: ['/admin'] },
    { to: '/cases', label: 'Cases', match: ['/cases', '/clients'] },
    { to: '/search', label: 'Search' },
  ],
  commissioner: [
    { to: '/organisations', label: 'Organisations', match: ['/organisations'] },
    { to: '/evidence', label: 'Evidence packs', match: ['/evidence'] },
    // The reports' own menu (ReportLayout) names each one; this item is the section.
    { to: '/reports/time-vs-outcome', label: 'Reports', match: ['/reports'] },
  ],
};

/** Where each role lands after signing in. */
export const HOME: Record<Role, string> = {
  adviser: '/cases',
  manager: '/reports/time-vs-outcome',
  admin: '/admin',
  commissioner: '/organisations',
};

export const CASEWORK_ROLES: readonly Role[] = ['adviser', 'manager', 'admin'];

export function isCurrent(item: NavItem, pathname: string): boolean {
  const prefixes = item.match ?? [item.to];
  return prefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}
