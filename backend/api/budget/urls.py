"""Budget routes: ``/budget-items/…``, ``/budget-executions/{id}/reverse/`` and ``/budget/…``."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from api.budget import views

URL_ORDER = 60

router = SimpleRouter()
router.register("budget-items", views.BudgetItemViewSet, basename="budget-item")
router.register("budget-items", views.BudgetItemActionViewSet, basename="budget-item-action")
router.register("budget/programmes", views.ProgrammeViewSet, basename="budget-programme")

urlpatterns = [
    path("budget-executions/<int:pk>/reverse/", views.ExecutionReverseView.as_view(), name="budget-execution-reverse"),
    path("budget/ledger/", views.LedgerView.as_view(), name="budget-ledger"),
    path("budget/ledger/verify/", views.LedgerVerifyView.as_view(), name="budget-ledger-verify"),
    path("budget/summary/", views.SummaryView.as_view(), name="budget-summary"),
    path("budget/exports/<str:dataset>.csv", views.ExportCSVView.as_view(), name="budget-export-csv"),
    path("budget/exports/<str:dataset>.xlsx", views.ExportXLSXView.as_view(), name="budget-export-xlsx"),
    *router.urls,
]
