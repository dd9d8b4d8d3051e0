import { lazy, Suspense } from 'react';

const QrCode = lazy(() => import('./QrCode'));

/**
 * A QR code of `text`, its encoder fetched only when a page shows one (a placeholder of the same
 * size meanwhile). `label` is its text alternative.
 */
export function LazyQrCode({ text, label }: { text: string; label: string }) {
  return (
    <Suspense fallback={<span className="dv-qr dv-qr--loading" role="status" aria-label="Loading the QR code" />}>
      <QrCode text={text} label={label} />
    </Suspense>
  );
}
