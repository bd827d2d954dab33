"""Webhook deliveries: a rule's POST to Slack, Teams or any endpoint, sent in the background.

A firing rule only writes a row to the ``webhooks`` table (inside its
transaction, so the POST is not lost if the app stops); ``deliver_webhooks``
sends what is due, from the GUI's network worker or after ``sync --once``,
never from ingest, so a slow or dead endpoint cannot hold up the inbox.

- Timeouts on every request; 429, 408, 5xx and network failures are retried
  with ``inbox.sync.backoff_seconds`` (the one backoff), other 4xx fail for
  good (the endpoint said no; retrying will not change its mind), and so does
  anything still failing after ``MAX_ATTEMPTS``.
- A row is claimed by a compare-and-set on its attempt count, with a lease:
  two senders never post the same attempt, and a sender killed mid-request
  leaves a row that is tried again once the lease runs out.
- URLs may embed secrets (Slack's and Teams' do): they are registered with
  ``logconfig.register_secret`` and logs and stored errors name only the host
  and a short hash of the URL. Exception texts are never stored, because
  requests puts the URL in them.
"""

from __future__ import annotations

import enum
import hashlib
import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import requests

from inbox import logconfig
from inbox.store import SqlStore
from inbox.sync import backoff_seconds
from inbox.timeutil import to_ms, utcnow

log = logging.getLogger(__name__)

TIMEOUT_S = 5.0
MAX_ATTEMPTS = 12  # with backoff capped at 15 min: a few hours of trying
LEASE_S = 60.0


class Outcome(enum.StrEnum):
    DELIVERED = "delivered"
    RETRY = "retry"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class WebhookResult:
    id: int
    rule: str
    outcome: Outcome
    detail: str  # one line, never the URL


def where(url: str) -> str:
    """How logs name an endpoint: its host and a short hash, never the path or query."""
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
    return f"{urlsplit(url).hostname or '?'}#{digest}"


def _attempt(session: requests.Session, url: str, body: str, timeout: float) -> tuple[Outcome, str]:
    try:
        response = session.post(url, data=body.encode("utf-8"), timeout=timeout,
                                headers={"Content-Type": "application/json; charset=utf-8"},
                                allow_redirects=False)
    except requests.Timeout:
        return Outcome.RETRY, f"no answer within {timeout:.0f} s"
    except requests.RequestException as exc:
        return Outcome.RETRY, f"could not connect ({type(exc).__name__})"
    code = response.status_code
    response.close()
    if 200 <= code < 300:
        return Outcome.DELIVERED, f"HTTP {code}"
    if code in (408, 425, 429) or code >= 500:
        return Outcome.RETRY, f"HTTP {code}"
    return Outcome.FAILED, f"the endpoint refused it (HTTP {code})"


def deliver_webhooks(store: SqlStore, now: datetime, session: requests.Session, *,
                     timeout: float = TIMEOUT_S, rng: random.Random | None = None,
                     limit: int = 20) -> list[WebhookResult]:
    """POST every due webhook once; returns what happened to each (never raises on HTTP)."""
    rng = rng or random.Random()
    now_ms = to_ms(now)
    results = []
    for row in store.webhooks_due(now_ms, limit):
        logconfig.register_secret(row.url)
        lease = to_ms(now + timedelta(seconds=timeout + LEASE_S))
        if not store.claim_webhook(row.id, row.attempts, lease):
            continue  # another sender took it
        attempts = row.attempts + 1
        outcome, detail = _attempt(session, row.url, row.body, timeout)
        if outcome is Outcome.RETRY and attempts >= MAX_ATTEMPTS:
            outcome, detail = Outcome.FAILED, f"gave up after {attempts} attempts ({detail})"
        if outcome is Outcome.DELIVERED:
            store.finish_webhook(row.id, "delivered", now_ms, "", now_ms)
        elif outcome is Outcome.RETRY:
            retry = now + timedelta(seconds=backoff_seconds(attempts, rng))
            store.finish_webhook(row.id, "queued", to_ms(retry), detail, None)
        else:
            store.finish_webhook(row.id, "failed", now_ms, detail, None)
        level = logging.INFO if outcome is Outcome.DELIVERED else logging.WARNING
        log.log(level, "webhook of rule %r to %s: %s (%s)", row.rule, where(row.url),
                outcome.value, detail)
        results.append(WebhookResult(row.id, row.rule, outcome, detail))
    return results


def deliver_due(store: SqlStore, *, limit: int = 20) -> list[WebhookResult]:
    """One pass over due webhooks with a fresh session (``sync --once``, the sync worker).

    The session ignores proxy settings from the environment, like the X client.
    """
    with requests.Session() as session:
        session.trust_env = False
        return deliver_webhooks(store, utcnow(), session, limit=limit)
