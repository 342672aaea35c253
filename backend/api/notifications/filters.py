import django_filters

from api.common.filters import FilterSet
from api.notifications.kinds import KIND_CHOICES
from api.notifications.models import Notification


class NotificationFilter(FilterSet):
    unread = django_filters.BooleanFilter(
        field_name="read_at", lookup_expr="isnull", label="true: only unread; false: only read"
    )
    kind = django_filters.ChoiceFilter(choices=KIND_CHOICES)

    class Meta:
        model = Notification
        fields = ["unread", "kind"]
