"""A local stand-in for X's API v2, so tests and the demo never touch the real network.

``XSandbox`` is a real HTTP server on 127.0.0.1 that tweepy's unmodified
``Client`` talks to through ``inbox.channels.x_http.RewritingSession``;
``TrafficGenerator`` (``inbox.sandbox.traffic``) fills it with realistic Arabic
and English customer traffic for the demo.
"""

from inbox.sandbox.limits import DEFAULT_LIMITS, Fault, FaultQueue
from inbox.sandbox.server import XSandbox
from inbox.sandbox.world import SandboxUser, WorldError, dm_pair_id

__all__ = ["DEFAULT_LIMITS", "Fault", "FaultQueue", "SandboxUser", "WorldError", "XSandbox",
           "dm_pair_id"]
