from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from api.common import errors
from api.common.metrics import metrics_view
from config.media import serve_media

urlpatterns = [
    path("api/v1/", include("api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("admin/", admin.site.urls),
    # Unknown API paths answer in the problem format even with DEBUG on, whatever the method
    # (without csrf_exempt a DELETE to an unknown path would get Django's HTML CSRF page).
    re_path(r"^api/", csrf_exempt(errors.handler404)),
    # Prometheus (not part of the API nor of its spec): 404 unless METRICS_TOKEN is set and sent.
    path("metrics", metrics_view, name="metrics"),
]
if settings.SERVE_MEDIA:
    urlpatterns.append(re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", serve_media, name="media"))
# The web app (index for client-side routes, robots.txt, sitemap.xml): last, it catches the rest.
urlpatterns.append(path("", include("api.web.routes")))

handler400 = "api.common.errors.handler400"
handler403 = "api.common.errors.handler403"
handler404 = "api.common.errors.handler404"
handler500 = "api.common.errors.handler500"
