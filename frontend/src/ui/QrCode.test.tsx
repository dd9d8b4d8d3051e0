import { render, screen } from '@testing-library/react';
import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import { decodeQrSvg } from '../test/qr';
import { LazyQrCode } from './LazyQrCode';
import QrCode, { qrMatrix } from './QrCode';

const LINK = 'http://localhost:3000/feedback/2Xq8vN0c4mT1bH7kPz9rW3sYd6fJ5gLa';

describe('QrCode', () => {
  it('takes its modules from the library for exactly the text given', () => {
    const qr = qrcode(0, 'M');
    qr.addData(LINK);
    qr.make();
    const size = qr.getModuleCount();
    const expected = Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) => qr.isDark(r, c)));
    expect(qrMatrix(LINK)).toEqual(expected);
    expect(qrMatrix(`${LINK}x`)).not.toEqual(expected);
  });

  it('draws an SVG image with a text alternative that a QR reader decodes to the text', () => {
    render(<QrCode text={LINK} label="QR code of the link" />);
    const svg = screen.getByRole('img', { name: 'QR code of the link' });
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(decodeQrSvg(svg)).toBe(LINK);
  });

  it('encodes text beyond ASCII as UTF-8', () => {
    const text = 'otpauth://totp/Caf%C3%A9:sam?issuer=Café Law Centre £';
    render(<QrCode text={text} label="QR code" />);
    expect(decodeQrSvg(screen.getByRole('img', { name: 'QR code' }))).toBe(text);
  });

  it('loads lazily behind a placeholder of the same size', async () => {
    render(<LazyQrCode text={LINK} label="QR code of the link" />);
    expect(screen.getByRole('status', { name: 'Loading the QR code' })).toHaveClass('dv-qr');
    expect(decodeQrSvg(await screen.findByRole('img', { name: 'QR code of the link' }))).toBe(LINK);
  });
});
