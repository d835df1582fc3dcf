# One image for every app; the compose file picks the app with APP.
FROM node:20-bookworm-slim
# The builder service reads git remotes itself (RefreshBuildCache, later ResourceSync).
RUN apt-get update && apt-get install -y --no-install-recommends git ca-certificates \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /monitor
COPY package.json package-lock.json ./
COPY apps ./apps
COPY libs ./libs
COPY bench ./bench
COPY .swcrc tsconfig.json ./
RUN npm ci && npm run build && npm prune --omit=dev
ENV APP=monitor
CMD ["sh", "-c", "node dist/apps/$APP/src/main.js"]
