#!/usr/bin/env bash
# Refresh the third-party JavaScript the web app serves from src/presslens/web/static (never a CDN):
# Vega, Vega-Lite and vega-embed for charts, Swagger UI for /docs, with their licences.
# vega-interpreter ships only as an ES module importing vega-util; it is rewritten to a
# classic script reading those three names from the `vega` global, so charts render under
# a Content-Security-Policy without 'unsafe-eval'.  Vega-Lite matches altair's schema (v6).
set -euo pipefail
static="$(cd "$(dirname "$0")/.." && pwd)/src/presslens/web/static"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm init -y >/dev/null
npm install --silent vega@6.4.0 vega-lite@6.4.3 vega-embed@7.3.0 vega-interpreter@2.3.2 swagger-ui-dist@5.35.0
cp node_modules/vega/build/vega.min.js node_modules/vega-lite/build/vega-lite.min.js \
   node_modules/vega-embed/build/vega-embed.min.js "$static/"
sed -e '/^\/\/# sourceMappingURL/d' node_modules/swagger-ui-dist/swagger-ui-bundle.js > "$static/swagger-ui-bundle.js"
sed -e '/^\/\*# sourceMappingURL/d' node_modules/swagger-ui-dist/swagger-ui.css > "$static/swagger-ui.css"
{
  echo "/* vega-interpreter 2.3.2, BSD-3-Clause, rewritten by scripts/vendor-js.sh */"
  echo "(function () { const { ascending, isString, DisallowedObjectProperties } = vega;"
  sed -e '/^import .* from .vega-util.;$/d' -e 's/^export { expression as expressionInterpreter };$/vega.expressionInterpreter = expression;/' \
      -e '/^\/\/# sourceMappingURL/d' node_modules/vega-interpreter/build/vega-interpreter.js
  echo "})();"
} > "$static/vega-interpreter.js"
for p in vega vega-lite vega-embed vega-interpreter swagger-ui-dist; do
  echo "== $p $(node -p "require('./node_modules/$p/package.json').version") =="
  cat "node_modules/$p/LICENSE"
  echo
done > "$static/THIRD-PARTY-LICENSES.txt"
