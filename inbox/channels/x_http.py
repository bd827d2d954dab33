"""The HTTP seam between tweepy and the account's API base.

tweepy hard-codes ``https://api.twitter.com`` in ``BaseClient.request``; its
public ``client.session`` attribute is the supported seam. This session rewrites
the host prefix to the configured base (the real API, or our sandbox on
127.0.0.1) before the request is prepared, so OAuth 1.0a signs the URL that is
actually requested and the server can verify the signature against its own URL.
"""

from __future__ import annotations

from typing import Any

import requests

X_HOSTS = ("https://api.twitter.com", "https://api.x.com")
DEFAULT_API_BASE = "https://api.x.com"


class RewritingSession(requests.Session):
    """A ``requests.Session`` that sends X API calls to ``api_base`` instead."""

    def __init__(self, api_base: str, *, timeout: float = 20.0, trust_env: bool = True) -> None:
        super().__init__()
        self.api_base = api_base.rstrip("/")
        self.default_timeout = timeout
        self.trust_env = trust_env

    def rewrite(self, url: str) -> str:
        for host in X_HOSTS:
            if url.startswith(host):
                return self.api_base + url[len(host) :]
        return url

    def request(
        self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any
    ) -> requests.Response:
        if isinstance(url, bytes):
            url = url.decode()
        kwargs.setdefault("timeout", self.default_timeout)
        return super().request(method, self.rewrite(url), *args, **kwargs)
