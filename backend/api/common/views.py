import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import permissions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.common.errors import ServiceUnavailableError
from api.common.schema import answers
from api.common.serializers import HealthSerializer


class HealthView(APIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes: list[type] = []

    @extend_schema(
        operation_id="health_retrieve",
        summary="상태 확인 (Health check)",
        description=(
            "데이터베이스가 응답하면 200, 아니면 503. 캐시(Redis)가 응답하지 않으면 200 `degraded`: 사이트는 계속 "
            "응답하지만 제한과 응답 캐시가 멈춥니다 (200 when the database answers, 503 otherwise; with the cache "
            "not answering it is 200 `degraded`: the site keeps serving, without throttling or cached responses)."
        ),
        tags=["system"],
        responses=answers(
            200,
            HealthSerializer,
            OpenApiExample("ok", value={"status": "ok", "database": "ok", "cache": "ok"}),
            OpenApiExample("degraded", value={"status": "degraded", "database": "ok", "cache": "unavailable"}),
            description="정상 또는 캐시 없이 동작 (Healthy, or serving without the cache)",
            errors=(503,),
        ),
    )
    def get(self, request: Request) -> Response:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except DatabaseError as exc:
            raise ServiceUnavailableError(_("The database is not answering.")) from exc
        cache_ok = _cache_answers()
        return Response(
            {"status": "ok" if cache_ok else "degraded", "database": "ok", "cache": "ok" if cache_ok else "unavailable"}
        )


def _cache_answers() -> bool:
    """A value written to the cache reads back (a failed call reads as a miss: see settings)."""
    key = f"health:probe:{secrets.token_hex(8)}"  # one per check: simultaneous checks never see each other's
    cache.set(key, 1, timeout=5)
    return bool(cache.get(key) == 1)
