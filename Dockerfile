# syntax=docker/dockerfile:1
# Two images from one file, both built by docker-compose.yml: `backend` (gunicorn, the task worker
# and the scheduler: one image, three commands) and `web` (nginx with the built web app). Base
# images are pinned to exact versions; bump them on purpose. The final images hold no compiler, no
# Node and no pip cache, and run as unprivileged users. See docs/deploy.md.

# --- The web app, built once for both images ---------------------------------------------------------
FROM node:20.20.2-bookworm-slim AS frontend-build
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY frontend/ ./
COPY docs/openapi.yaml /src/docs/openapi.yaml
RUN npm run build

# --- Python packages: the runtime ones only (requirements.in above "development and test"), at the
# exact versions of requirements.lock, from wheels (nothing is compiled) -----------------------------
FROM python:3.11.11-slim-bookworm AS python-build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
COPY requirements.in requirements.lock ./
RUN python -m venv /opt/venv \
    && sed '/^# development and test/,$d' requirements.in > runtime.in \
    && /opt/venv/bin/pip install --only-binary=:all: -r runtime.in -c requirements.lock
COPY backend/ /app/backend/
COPY scripts/compile_messages.py /app/scripts/compile_messages.py
COPY docs/api-description.md /app/docs/api-description.md
COPY --from=frontend-build /src/frontend/dist /app/frontend/dist
# Korean message catalogues (.mo) and the hashed static files (admin, API docs), with a key that
# exists for this step only (collectstatic signs nothing).
RUN /opt/venv/bin/python /app/scripts/compile_messages.py \
    && SECRET_KEY=collectstatic-only-never-used-to-sign-anything-0123456789abcdef \
       STATIC_ROOT=/app/static SEHUB_VAR_DIR=/tmp/sehub \
       /opt/venv/bin/python /app/backend/manage.py collectstatic --noinput -v 0 \
    && find /app -name '__pycache__' -prune -exec rm -rf {} +

# --- backend: gunicorn (default), `worker`, `scheduler`, or any manage.py command -------------------
FROM python:3.11.11-slim-bookworm AS backend
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    SEHUB_VAR_DIR=/var/lib/sehub \
    MEDIA_ROOT=/var/lib/sehub/media \
    STATIC_ROOT=/app/static \
    FRONTEND_DIST=/app/frontend/dist \
    WEB_BIND=0.0.0.0:8000
RUN groupadd --system --gid 10001 sehub \
    && useradd --system --uid 10001 --gid sehub --home-dir /var/lib/sehub --shell /usr/sbin/nologin sehub \
    && mkdir -p /var/lib/sehub/media \
    && chown -R sehub:sehub /var/lib/sehub
COPY --from=python-build /opt/venv /opt/venv
COPY --from=python-build /app /app
COPY deploy/entrypoint.sh /app/deploy/entrypoint.sh
WORKDIR /app
USER 10001:10001
EXPOSE 8000
VOLUME ["/var/lib/sehub/media"]
ENTRYPOINT ["/app/deploy/entrypoint.sh"]
CMD ["backend"]

# --- web: nginx (unprivileged image, port 8080/8443) with the built app and deploy/nginx ------------
FROM nginxinc/nginx-unprivileged:1.27.3-alpine AS web
# The image renders /etc/nginx/templates/*.template with envsubst at start, only ${SEHUB_*}.
ENV NGINX_ENVSUBST_FILTER=^SEHUB_ \
    SEHUB_SERVER_NAME=_ \
    SEHUB_HTTP_LISTEN=8080 \
    SEHUB_HTTPS_LISTEN=8443 \
    SEHUB_BACKEND=backend:8000 \
    SEHUB_APP_ROOT=/usr/share/nginx/html \
    SEHUB_TLS_CERT=/etc/nginx/tls/fullchain.pem \
    SEHUB_TLS_KEY=/etc/nginx/tls/privkey.pem
COPY deploy/nginx/sehub.conf.template /etc/nginx/templates/default.conf.template
COPY --from=frontend-build /src/frontend/dist /usr/share/nginx/html
USER 101
EXPOSE 8080 8443
