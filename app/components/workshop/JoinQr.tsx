'use client';

import { create } from 'qrcode';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';

/**
 * A QR code of a link, drawn here as SVG (the `qrcode` library computes the
 * modules; nothing is fetched): phones in the room scan it to join.
 */
export default function JoinQr({ url, size = 160 }: { url: string; size?: number }) {
  const t = useTranslations('workshop.common');
  const qr = useMemo(() => {
    if (!url) return null;
    const { modules } = create(url, { errorCorrectionLevel: 'M' });
    const n = modules.size;
    let path = '';
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) if (modules.get(y, x)) path += `M${x + 4} ${y + 4}h1v1h-1z`;
    }
    return { side: n + 8, path };
  }, [url]);
  if (!qr) return null;
  return (
    <svg
      role="img"
      aria-label={t('qr', { url })}
      data-testid="join-qr"
      data-url={url}
      viewBox={`0 0 ${qr.side} ${qr.side}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      className="shrink-0 rounded bg-white"
    >
      {/* A quiet zone of four modules, black on white whatever the theme: scanners need the contrast. */}
      <rect width={qr.side} height={qr.side} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}
