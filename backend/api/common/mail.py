"""Outgoing e-mail. Mail is sent by a background task, enqueued only after the transaction that
caused it commits, so a rolled-back request never sends anything and a slow mail server never
holds up a request."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django_tasks import task


@task()
def send_mail_task(*, subject: str, body: str, to: list[str]) -> int:
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)


def mail_enqueue_on_commit(*, subject: str, body: str, to: list[str]) -> None:
    transaction.on_commit(lambda: send_mail_task.enqueue(subject=subject, body=body, to=to))
