"""Entry point: ``community-inbox`` (or ``python main.py``): the CLI and the desktop app."""

from __future__ import annotations

import sys

from inbox.cli import main as cli_main


def main() -> None:
    sys.exit(cli_main())


if __name__ == "__main__":
    main()
