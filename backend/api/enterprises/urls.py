from django.urls import include, path
from rest_framework.routers import SimpleRouter

from api.enterprises import views

router = SimpleRouter()
router.register("enterprises", views.EnterpriseViewSet, basename="enterprise")
router.register("products", views.ProductViewSet, basename="product")
router.register("stats/targets", views.ProgressTargetViewSet, basename="progress-target")

urlpatterns = [
    path("stats/", views.StatsView.as_view(), name="stats"),
    path("", include(router.urls)),
]
