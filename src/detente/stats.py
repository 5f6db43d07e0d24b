"""Summaries of a store, shared by `detente stats` and the report."""

from __future__ import annotations

from typing import Any

from detente.codebook import load_codebook
from detente.store import Store


def totals(store: Store) -> dict[str, Any]:
    q = store.scalar
    return {
        "documents": q("SELECT count(*) FROM documents"),
        "sentences": q("SELECT count(*) FROM sentences"),
        "actor mentions": q("SELECT count(*) FROM actor_mentions"),
        "event mentions": q(f"SELECT count(*) FROM {store.mentions_table}"),
        "events": q(f"SELECT count(*) FROM {store.events_table}"),
        "failed inputs": q("SELECT count(*) FROM failures"),
        "first date": str(q("SELECT min(date) FROM documents") or "-"),
        "last date": str(q("SELECT max(date) FROM documents") or "-"),
        "runs": q("SELECT count(*) FROM runs"),
    }


def top_dyads(store: Store, limit: int = 10) -> list[dict[str, Any]]:
    """Country-level dyads by number of events (direction kept)."""
    return store.query(
        f"""SELECT source_country, target_country, count(*) AS n,
                  avg(goldstein) AS goldstein_mean,
                  count(*) FILTER (WHERE quad_class <= 2) AS coop,
                  count(*) FILTER (WHERE quad_class >= 3) AS conflict
           FROM {store.events_table} WHERE NOT negated
           GROUP BY ALL ORDER BY n DESC, source_country, target_country LIMIT ?""",
        [limit],
    )


def root_counts(store: Store) -> list[dict[str, Any]]:
    cb = load_codebook()
    rows = store.query(
        f"SELECT cameo_root, count(*) AS n FROM {store.events_table} GROUP BY ALL ORDER BY cameo_root"
    )
    for r in rows:
        r["name"] = cb[r["cameo_root"]].name.capitalize() if r["cameo_root"] in cb else ""
    return rows


def summary(store: Store) -> dict[str, Any]:
    return {"totals": totals(store), "dyads": top_dyads(store), "roots": root_counts(store)}
