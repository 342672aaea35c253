from api.events import notifications as NotificationKind
from api.notifications.services import notify
from tests.matrix import Row, logged_in


def _own_notification(world, role):
    user = world.user(role) or world.user("citizen")
    notification = notify(
        user=user, kind=NotificationKind.EVENT_CHANGED, title="행사 변경", body="시간이 바뀌었습니다."
    )
    return f"/api/v1/notifications/{notification.pk}/read/"


def _someone_elses(world, role):
    other = world.user("member_b") if role != "member_b" else world.user("member_a")
    notification = notify(user=other, kind=NotificationKind.EVENT_CHANGED, title="행사 변경")
    return f"/api/v1/notifications/{notification.pk}/read/"


ROWS = [
    Row("notifications_list", "GET", "/api/v1/notifications/", logged_in(200)),
    Row("notifications_unread_count", "GET", "/api/v1/notifications/unread-count/", logged_in(200)),
    Row("notifications_mark_read", "POST", _own_notification, logged_in(200)),
    Row("notifications_mark_read", "POST", _someone_elses, logged_in(404), note="someone else's"),
    Row("notifications_mark_all_read", "POST", "/api/v1/notifications/read-all/", logged_in(200)),
    Row("notifications_preferences_retrieve", "GET", "/api/v1/notifications/preferences/", logged_in(200)),
    Row(
        "notifications_preferences_update",
        "PUT",
        "/api/v1/notifications/preferences/",
        logged_in(200),
        body={"preferences": [{"kind": "registration_promoted", "email": False}]},
    ),
]
