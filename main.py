"""Entry point: ``community-inbox`` (or ``python main.py``): the CLI and the desktop app."""

from __future__ import annotations

import sys
from pathlib import Path

from inbox.cli import main as cli_main


def run_gui(data_dir: Path, demo: bool, language: str | None) -> int:
    from ui.app import run  # imported late: the CLI works without Qt or a display

    return run(data_dir, demo=demo, language=language)


def main() -> None:
    sys.exit(cli_main(gui=run_gui))


if __name__ == "__main__":
    main()
