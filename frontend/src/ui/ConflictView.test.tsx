import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConflictView } from './ConflictView';

const fields = [
  { key: 'category', label: 'Problem' },
  { key: 'subcategory', label: 'Sub-category' },
  { key: 'timesToldStoryBefore', label: 'Times told their story before' },
];

describe('ConflictView', () => {
  it('shows both versions and asks only about the fields that differ', () => {
    render(
      <ConflictView
        what="case details"
        fields={fields}
        mine={{ category: 'housing', subcategory: 'possession', timesToldStoryBefore: 3 }}
        theirs={{ category: 'housing', subcategory: 'disrepair', timesToldStoryBefore: 2, version: 5 }}
        onResolve={vi.fn()}
        onDiscard={vi.fn()}
      />,
    );
    expect(screen.getByRole('heading', { name: /Someone else changed the case details/ })).toHaveFocus();
    const problemRow = screen.getByRole('row', { name: /Problem/ });
    expect(within(problemRow).getByText('Same')).toBeInTheDocument();
    const subRow = screen.getByRole('row', { name: /Sub-category/ });
    expect(within(subRow).getByText('possession')).toBeInTheDocument();
    expect(within(subRow).getByText('disrepair')).toBeInTheDocument();
    expect(within(subRow).getByLabelText('Mine')).toBeChecked();
    expect(screen.getAllByRole('radio')).toHaveLength(4);
  });

  it('saves the chosen mix against the version now on the server', async () => {
    const onResolve = vi.fn();
    render(
      <ConflictView
        what="case details"
        fields={fields}
        mine={{ category: 'housing', subcategory: 'possession', timesToldStoryBefore: 3 }}
        theirs={{ category: 'housing', subcategory: 'disrepair', timesToldStoryBefore: 2, version: 5 }}
        onResolve={onResolve}
        onDiscard={vi.fn()}
      />,
    );
    const storyRow = screen.getByRole('row', { name: /Times told/ });
    await userEvent.click(within(storyRow).getByLabelText('Theirs'));
    await userEvent.click(screen.getByRole('button', { name: 'Save my choices' }));
    expect(onResolve).toHaveBeenCalledWith(
      { category: 'housing', subcategory: 'possession', timesToldStoryBefore: 2 },
      5,
    );
  });

  it('lets the user drop their changes instead', async () => {
    const onDiscard = vi.fn();
    render(
      <ConflictView
        what="user"
        fields={fields}
        mine={{}}
        theirs={{ version: 2 }}
        onResolve={vi.fn()}
        onDiscard={onDiscard}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Discard my changes' }));
    expect(onDiscard).toHaveBeenCalled();
  });
});
