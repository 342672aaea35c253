"""schemathesis hooks for `make contract` (scripts/contract.sh loads them with SCHEMATHESIS_HOOKS).

The spec asks clients for a new Idempotency-Key on every request; a generator that draws keys from
the pattern repeats short ones ("0", "A") across different requests, which the server rightly answers
with 422 idempotency_key_reused. A well-formed key is replaced by a fresh UUID, as a real client
makes one; a malformed key (negative testing) is left as drawn so the 400 path stays tested.
"""

import re
import uuid

import schemathesis

_VALID_KEY = re.compile(r"[!-~]{1,255}")


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    """Runs before every request of every phase (examples, coverage, fuzzing, stateful)."""
    fresh = str(uuid.uuid4())
    for headers in (case.headers, kwargs.get("headers")):
        key = headers.get("Idempotency-Key") if headers is not None else None  # a mapping, not always a dict
        if isinstance(key, str) and _VALID_KEY.fullmatch(key):
            headers["Idempotency-Key"] = fresh


@schemathesis.hook
def after_call(ctx, case, response):
    import os

    if os.environ.get("CONTRACT_HOOK_LOG"):
        with open(os.environ["CONTRACT_HOOK_LOG"], "a") as log:
            log.write(f"{case.headers.get('Idempotency-Key') if case.headers else None} -> {response.status_code}\n")
