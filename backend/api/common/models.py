from django.db import models


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
