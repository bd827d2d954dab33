"""Where the app keeps its data.

``--data-dir``, else ``COMMUNITY_INBOX_HOME``, else the platform's user data directory.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "community-inbox"
ENV_HOME = "COMMUNITY_INBOX_HOME"


def data_dir(explicit: str | Path | None = None) -> Path:
    if explicit:
        chosen = Path(explicit)
    elif os.environ.get(ENV_HOME):
        chosen = Path(os.environ[ENV_HOME])
    else:
        chosen = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    chosen.mkdir(parents=True, exist_ok=True)
    return chosen
