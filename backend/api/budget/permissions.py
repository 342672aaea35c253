"""Anyone reads the budget (it is open data); only coordinators write it."""

from api.common.permissions import IsCoordinator, IsCoordinatorOrReadOnly

__all__ = ["IsCoordinator", "IsCoordinatorOrReadOnly"]
