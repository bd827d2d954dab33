"""The direct-message endpoints: reading a user's DM events and sending DMs.

X serves DMs to the user context only, newest first, 30 days back, with page
tokens even on the only page (the next call then comes back empty), and a
fresh message may take a moment to show (``dm_visibility_delay``).
"""

from __future__ import annotations

import re
from typing import Any

from inbox.sandbox.call import Call, Result, int_param, make_token, page, read_token
from inbox.sandbox.shapes import (
    DM_EVENT_TYPES,
    DM_EXPANSIONS,
    forbidden,
    invalid_request,
    parse_list,
)
from inbox.sandbox.world import JSON, WorldError, dm_pair_id

DM_HISTORY_MS = 30 * 86400 * 1000

def dm_events(call: Call) -> Result:
    q, world, me = call.query, call.world, call.user_id
    renderer = call.renderer(DM_EXPANSIONS)
    types = parse_list(q, "event_types", DM_EVENT_TYPES) or list(DM_EVENT_TYPES)
    max_results = int_param(q, "max_results", 100, 1, 100)
    token = read_token(q)
    conv_id = call.params.get("conv")
    if "pid" in call.params:
        conv_id = dm_pair_id(me, call.params["pid"]) if call.params["pid"] != me else "none"
    with world.lock:
        now = world.now_ms()
        events = [
            e for e in world.dm_events_of(
                me, conv_id, after_ms=now - DM_HISTORY_MS,
                before_ms=now - int(call.settings.dm_visibility_delay * 1000))
            if e["event_type"] in types
        ]
        if token and token[0] == "n":
            events = [e for e in events if int(e["id"]) < token[1]][:max_results]
        elif token:
            events = [e for e in events if int(e["id"]) > token[1]][-max_results:]
        else:
            events = events[:max_results]
        data = [renderer.event(e) for e in events]
        renderer.expand_events(events)
    meta: JSON = {"result_count": len(data)}
    if data:
        meta["next_token"] = make_token("n", data[-1]["id"])
        meta["previous_token"] = make_token("p", data[0]["id"])
    return page(data, renderer, meta)


def _dm_text(body: Any) -> str:
    text = body.get("text") if isinstance(body, dict) else None
    if not isinstance(text, str) or not 1 <= len(text) <= 10_000:
        raise invalid_request("text", str(text)[:50], "$.text: must be 1 to 10000 characters")
    return text


def dm_send_with(call: Call) -> Result:
    text, pid = _dm_text(call.body), call.params["pid"]
    with call.world.lock:
        if pid == call.user_id or pid not in call.world.users:
            raise invalid_request("participant_id", pid, f"The `participant_id` path parameter "
                                                         f"value [{pid}] is invalid")
        event = call.world.send_dm(call.user_id, pid, text)
    return 201, {"data": {"dm_conversation_id": event["dm_conversation_id"],
                          "dm_event_id": event["id"]}}


def dm_send_to(call: Call) -> Result:
    text, cid, me = _dm_text(call.body), call.params["conv"], call.user_id
    world = call.world
    with world.lock:
        conv = world.conversations.get(cid)
        try:
            if conv is not None and conv.group and conv.member_now(me):
                event = world.send_group_dm(cid, me, text)
            elif conv is None and re.fullmatch(r"\d+-\d+", cid) and me in cid.split("-"):
                other = next(p for p in cid.split("-") if p != me)
                event = world.send_dm(me, other, text)
            elif conv is not None and not conv.group and conv.member_now(me):
                event = world.send_dm(me, next(p for p in conv.spans if p != me), text)
            else:
                raise forbidden("You are not a participant in this conversation.")
        except (WorldError, StopIteration):
            raise forbidden("You are not a participant in this conversation.") from None
    return 201, {"data": {"dm_conversation_id": cid, "dm_event_id": event["id"]}}


def dm_group_create(call: Call) -> Result:
    body = call.body if isinstance(call.body, dict) else {}
    message = body.get("message")
    text = _dm_text(message)
    ids = body.get("participant_ids")
    if body.get("conversation_type") != "Group" or not isinstance(ids, list) or not ids:
        raise invalid_request("participant_ids", str(ids), "$.participant_ids: required")
    with call.world.lock:
        missing = [str(i) for i in ids if str(i) not in call.world.users]
        if missing:
            raise invalid_request("participant_ids", missing, "Unknown participant")
        cid = call.world.create_group_dm(call.user_id, [str(i) for i in ids])
        event = call.world.send_group_dm(cid, call.user_id, text)
    return 201, {"data": {"dm_conversation_id": cid, "dm_event_id": event["id"]}}
