"""Kinds belong to the domains that send them: registered at start-up, no migration, refused when
unknown."""

import pytest

from api.events import notifications as event_kinds
from api.notifications import kinds
from api.notifications.models import Notification
from api.notifications.services import notify
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_events_registered_their_kinds_in_order():
    codes = [kind.code for kind in kinds.registered_kinds()]
    assert codes[:6] == [
        event_kinds.REGISTRATION_CONFIRMED,
        event_kinds.REGISTRATION_WAITLISTED,
        event_kinds.REGISTRATION_PROMOTED,
        event_kinds.EVENT_CHANGED,
        event_kinds.EVENT_CANCELLED,
        event_kinds.BOOTH_APPLICATION_DECIDED,
    ]
    assert kinds.kind_info(event_kinds.REGISTRATION_CONFIRMED).email_by_default is False


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown notification kind"):
        notify(user=UserFactory(), kind="never_registered", title="?")
    assert not Notification.objects.exists()


def test_a_new_kind_needs_no_migration_and_shows_in_preferences(monkeypatch):
    monkeypatch.setattr(kinds, "_REGISTRY", dict(kinds._REGISTRY))
    monkeypatch.setattr(kinds, "KIND_CHOICES", list(kinds.KIND_CHOICES))
    code = kinds.register_kind("board_post_answered", "게시글에 답이 달림", email_by_default=False)
    user = UserFactory()
    notification = notify(user=user, kind=code, title="답글")
    assert notification.kind == code and not notification.emailed
    from api.notifications.selectors import notification_preferences

    assert {"kind": code, "kind_label": "게시글에 답이 달림", "email": False, "in_app": True} in (
        notification_preferences(user=user)
    )


def test_registering_a_code_twice_with_other_settings_fails():
    with pytest.raises(ValueError):
        kinds.register_kind(event_kinds.EVENT_CHANGED, "something else")
    assert kinds.register_kind(event_kinds.EVENT_CHANGED, kinds.kind_info(event_kinds.EVENT_CHANGED).label)


def test_the_model_keeps_no_list_of_kinds():
    assert not Notification._meta.get_field("kind").choices
