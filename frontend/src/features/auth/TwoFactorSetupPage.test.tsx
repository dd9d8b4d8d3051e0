import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TwoFactorSetup } from '@deepvalue/shared';
import { fakeFetch, MANAGER, renderPage, reply } from '../../test/render';
import { decodeQrSvg } from '../../test/qr';
import { TwoFactorSetupPage } from './TwoFactorSetupPage';

describe('TwoFactorSetupPage', () => {
  it('shows the key to type and a QR code of the otpauth URI beside it', async () => {
    const otpauthUrl = 'otpauth://totp/Deep%20Value:mo%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Deep%20Value';
    fakeFetch({ 'POST /api/auth/2fa/setup': reply<TwoFactorSetup>({ secret: 'JBSWY3DPEHPK3PXP', otpauthUrl }) });
    renderPage(<TwoFactorSetupPage />, { me: MANAGER });
    expect(await screen.findByTestId('two-factor-secret')).toHaveTextContent('JBSW Y3DP EHPK 3PXP');
    const qr = await screen.findByRole('img', { name: 'QR code of the key, to scan with your authenticator app' });
    expect(decodeQrSvg(qr)).toBe(otpauthUrl);
  });
});
