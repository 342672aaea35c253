from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.common.serializers import ModelSerializer, Serializer
from api.notifications.kinds import KIND_CHOICES, kind_label
from api.notifications.models import Notification


class NotificationSerializer(ModelSerializer):
    kind = serializers.ChoiceField(choices=KIND_CHOICES, read_only=True, label=_("kind"))
    kind_label = serializers.SerializerMethodField()
    is_read = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = ["id", "kind", "kind_label", "title", "body", "url", "data", "is_read", "read_at", "created_at"]
        read_only_fields = fields

    def get_kind_label(self, obj: Notification) -> str:
        return kind_label(obj.kind)

    def get_is_read(self, obj: Notification) -> bool:
        return obj.read_at is not None


class UnreadCountSerializer(Serializer):
    unread = serializers.IntegerField(help_text=_("Number of unread notifications."))


class MarkedCountSerializer(Serializer):
    marked = serializers.IntegerField(help_text=_("Number of notifications marked read."))


class NotificationPreferenceSerializer(Serializer):
    kind = serializers.ChoiceField(choices=KIND_CHOICES)
    kind_label = serializers.CharField(read_only=True)
    email = serializers.BooleanField(help_text=_("Also send an e-mail for this kind."))
    in_app = serializers.BooleanField(read_only=True, help_text=_("In-app notifications are always on."))


class NotificationPreferenceItemInputSerializer(Serializer):
    kind = serializers.ChoiceField(choices=KIND_CHOICES)
    email = serializers.BooleanField()


class NotificationPreferencesInputSerializer(Serializer):
    preferences = NotificationPreferenceItemInputSerializer(many=True, max_length=50)  # type: ignore[call-arg]  # ListSerializer takes max_length; the stubs do not know
