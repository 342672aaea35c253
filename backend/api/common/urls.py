from django.urls import path

from api.common.views import HealthView

URL_ORDER = 0  # health first

urlpatterns = [
    path("health/", HealthView.as_view(), name="health"),
]
