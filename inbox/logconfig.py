"""Logging for the app and the CLI, with secrets kept out of every record.

tweepy logs request headers (including ``Authorization``) at DEBUG, so its
logger is capped at INFO whatever our verbosity, and every record passes a
filter that masks bearer tokens, OAuth header values and any secret value
registered at run time (``register_secret``).
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from pathlib import Path
from typing import Any

_SECRETS: set[str] = set()
_LOCK = threading.Lock()
_PATTERNS = [
    re.compile(r"(Bearer\s+)[A-Za-z0-9\-._~+/%=]+"),
    re.compile(r'(oauth_(?:token|consumer_key|signature)=")[^"]*'),
    re.compile(r"((?:access_token|refresh_token|client_secret|code_verifier)=)[^&\s]+"),
]


def register_secret(value: str) -> None:
    """Mask this exact value in every log record from now on."""
    if len(value) >= 6:
        with _LOCK:
            _SECRETS.add(value)


def redact(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub(r"\1<redacted>", text)
    with _LOCK:
        secrets = sorted(_SECRETS, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, "<redacted>")
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is now (tests and embedders replace it)."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def _redacting(handler: logging.Handler) -> logging.Handler:
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactingFilter())
    return handler


def setup(*, verbose: bool = False, quiet_level: int = logging.WARNING,
          log_file: Path | None = None) -> None:
    """Log to stderr (and to ``log_file``, for support), secrets redacted everywhere."""
    root = logging.getLogger()
    if not any(isinstance(f, RedactingFilter) for h in root.handlers for f in h.filters):
        root.addHandler(_redacting(_StderrHandler()))
    if log_file is not None and not any(
        isinstance(h, logging.FileHandler) and Path(h.baseFilename) == log_file.resolve()
        for h in root.handlers
    ):
        log_file.parent.mkdir(parents=True, exist_ok=True)
        root.addHandler(_redacting(logging.FileHandler(log_file, encoding="utf-8")))
    root.setLevel(logging.DEBUG if verbose else quiet_level)
    logging.getLogger("tweepy").setLevel(logging.INFO)
    logging.getLogger("urllib3").setLevel(logging.INFO)
    logging.getLogger("oauthlib").setLevel(logging.INFO)
    logging.getLogger("requests_oauthlib").setLevel(logging.INFO)
