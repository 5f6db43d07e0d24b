"""Deduplication: one real event reported many times is one event."""

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from detente.config import Config
from detente.dedup import MentionKey, cluster
from detente.pipeline import run
from detente.store import Store


def key(mid: str, date: str | None, cameo: str = "057", precision: str | None = None,
        src: str = "RUS", tgt: str = "USA", negated: bool = False, modality: str = "asserted"):  # fmt: skip
    precision = precision or {10: "day", 7: "month", 4: "year"}.get(len(date or ""))
    return MentionKey(mid, src, tgt, cameo, negated, modality, date, precision)


def events(keys) -> list[set[str]]:  # noqa: ANN001
    groups: dict[str, set[str]] = {}
    for mid, eid in cluster(keys).items():
        groups.setdefault(eid, set()).add(mid)
    return sorted(groups.values(), key=sorted)


def test_same_event_within_the_window_merges() -> None:
    ks = [key("a", "2010-04-08"), key("b", "2010-04-09"), key("c", "2010-04-20")]
    assert events(ks) == [{"a", "b"}, {"c"}]


def test_coarser_dates_join_the_event_they_contain() -> None:
    ks = [key("a", "2010-04-08"), key("b", "2010-04"), key("c", "2010"), key("d", "2011")]
    assert events(ks) == [{"a", "b", "c"}, {"d"}]


def test_codes_negation_modality_and_dyad_keep_events_apart() -> None:
    ks = [
        key("a", "2010-04-08"),
        key("b", "2010-04-08", cameo="05"),  # a refinement: same event
        key("c", "2010-04-08", cameo="051"),  # another kind of cooperation
        key("d", "2010-04-08", negated=True),
        key("e", "2010-04-08", modality="intended"),
        key("f", "2010-04-08", modality="reported"),  # a reported fact is still the fact
        key("g", "2010-04-08", src="USA", tgt="RUS"),
        key("h", None),
    ]
    assert events(ks) == [{"a", "b", "f"}, {"c"}, {"d"}, {"e"}, {"g"}, {"h"}]


def test_event_id_is_the_earliest_mention() -> None:
    assignment = cluster([key("z", "2010-04-08"), key("m", "2010-04-07"), key("a", "2010-04")])
    assert set(assignment.values()) == {"m"}


@given(st.permutations([key(f"m{i}", f"2010-04-{d:02d}") for i, d in enumerate([1, 2, 3, 9, 10, 20, 21])]
                       + [key("y", "2010"), key("mo", "2010-04")]))  # fmt: skip
def test_clusters_do_not_depend_on_order(keys) -> None:  # noqa: ANN001
    reference = cluster(sorted(keys, key=lambda k: k.mention_id))
    assert cluster(keys) == reference


def test_store_groups_reports_across_documents(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("Date: 2010-04-08\n\nRussia and the United States signed the treaty in Prague "
                 "on 8 April 2010.\n", encoding="utf-8")  # fmt: skip
    b = tmp_path / "b.txt"
    b.write_text("Date: 2010-04-10\n\nRussia and the United States signed the treaty on "
                 "Thursday. Later, Russia criticised the United States.\n", encoding="utf-8")  # fmt: skip
    with Store(tmp_path / "s.duckdb") as store:
        summary = run([a, b], store, Config())
        rows = store.query(
            "SELECT source_country, target_country, cameo_root, mentions, sources FROM events "
            "ORDER BY cameo_root, source_country"
        )
        links = store.scalar("SELECT count(DISTINCT event_id) FROM mentions")
    assert summary.events == 5 and summary.deduplicated == 3 and links == 3
    assert [(r["source_country"], r["target_country"], r["cameo_root"], r["mentions"],
             r["sources"]) for r in rows] == [
        ("RUS", "USA", "05", 2, 2), ("USA", "RUS", "05", 2, 2), ("RUS", "USA", "11", 1, 1),
    ]  # fmt: skip
