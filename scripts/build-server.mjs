// Bundles the site's server and the standalone runner into dist/ (packages stay external).
import { build } from "esbuild";

const dev = process.argv.includes("--dev");
await build({
  entryPoints: { server: "server.ts", runner: "runner/main.ts" },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Every package stays in node_modules: zeromq's native addon, and PGlite, which loads its
  // wasm and data files from beside its own module (bundled, it would not find them).
  packages: "external",
  sourcemap: true,
  minify: false,
  logLevel: "warning",
  define: dev ? {} : { "process.env.NODE_ENV": '"production"' },
});
