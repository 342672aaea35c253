"""Rows the shared API machinery keeps for itself."""

from django.db import models


class IdempotencyRecord(models.Model):
    """One ``Idempotency-Key`` of one caller: held while its request runs, then its response.

    ``key`` is a SHA-256 of the caller's scope and the client's key, so the unique constraint is
    the lock: the request that inserts the row runs, every other with the same key finds the row.
    While running, ``status_code`` is null and ``locked_until`` says when a crashed holder's claim
    may be taken over. Rows past ``expires_at`` count as absent; ``purge_idempotency_records``
    (and every hundredth new key) deletes them.
    """

    key = models.CharField(max_length=64, unique=True)
    fingerprint = models.CharField(max_length=64)
    owner = models.CharField(max_length=32)
    locked_until = models.DateTimeField(null=True, blank=True)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    content = models.BinaryField(default=b"")
    content_type = models.CharField(max_length=255, blank=True)
    headers = models.JSONField(default=dict)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        state = "running" if self.status_code is None else str(self.status_code)
        return f"{self.key[:12]}… ({state})"


class ResponseCacheGeneration(models.Model):
    """The one row (id 1) whose ``value`` stands for the state of all public data.

    ``api.common.response_cache`` reads it before building a cached answer and bumps it after every
    write, when the cache is not shared between processes (local memory). Written with raw SQL
    there (one statement, no signals), never through this model.
    """

    value = models.BigIntegerField()

    class Meta:
        verbose_name = "response cache generation"

    def __str__(self) -> str:
        return f"generation {self.value}"
