// @ts-check
import createNextIntlPlugin from 'next-intl/plugin';

// Next.js collects anonymous usage data unless told not to. This project sends
// nothing anywhere, so switch it off for every command that loads this file
// (`next build`, and the custom server). An explicit value in the environment wins.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

/** Headers sent with every page and static file that Next.js serves. */
export const commonHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

/** What every response but an embed's carries: nobody may frame it (old and new spelling). */
export const unframedHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
  ...commonHeaders,
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native / binary packages used on the server: load them with Node's own
  // `require` instead of bundling them.
  serverExternalPackages: ['esbuild', 'zeromq'],
  // The browser's next-intl is the site's own small client API (no ICU parser in every page's
  // first-load JavaScript); the server keeps next-intl. See app/components/i18n/intl-client.tsx.
  turbopack: {
    resolveAlias: { 'next-intl': { browser: './app/components/i18n/intl-client.tsx' } },
  },
  // An embed's `?lang=ko` is its Korean page (app/embed/[lesson]/[snippet]/ko), built like the English one.
  async rewrites() {
    return {
      beforeFiles: [{ source: '/embed/:lesson/:snippet', has: [{ type: 'query', key: 'lang', value: 'ko' }], destination: '/embed/:lesson/:snippet/ko' }],
    };
  },
  async headers() {
    return [
      // Nobody may frame the site (old and new spelling of the same rule)…
      {
        source: '/((?!embed$|embed/).*)',
        headers: unframedHeaders,
      },
      // …except embeds (app/embed), made to live in anyone's page. X-Frame-Options has no
      // "allow all" value, so it is left out; frame-ancestors * is the modern rule.
      {
        source: '/embed/:path*',
        headers: [{ key: 'Content-Security-Policy', value: 'frame-ancestors *' }, ...commonHeaders],
      },
    ];
  },
};

// next-intl (issue 19): pages and components read the locale and messages through i18n/request.ts.
export default createNextIntlPlugin('./i18n/request.ts')(nextConfig);
