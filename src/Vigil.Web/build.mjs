// Bundles the officer console and the wearer app into Vigil.Server/wwwroot (run by MSBuild, see Vigil.Server.csproj).
// Everything the browser loads comes from here: no CDN, no map tiles, no web fonts.
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync } from "node:fs";

const out = new URL("../Vigil.Server/wwwroot/", import.meta.url).pathname;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: { "console/app": "src/console/main.ts", "wearer/app": "src/wearer/main.ts" },
  bundle: true,
  minify: true,
  sourcemap: true,
  target: "es2022",
  format: "esm",
  outdir: out,
  loader: { ".png": "file", ".svg": "file" },
  assetNames: "assets/[name]-[hash]",
  logLevel: "warning",
});

cpSync("static", out, { recursive: true });
cpSync("node_modules/leaflet/dist/leaflet.css", `${out}vendor/leaflet.css`);
cpSync("node_modules/leaflet/dist/images", `${out}vendor/images`, { recursive: true });
cpSync("node_modules/leaflet.markercluster/dist/MarkerCluster.css", `${out}vendor/MarkerCluster.css`);
cpSync("node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css", `${out}vendor/MarkerCluster.Default.css`);
