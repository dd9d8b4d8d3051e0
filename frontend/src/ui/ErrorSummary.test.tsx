import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ErrorSummary } from './ErrorSummary';
import { TextInput } from './TextInput';

function renderWith(element: React.ReactElement) {
  const router = createMemoryRouter([{ path: '*', element }]);
  render(<RouterProvider router={router} />);
  return router;
}

describe('ErrorSummary', () => {
  it('takes the focus and links each error to its field, moving the focus into it', async () => {
    renderWith(
      <>
        <ErrorSummary
          errors={[
            { path: 'minutes', message: 'Enter the minutes' },
            { path: 'outcome.result', message: 'Select a result' },
            { path: '', message: 'Something else went wrong' },
          ]}
          fieldIds={{ 'outcome.result': 'result' }}
        />
        <TextInput id="minutes" label="Minutes" error="Enter the minutes" />
        <input id="result" aria-label="Result" />
      </>,
    );
    const summary = screen.getByRole('alert');
    expect(summary).toHaveFocus();
    expect(summary).toHaveTextContent('There is a problem');
    expect(screen.getByRole('link', { name: 'Enter the minutes' })).toHaveAttribute('href', '#minutes');
    expect(screen.getByRole('link', { name: 'Select a result' })).toHaveAttribute('href', '#result');
    expect(screen.getByText('Something else went wrong').tagName).toBe('LI');
    await userEvent.click(screen.getByRole('link', { name: 'Enter the minutes' }));
    expect(screen.getByLabelText('Minutes')).toHaveFocus();
  });

  it('links to another page of a multi-page form', () => {
    renderWith(
      <ErrorSummary
        errors={[{ path: 'openedOn', message: 'Date opened: is in the future' }]}
        fieldIds={{ openedOn: '/intake/case-details?change=1' }}
      />,
    );
    expect(screen.getByRole('link', { name: 'Date opened: is in the future' })).toHaveAttribute(
      'href',
      '/intake/case-details?change=1',
    );
  });

  it('shows nothing when there are no errors', () => {
    renderWith(<ErrorSummary errors={[]} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('connects the inline error and hint to the input', () => {
    renderWith(<TextInput id="minutes" label="Minutes" hint="Whole minutes" error="Enter the minutes" />);
    const input = screen.getByLabelText('Minutes');
    expect(input).toHaveAttribute('aria-describedby', 'minutes-hint minutes-error');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Enter the minutes', { exact: false })).toHaveClass('govuk-error-message');
  });
});
