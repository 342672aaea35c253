"""`make bench` only (``config.settings_bench``): every production route plus the ceiling.

The ceiling is a DRF view answering a constant small JSON through the same middleware,
authentication, throttles and renderer as every public read: what the stack costs per request
before any application work. ``scripts/bench.py`` reports each endpoint's requests/s as a ratio to it.
"""

from django.urls import path
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.urls import handler400, handler403, handler404, handler500  # noqa: F401
from config.urls import urlpatterns as production_urlpatterns


class CeilingView(APIView):
    def get(self, request: Request) -> Response:
        return Response({"status": "ok"})


urlpatterns = [
    path("api/v1/_bench/ceiling/", CeilingView.as_view(), name="bench-ceiling"),
    *production_urlpatterns,
]
