"""The store's schema as a list of forward migrations, shared by SQLite and PostgreSQL.

Each migration is applied once, in order, and the number applied is the schema
version (SQLite keeps it in ``PRAGMA user_version``, PostgreSQL in a one-row
table). Migrations never change once released: a new need is a new migration.

The SQL is written once for both engines: ``{pk}`` becomes the engine's
auto-increment primary key and ``{big}`` its 64-bit integer. Every instant is
an integer of epoch milliseconds (UTC).
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the domain of DESIGN.md
    """
    CREATE TABLE accounts (
        id {pk},
        name TEXT NOT NULL UNIQUE,
        network TEXT NOT NULL DEFAULT 'x',
        handle TEXT NOT NULL,
        user_id TEXT NOT NULL,
        api_base TEXT NOT NULL,
        credential_ref TEXT NOT NULL,
        auth_kind TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active',
        status_reason TEXT NOT NULL DEFAULT '',
        poll_seconds INTEGER NOT NULL DEFAULT 60,
        created_at {big} NOT NULL
    );
    CREATE TABLE account_sync (
        account_id {big} PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        next_attempt_at {big},
        failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT '',
        last_success_at {big}
    );
    CREATE TABLE cursors (
        account_id {big} NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        stream TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (account_id, stream)
    );
    CREATE TABLE contacts (
        id {pk},
        network TEXT NOT NULL DEFAULT 'x',
        platform_id TEXT NOT NULL,
        handle TEXT NOT NULL,
        display_name TEXT NOT NULL,
        followers {big} NOT NULL DEFAULT 0,
        verified INTEGER NOT NULL DEFAULT 0,
        account_created_at {big},
        updated_at {big} NOT NULL,
        UNIQUE (network, platform_id)
    );
    CREATE TABLE conversations (
        id {pk},
        account_id {big} NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        thread_id TEXT NOT NULL,
        contact_id {big} NOT NULL REFERENCES contacts(id),
        status TEXT NOT NULL DEFAULT 'open',
        status_changed_at {big} NOT NULL,
        snoozed_until {big},
        priority INTEGER NOT NULL DEFAULT 0,
        assignee TEXT,
        team TEXT,
        language TEXT,
        preview TEXT NOT NULL DEFAULT '',
        message_count INTEGER NOT NULL DEFAULT 0,
        last_message_at {big} NOT NULL,
        waiting_since {big},
        first_reply_at {big},
        created_at {big} NOT NULL,
        UNIQUE (account_id, kind, thread_id)
    );
    CREATE INDEX conversations_needs_reply ON conversations (waiting_since, id)
        WHERE status = 'open' AND waiting_since IS NOT NULL;
    CREATE INDEX conversations_by_status ON conversations (status, last_message_at, id);
    CREATE INDEX conversations_snoozed ON conversations (snoozed_until, id)
        WHERE status = 'snoozed';
    CREATE TABLE conversation_tags (
        conversation_id {big} NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (conversation_id, tag)
    );
    CREATE INDEX conversation_tags_by_tag ON conversation_tags (tag, conversation_id);
    CREATE TABLE messages (
        id {pk},
        conversation_id {big} NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        account_id {big} NOT NULL,
        kind TEXT NOT NULL,
        platform_id TEXT NOT NULL,
        direction TEXT NOT NULL,
        author_contact_id {big} REFERENCES contacts(id),
        author_platform_id TEXT NOT NULL,
        text TEXT NOT NULL,
        language TEXT,
        in_reply_to TEXT,
        created_at {big} NOT NULL,
        ingested_at {big} NOT NULL,
        agent TEXT,
        origin TEXT,
        automatic INTEGER NOT NULL DEFAULT 0,
        UNIQUE (account_id, kind, platform_id)
    );
    CREATE INDEX messages_by_conversation ON messages (conversation_id, created_at, id);
    CREATE TABLE events (
        id {pk},
        conversation_id {big} REFERENCES conversations(id) ON DELETE CASCADE,
        message_id {big} REFERENCES messages(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        at {big} NOT NULL,
        actor TEXT,
        data TEXT NOT NULL DEFAULT '{{}}',
        dedupe_key TEXT UNIQUE
    );
    CREATE INDEX events_by_conversation ON events (conversation_id, id);
    CREATE INDEX events_by_type_time ON events (type, at);
    """,
    # 2: the durable send queue (inbox/outbox.py). A reply is a row here before
    # any network call. ``in_doubt`` means "an attempt may have reached X", so
    # the next attempt looks for the post/DM before sending again; ``claimed_by``
    # and ``lease_until`` tell a crashed sender's row from one still in flight.
    # A platform id can be claimed by one outbox row only (the UNIQUE below).
    """
    CREATE TABLE outbox (
        id {pk},
        idempotency_key TEXT NOT NULL UNIQUE,
        conversation_id {big} NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        account_id {big} NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        reply_to_platform_id TEXT,
        dm_conversation_id TEXT,
        participant_id TEXT,
        agent TEXT NOT NULL,
        automatic INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'queued',
        attempts INTEGER NOT NULL DEFAULT 0,
        in_doubt INTEGER NOT NULL DEFAULT 0,
        not_before {big} NOT NULL,
        attempted_at {big},
        claimed_by TEXT,
        lease_until {big},
        last_error TEXT NOT NULL DEFAULT '',
        error_kind TEXT,
        created_at {big} NOT NULL,
        sent_at {big},
        sent_platform_id TEXT,
        message_id {big} REFERENCES messages(id) ON DELETE SET NULL,
        UNIQUE (account_id, kind, sent_platform_id)
    );
    CREATE INDEX outbox_due ON outbox (not_before, id) WHERE state IN ('queued', 'sending');
    CREATE INDEX outbox_by_conversation ON outbox (conversation_id, id);
    """,
    # 3: drafts, saved as the agent types, so closing the app or a crash loses nothing.
    """
    CREATE TABLE drafts (
        conversation_id {big} PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
        dm INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL,
        updated_at {big} NOT NULL
    );
    """,
    # 4: saved replies (inbox/templates.py). ``shortcut_key`` is the shortcut as
    # matched (textnorm.normalize), unique among live replies only, so a deleted
    # reply can be restored (undo) and its shortcut reused meanwhile. ``owner``
    # NULL is shared, else the agent whose personal reply it is. ``search_*``
    # hold the normalised name and variant texts for the ``/`` popup. Uses are
    # an append-only log of their own (per reply, not per conversation: the
    # event log is conversation history for metrics); ``use_count`` mirrors it
    # for ranking without a GROUP BY on every keystroke.
    """
    CREATE TABLE saved_replies (
        id {pk},
        name TEXT NOT NULL,
        shortcut TEXT NOT NULL,
        shortcut_key TEXT NOT NULL,
        category TEXT NOT NULL DEFAULT '',
        owner TEXT,
        approved INTEGER NOT NULL DEFAULT 0,
        search_name TEXT NOT NULL,
        search_body TEXT NOT NULL,
        use_count {big} NOT NULL DEFAULT 0,
        created_at {big} NOT NULL,
        updated_at {big} NOT NULL,
        deleted_at {big}
    );
    CREATE UNIQUE INDEX saved_replies_live_shortcut ON saved_replies (shortcut_key)
        WHERE deleted_at IS NULL;
    CREATE TABLE saved_reply_variants (
        reply_id {big} NOT NULL REFERENCES saved_replies(id) ON DELETE CASCADE,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (reply_id, language)
    );
    CREATE TABLE saved_reply_uses (
        id {pk},
        reply_id {big} NOT NULL REFERENCES saved_replies(id) ON DELETE CASCADE,
        agent TEXT NOT NULL,
        conversation_id {big} REFERENCES conversations(id) ON DELETE SET NULL,
        language TEXT NOT NULL,
        used_at {big} NOT NULL
    );
    CREATE INDEX saved_reply_uses_by_reply ON saved_reply_uses (reply_id, agent);
    """,
    # 5: escalation rules and SLAs (inbox/rules*.py, inbox/sla.py, inbox/webhooks.py).
    # ``rules.body`` is the rule's JSON as the rules file spells it (webhook URLs
    # included: configuration, kept out of logs). ``rule_hits`` counts messages
    # that matched a rule, for spike conditions. ``sla_targets`` holds seconds per
    # channel kind and priority so the queue can sort by time left in SQL.
    # ``webhooks`` is the persisted delivery queue; ``notifications`` are desktop
    # notifications the GUI shows and marks seen.
    """
    CREATE TABLE rules (
        id {pk},
        position INTEGER NOT NULL,
        name TEXT NOT NULL UNIQUE,
        enabled INTEGER NOT NULL DEFAULT 1,
        body TEXT NOT NULL,
        updated_at {big} NOT NULL
    );
    CREATE TABLE rule_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE vip_handles (
        handle TEXT PRIMARY KEY
    );
    CREATE TABLE rule_hits (
        rule TEXT NOT NULL,
        message_id {big} NOT NULL,
        at {big} NOT NULL,
        fired INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (rule, message_id)
    );
    CREATE INDEX rule_hits_window ON rule_hits (rule, at);
    CREATE TABLE sla_targets (
        kind TEXT NOT NULL,
        priority INTEGER NOT NULL,
        first_response_s {big} NOT NULL,
        next_response_s {big} NOT NULL,
        resolution_s {big} NOT NULL,
        warning_percent INTEGER NOT NULL DEFAULT 80,
        PRIMARY KEY (kind, priority)
    );
    CREATE TABLE notifications (
        id {pk},
        conversation_id {big} REFERENCES conversations(id) ON DELETE CASCADE,
        rule TEXT NOT NULL,
        recipient TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at {big} NOT NULL,
        seen_at {big}
    );
    CREATE INDEX notifications_unseen ON notifications (id) WHERE seen_at IS NULL;
    CREATE TABLE webhooks (
        id {pk},
        rule TEXT NOT NULL,
        conversation_id {big} REFERENCES conversations(id) ON DELETE SET NULL,
        url TEXT NOT NULL,
        body TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued',
        attempts INTEGER NOT NULL DEFAULT 0,
        not_before {big} NOT NULL,
        last_error TEXT NOT NULL DEFAULT '',
        created_at {big} NOT NULL,
        delivered_at {big}
    );
    CREATE INDEX webhooks_due ON webhooks (not_before, id) WHERE state = 'queued';
    """,
    # 6: fast at a million messages (bench/). Every queue view pages along its
    # own partial index in queue order (keyset: no OFFSET, no sort), "all open"
    # as two runs (someone waiting, oldest first; then the rest, latest first).
    # Search: the textnorm form of each message and of each contact's handle and
    # name, in tables the engine can search ({search_tables}: FTS5 for SQLite;
    # contentless for messages, whose text is already in ``messages``).
    # ``messages_by_author`` finds a matching contact's latest message.
    """
    CREATE INDEX conversations_open_waiting
        ON conversations (waiting_since, last_message_at DESC, id)
        WHERE status IN ('open', 'pending') AND waiting_since IS NOT NULL;
    CREATE INDEX conversations_open_idle ON conversations (last_message_at DESC, id)
        WHERE status IN ('open', 'pending') AND waiting_since IS NULL;
    CREATE INDEX conversations_resolved ON conversations (status_changed_at, id)
        WHERE status = 'resolved';
    CREATE INDEX messages_by_author ON messages (author_contact_id, id);
    {search_tables}
    """,
    # 7: response times (inbox/metrics.py, inbox/business_hours.py). One row per
    # sample (metric 0 received, 1 first response, 2 next response, 3 resolution),
    # recomputable from the event log; ``day`` is ``ended_at``'s date in the
    # calendar's zone (days since 1970-01-01). Each clock (wall, business) has
    # three covering indexes in value order, so a median or p90 is an index walk
    # to an offset, never a sort: overall, per agent, per day. ``metric_dirty``
    # holds conversations whose samples must be recomputed (the store marks them
    # where messages and statuses change); ``metric_state`` the calendar the
    # samples were computed with. ``messages_inbound_quarters`` counts inbound
    # messages per quarter hour (the staffing heat map) without a sort.
    """
    CREATE TABLE metric_samples (
        id {pk},
        conversation_id {big} NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        account_id {big} NOT NULL,
        kind TEXT NOT NULL,
        metric INTEGER NOT NULL,
        episode INTEGER NOT NULL,
        started_at {big} NOT NULL,
        ended_at {big} NOT NULL,
        day INTEGER NOT NULL,
        agent TEXT,
        priority INTEGER NOT NULL,
        wall_ms {big} NOT NULL,
        business_ms {big} NOT NULL
    );
    CREATE INDEX metric_samples_by_conversation ON metric_samples (conversation_id, metric);
    CREATE INDEX metric_samples_wall ON metric_samples
        (metric, wall_ms, ended_at, account_id, kind, agent, conversation_id);
    CREATE INDEX metric_samples_business ON metric_samples
        (metric, business_ms, ended_at, account_id, kind, agent, conversation_id);
    CREATE INDEX metric_samples_agent_wall ON metric_samples
        (metric, agent, wall_ms, ended_at, account_id, kind, priority, conversation_id);
    CREATE INDEX metric_samples_agent_business ON metric_samples
        (metric, agent, business_ms, ended_at, account_id, kind, priority, conversation_id);
    CREATE INDEX metric_samples_day_wall ON metric_samples
        (metric, day, wall_ms, ended_at, account_id, kind, agent, conversation_id);
    CREATE INDEX metric_samples_day_business ON metric_samples
        (metric, day, business_ms, ended_at, account_id, kind, agent, conversation_id);
    CREATE TABLE metric_dirty (
        conversation_id {big} PRIMARY KEY
    );
    CREATE TABLE metric_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE business_calendars (
        team TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        updated_at {big} NOT NULL
    );
    CREATE INDEX messages_inbound_quarters
        ON messages (direction, (created_at / 900000), account_id, kind, conversation_id);
    """,
    # 8: response-time summaries (inbox/metrics_rollup.py), so a year reads thousands
    # of rows instead of a million samples: per local day x metric x account x kind
    # x agent the counts, sums, maxima and SLA hits of both clocks; histograms of
    # durations (inbox/histogram.py buckets, stored on each sample) per day and per
    # month for percentiles over long ranges; inbound messages per quarter hour for
    # the heat map. All are rebuilt from metric_samples, never edited by hand.
    """
    ALTER TABLE metric_samples ADD COLUMN wall_bucket INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE metric_samples ADD COLUMN business_bucket INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE metric_daily (
        day INTEGER NOT NULL,
        metric INTEGER NOT NULL,
        account_id {big} NOT NULL,
        kind TEXT NOT NULL,
        agent TEXT,
        n {big} NOT NULL,
        wall_sum {big} NOT NULL,
        wall_max {big} NOT NULL,
        business_sum {big} NOT NULL,
        business_max {big} NOT NULL,
        wall_hits {big} NOT NULL,
        business_hits {big} NOT NULL,
        targets {big} NOT NULL
    );
    CREATE INDEX metric_daily_by_day ON metric_daily (day, metric, account_id, kind, agent);
    CREATE TABLE metric_hist (
        clock INTEGER NOT NULL,
        span INTEGER NOT NULL,
        start INTEGER NOT NULL,
        metric INTEGER NOT NULL,
        account_id {big} NOT NULL,
        kind TEXT NOT NULL,
        agent TEXT,
        bucket INTEGER NOT NULL,
        n {big} NOT NULL
    );
    CREATE INDEX metric_hist_by_start ON metric_hist
        (clock, span, start, metric, agent, kind, account_id, bucket, n);
    CREATE TABLE metric_inbound (
        quarter {big} NOT NULL,
        account_id {big} NOT NULL,
        kind TEXT NOT NULL,
        n {big} NOT NULL,
        PRIMARY KEY (quarter, account_id, kind)
    );
    """,
    # 9: the month histograms in bucket order per (metric, agent, kind), so summing a
    # year of them streams through the index instead of sorting ~150,000 rows.
    """
    CREATE INDEX metric_hist_by_bucket ON metric_hist
        (clock, span, metric, agent, kind, bucket, account_id, start, n);
    """,
]

# The event log is append-only: history is recomputed from it, so nothing may
# rewrite it. Deleting a conversation (account removal) still cascades.
SQLITE_APPEND_ONLY = """
CREATE TRIGGER IF NOT EXISTS events_append_only
BEFORE UPDATE ON events BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;
"""

# Search tables (inbox/search.py). unicode61 splits words for Arabic and Latin
# alike; ``inbox.textnorm`` has already folded case and Arabic variants.
SQLITE_SEARCH_TABLES = """
    CREATE VIRTUAL TABLE messages_fts USING fts5(
        text, content='', columnsize=0, tokenize='unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE contacts_fts USING fts5(
        name, tokenize='unicode61 remove_diacritics 2');
"""
# Untested until team mode lands: the same tables, searched with tsvector.
POSTGRES_SEARCH_TABLES = """
    CREATE TABLE messages_fts (rowid BIGINT PRIMARY KEY, text TEXT NOT NULL);
    CREATE INDEX messages_fts_words ON messages_fts USING GIN (to_tsvector('simple', text));
    CREATE TABLE contacts_fts (rowid BIGINT PRIMARY KEY, name TEXT NOT NULL);
    CREATE INDEX contacts_fts_words ON contacts_fts USING GIN (to_tsvector('simple', name));
"""
SEARCH_MARK = "{search_tables}"

SQLITE_TYPES = {"pk": "INTEGER PRIMARY KEY", "big": "INTEGER",
                "search_tables": SQLITE_SEARCH_TABLES}
POSTGRES_TYPES = {"pk": "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "big": "BIGINT",
                  "search_tables": POSTGRES_SEARCH_TABLES}


def render(migration: str, types: dict[str, str]) -> list[str]:
    """The statements of one migration for an engine, split so any driver can run them."""
    sql = migration.format(**types)
    return [statement.strip() for statement in sql.split(";") if statement.strip()]


SCHEMA_VERSION = len(MIGRATIONS)
