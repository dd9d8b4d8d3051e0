import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyNamed } from './lazy';

const module = { HelloPage: () => <h1>Hello</h1> };

describe('lazyNamed', () => {
  it('suspends a page whose chunk has not arrived', async () => {
    const Page = lazyNamed(async () => module, 'HelloPage');
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Page />
      </Suspense>,
    );
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Hello' })).toBeInTheDocument();
  });

  it('renders a preloaded page at once, without a fallback', async () => {
    const Page = lazyNamed(async () => module, 'HelloPage');
    await Page.preload();
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Page />
      </Suspense>,
    );
    expect(screen.getByRole('heading', { name: 'Hello' })).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });
});
