from django.urls import path, re_path

from api.audit import views

urlpatterns = [
    path("audit-log/", views.AuditLogView.as_view(), name="audit-log"),
    re_path(
        r"^audit-log/(?P<object_type>[a-z_]+\.[a-z_]+)/(?P<object_id>[0-9]{1,19})/$",
        views.AuditObjectHistoryView.as_view(),
        name="audit-log-object",
    ),
]
