# The Release Desk team server, as `release-desk server` (docs/server.md). TLS ends at the proxy in front.
FROM node:20-bookworm-slim

WORKDIR /opt/release-desk
ENV NODE_ENV=production ELECTRON_SKIP_BINARY_DOWNLOAD=1

COPY package.json package-lock.json ./
# better-sqlite3 is native: build tools for the install only (the SQLite store and migrate-store need it).
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && npm ci --omit=dev --no-audit --no-fund \
 && apt-get purge -y python3 make g++ && apt-get autoremove -y && rm -rf /var/lib/apt/lists/* /root/.npm

COPY bin ./bin
COPY electron ./electron
COPY tsconfig.json tsconfig.node.json tsconfig.web.json ./

USER node
EXPOSE 7420
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:7420/v1/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# The store: RELEASE_DESK_SERVER_STORE=postgres://… (or mount a volume and pass --data /data for SQLite).
ENTRYPOINT ["node", "bin/release-desk.mjs", "server"]
CMD ["--host", "0.0.0.0", "--port", "7420", "--insecure-http"]
