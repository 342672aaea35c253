"""`make bench` only: the production settings plus a bench-only route to the stack's ceiling.

Never used by a deployment: ``config.settings`` routes no such view.
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "config.urls_bench"
