import { defaultSubcategories, type Subcategory } from '@deepvalue/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, renderPage, reply } from '../../test/render';
import { SubcategoriesPage } from './SubcategoriesPage';

describe('SubcategoriesPage', () => {
  it('retires a removed sub-category and adds a new one with a key made from its label', async () => {
    const puts: Array<{ items: Subcategory[] }> = [];
    fakeFetch({
      'GET /api/subcategories': reply<Subcategory[]>(defaultSubcategories()),
      'PUT /api/subcategories': ({ body }) => {
        puts.push(body as { items: Subcategory[] });
        return reply<Subcategory[]>((body as { items: Subcategory[] }).items);
      },
    });
    renderPage(<SubcategoriesPage />);
    const housing = await screen.findByRole('group', { name: 'Housing' });
    expect(
      within(housing)
        .getAllByRole('textbox')
        .map((i) => (i as HTMLInputElement).value),
    ).toEqual(['Possession', 'Disrepair', 'Homelessness', 'Allocation', 'Tenancy deposit']);
    await userEvent.click(within(housing).getByRole('button', { name: /^Remove\s*Allocation$/ }));
    await userEvent.click(within(housing).getByRole('button', { name: /^Add a sub-category\s*of Housing$/ }));
    const fresh = within(housing).getAllByRole('textbox').at(-1)!;
    await userEvent.type(fresh, 'Anti-social behaviour');
    await userEvent.click(screen.getByRole('button', { name: 'Save sub-categories' }));

    expect(await screen.findByText('Advisers are now offered these sub-categories.')).toBeInTheDocument();
    const housingItems = puts[0].items.filter((s) => s.category === 'housing');
    expect(housingItems.map((s) => s.key)).toEqual([
      'possession',
      'disrepair',
      'homelessness',
      'tenancy_deposit',
      'anti_social_behaviour',
    ]);
    expect(housingItems.at(-1)).toEqual({
      category: 'housing',
      key: 'anti_social_behaviour',
      label: 'Anti-social behaviour',
    });
    expect(puts[0].items).toHaveLength(defaultSubcategories().length);
  });
});
