"""Community Inbox core: everything but the windows. Never imports Qt."""
