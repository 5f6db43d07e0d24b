import pytest

from detente.codebook import load_codebook, quad_class
from detente.errors import DataFileError
from detente.lexicon import load_lexicon


def test_codebook() -> None:
    cb = load_codebook()
    assert len(cb.codes) == 312
    assert cb["057"].goldstein == 8.0 and cb["057"].quad_class == 1
    assert cb["0211"].root == "02"
    assert {quad_class(f"{r:02d}") for r in range(1, 21)} == {1, 2, 3, 4}
    assert cb["190"].plover_event == "ASSAULT"


def test_bundled_lexicon_is_valid_and_broad() -> None:
    lex = load_lexicon()
    cb = load_codebook()
    patterns = [p for ps in lex.verbs.values() for p in ps]
    assert len(patterns) >= 300
    assert {p.code[:2] for p in patterns} == {f"{r:02d}" for r in range(1, 21)}
    assert all(p.code in cb for p in patterns)
    assert len([p for ps in lex.nouns.values() for p in ps]) >= 50


def test_most_specific_entry_wins() -> None:
    lex = load_lexicon()
    plain = lex.verb("cut", None, [], set())
    off = lex.verb("cut", "off", [], {"gas", "supply"})
    assert off is not None and (plain is None or off.code != plain.code or off.particle == "off")


def test_unknown_code_is_rejected_with_file_and_line(tmp_path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text("verbs:\n  - {verb: sign, code: \"057\"}\n  - {verb: frobnicate, code: \"999\"}\n",
                 encoding="utf-8")  # fmt: skip
    with pytest.raises(DataFileError, match=r"mine.yaml:3: unknown CAMEO code '999'"):
        load_lexicon([f])


def test_user_entries_take_precedence(tmp_path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text('verbs:\n  - {verb: snub, code: "111"}\n', encoding="utf-8")
    assert load_lexicon([f]).verb("snub", None, [], set()).code == "111"
