"""A test-only URLconf: the real API plus small views that raise each kind of error, so the shared
machinery (error format, pagination, ordering, permissions) is tested apart from any domain."""

from django.db import IntegrityError, connection, transaction
from django.urls import include, path
from rest_framework import generics, permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from api.accounts.models import User
from api.common.errors import ConflictError, PreconditionFailedError
from api.common.permissions import IsCoordinator


class CoordinatorOnlyView(APIView):
    permission_classes = [IsCoordinator]

    def get(self, request):
        return Response({"ok": True})


class ConflictView(APIView):
    permission_classes = [permissions.AllowAny]

    def post(self, request):
        raise ConflictError("이미 마감된 행사입니다.", code="registration_closed")


class PreconditionView(APIView):
    permission_classes = [permissions.AllowAny]

    def get(self, request):
        raise PreconditionFailedError()


class IntegrityView(APIView):
    permission_classes = [permissions.AllowAny]

    def get(self, request):
        raise IntegrityError("duplicate key value violates unique constraint")


class CrashView(APIView):
    permission_classes = [permissions.AllowAny]

    def get(self, request):
        raise RuntimeError("boom")


class SlowQueryView(APIView):
    """A statement that outlasts a (here 50 ms) statement timeout on PostgreSQL."""

    permission_classes = [permissions.AllowAny]

    def get(self, request):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 50")
            cursor.execute("SELECT pg_sleep(2)")
        return Response({})


class UserRowSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "email", "display_name"]


class UserListView(generics.ListAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = UserRowSerializer
    queryset = User.objects.all()
    ordering_fields = ["email", "id"]
    search_fields = ["display_name", "email"]


urlpatterns = [
    path("api/v1/", include("api.urls")),
    path("api/test/coordinator-only/", CoordinatorOnlyView.as_view()),
    path("api/test/conflict/", ConflictView.as_view()),
    path("api/test/precondition/", PreconditionView.as_view()),
    path("api/test/integrity/", IntegrityView.as_view()),
    path("api/test/crash/", CrashView.as_view()),
    path("api/test/slow/", SlowQueryView.as_view()),
    path("api/test/users/", UserListView.as_view()),
]

handler404 = "api.common.errors.handler404"
handler500 = "api.common.errors.handler500"
