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
        description="데이터베이스가 응답하면 200, 아니면 503 (200 when the database answers, 503 otherwise).",
        tags=["system"],
        responses=answers(
            200,
            HealthSerializer,
            OpenApiExample("ok", value={"status": "ok"}),
            description="정상 (Healthy)",
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
        return Response({"status": "ok"})
