"""Checks the data files in crates/core/data/ against the project's rules.

Every file: UTF-8, "\\n" line ends, opens with "# " comment lines that say
what it is, its source and the source's licence; every line NFC with the tone
mark of open oa/oe/uy on the first vowel; TAB-separated fields with the
expected count, no stray spaces, no empty "|" values; rows sorted by their
first column (Unicode code point order) except surnames.txt; no duplicate
rows. Then per-file checks of kinds, periods and cross-references, and a
list of strings that two files give different meanings (warnings only).

The same checks run in `cargo test` (crates/core/tests/data_files.rs): a
rule changed here is changed there too.

Usage: python3 scripts/gazetteer/check.py  (exit status 1 on any error)
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
from vntext import DATA_DIR, _self_test, normalize

COLUMNS = {
    "provinces.tsv": 4, "districts.tsv": 3, "places.tsv": 3, "countries.tsv": 4, "organizations.tsv": 3,
    "titles.tsv": 4, "cues.tsv": 2, "offices.tsv": 2, "events.tsv": 3, "surnames.txt": 1, "given_names.txt": 1, "foreign_words.tsv": 2, "words.txt": 1, "abbreviations.txt": 1,
    "rule_words.tsv": 2,
}
UNSORTED = {"surnames.txt"}
UNIQUE_FIRST = {"provinces.tsv", "places.tsv", "countries.tsv", "organizations.tsv", "titles.tsv", "events.tsv",
                "surnames.txt", "given_names.txt", "words.txt", "abbreviations.txt"}
# The letters of Vietnamese words, lower-case (NFC), for words.txt.
VIETNAMESE_LETTERS = set("abcdeghiklmnopqrstuvxyđ"
                         "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")
LIST_FIELDS = {"provinces.tsv": [2], "places.tsv": [2], "countries.tsv": [1, 3], "organizations.tsv": [1], "titles.tsv": [3],
               "events.tsv": [2]}

errors: list[str] = []


def error(msg: str) -> None:
    errors.append(msg)


def read(name: str) -> list[list[str]]:
    path = DATA_DIR / name
    if not path.exists():
        error(f"{name}: missing")
        return []
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        error(f"{name}: not UTF-8 ({e})")
        return []
    if "\r" in text:
        error(f"{name}: has CR line ends")
    if not text.endswith("\n"):
        error(f"{name}: no final newline")
    lines = text.split("\n")[:-1]
    header = []
    while lines and lines[0].startswith("#"):
        header.append(lines.pop(0))
    if not header:
        error(f"{name}: no header comment")
    for h in header:
        if h != "#" and not h.startswith("# "):
            error(f"{name}: header line does not start with '# ': {h!r}")
    joined = "\n".join(header)
    for word in ("Source", "Licence"):
        if word not in joined:
            error(f"{name}: header does not say its {word}")
    rows = []
    for n, line in enumerate(lines, len(header) + 1):
        if line.startswith("#"):
            error(f"{name}:{n}: comment after the data started")
            continue
        if not line.strip():
            error(f"{name}:{n}: blank line")
            continue
        if unicodedata.normalize("NFC", line) != line:
            error(f"{name}:{n}: not NFC: {line!r}")
        elif normalize(line) != line:
            error(f"{name}:{n}: tone mark not on the first vowel of oa/oe/uy: {line!r}")
        fields = line.split("\t")
        if len(fields) != COLUMNS[name]:
            error(f"{name}:{n}: {len(fields)} fields, want {COLUMNS[name]}: {line!r}")
            continue
        for i, f in enumerate(fields):
            if f != f.strip() or "  " in f:
                error(f"{name}:{n}: stray spaces in field {i + 1}: {f!r}")
        if not fields[0]:
            error(f"{name}:{n}: empty first field")
        for i in LIST_FIELDS.get(name, []):
            if fields[i] and any(not v or v != v.strip() for v in fields[i].split("|")):
                error(f"{name}:{n}: empty or padded '|' value in field {i + 1}: {fields[i]!r}")
        rows.append(fields)
    if name not in UNSORTED:
        firsts = [r[0] for r in rows]
        for a, b in zip(firsts, firsts[1:]):
            if b < a:
                error(f"{name}: not sorted: {a!r} before {b!r}")
                break
    dup = [k for k, c in Counter("\t".join(r) for r in rows).items() if c > 1]
    if dup:
        error(f"{name}: duplicate rows: {dup[:5]}")
    if name in UNIQUE_FIRST:
        dup = [k for k, c in Counter(r[0] for r in rows).items() if c > 1]
        if dup:
            error(f"{name}: first column repeats: {dup[:5]}")
    return rows


def values(field: str) -> list[str]:
    return [v for v in field.split("|") if v]


def main() -> None:
    _self_test()
    data = {name: read(name) for name in COLUMNS}

    prov = data["provinces.tsv"]
    for r in prov:
        if r[1] not in ("tỉnh", "thành phố"):
            error(f"provinces.tsv: bad kind {r[1]!r} for {r[0]}")
        if r[3] not in ("before-2025", "since-2025", "both"):
            error(f"provinces.tsv: bad period {r[3]!r} for {r[0]}")
    before = sum(r[3] in ("before-2025", "both") for r in prov)
    after = sum(r[3] in ("since-2025", "both") for r in prov)
    if (before, after) != (63, 34):
        error(f"provinces.tsv: {before} units before 2025 and {after} since, want 63 and 34")
    names = {r[0] for r in prov}
    for r in data["places.tsv"]:
        if r[1] not in ("region", "sea", "city"):
            error(f"places.tsv: bad kind {r[1]!r} for {r[0]}")
    for r in data["districts.tsv"]:
        if r[1] not in ("quận", "huyện", "thị xã", "thành phố"):
            error(f"districts.tsv: bad kind {r[1]!r} for {r[0]}")
        if r[2] not in names:
            error(f"districts.tsv: province {r[2]!r} of {r[0]} is not in provinces.tsv")
    if len(data["countries.tsv"]) < 197:
        error(f"countries.tsv: {len(data['countries.tsv'])} rows, want at least 197")
    for r in data["countries.tsv"]:
        if not r[2]:
            error(f"countries.tsv: no capital for {r[0]}")
    kinds = {"ministry", "party", "state", "police", "military", "court", "news", "international", "other"}
    for r in data["organizations.tsv"]:
        if r[2] not in kinds:
            error(f"organizations.tsv: bad kind {r[2]!r} for {r[0]}")
    for r in data["titles.tsv"]:
        if r[1] not in ("rank", "office", "honour"):
            error(f"titles.tsv: bad kind {r[1]!r} for {r[0]}")
        if r[2] not in ("yes", "no", "only"):
            error(f"titles.tsv: bad takes_body {r[2]!r} for {r[0]}")
    office_roles = Counter(r[1] for r in data["offices.tsv"])
    allowed = {"home", "country_word", "abroad", "at", "field_head", "several_before", "several_after"}
    for role in set(office_roles) - allowed:
        error(f"offices.tsv: unknown role {role!r}")
    for role in allowed - set(office_roles):
        error(f"offices.tsv: no word has role {role!r}")
    countries = {r[0] for r in data["countries.tsv"]}
    homes = [r[0] for r in data["offices.tsv"] if r[1] == "home"]
    if len(homes) != 1 or homes[0] not in countries:
        error(f"offices.tsv: want one home, a country of countries.tsv, not {homes}")
    event_kinds = {"holiday", "day", "festival", "fair", "games", "tournament", "summit", "forum", "exam", "war", "campaign",
                   "series"}
    for r in data["events.tsv"]:
        if r[1] not in event_kinds:
            error(f"events.tsv: bad kind {r[1]!r} for {r[0]}")
    roles = Counter(r[1] for r in data["cues.tsv"])
    allowed = {"person_before", "person_after", "location_facility", "location_admin", "location_before", "org_head", "org_inner", "event_head", "date_word", "not_name", "body_before", "thing_before", "grammar", "no_name_after", "team"}
    for role in set(roles) - allowed:
        error(f"cues.tsv: unknown role {role!r}")
    for role in allowed - set(roles):
        error(f"cues.tsv: no word has role {role!r}")
    if roles["not_name"] < 60:
        error(f"cues.tsv: {roles['not_name']} not_name words, want at least 60")
    roles = Counter(r[1] for r in data["rule_words.tsv"])
    # The roles the extractor knows, as crates/core/src/extract/gazetteer.rs names them.
    source = (Path(__file__).resolve().parents[2] / "crates/core/src/extract/gazetteer.rs").read_text(encoding="utf-8")
    allowed = set(re.findall(r'\("([a-z_]+)", WordRole::', source))
    for role in set(roles) - allowed:
        error(f"rule_words.tsv: unknown role {role!r}")
    for role in allowed - set(roles):
        error(f"rule_words.tsv: no word has role {role!r}")
    as_written = {"minister", "chaired_in_turn", "event_tail"}
    for r in data["rule_words.tsv"]:
        if r[1] not in as_written and r[0] != r[0].lower():
            error(f"rule_words.tsv: {r[1]} word not lower-case: {r[0]!r}")
    if len(data["surnames.txt"]) < 100:
        error(f"surnames.txt: {len(data['surnames.txt'])} names, want at least 100")
    if len(data["words.txt"]) < 15000:
        error(f"words.txt: {len(data['words.txt'])} words, want at least 15000")
    for r in data["words.txt"]:
        if r[0] != r[0].lower():
            error(f"words.txt: not lower-case: {r[0]!r}")
        if any(not s or set(s) - VIETNAMESE_LETTERS for s in r[0].split(" ")):
            error(f"words.txt: not syllables of Vietnamese letters separated by one space: {r[0]!r}")

    # Strings that two lists give different meanings (warnings only: the
    # extractor keeps the first meaning, in the order countries, provinces,
    # districts, organisations, titles).
    meaning: dict[str, set[str]] = defaultdict(set)
    for r in data["countries.tsv"]:
        for v in [r[0], *values(r[1])]:
            meaning[v].add(f"country {r[0]}")
        for v in [r[2], *values(r[3])]:
            meaning[v].add(f"capital {r[2]}")
    for r in prov:
        for v in [r[0], *values(r[2])]:
            meaning[v].add(f"province {r[0]}")
    for r in data["organizations.tsv"]:
        for v in [r[0], *values(r[1])]:
            meaning[v].add(f"organization {r[0]}")
    for r in data["titles.tsv"]:
        for v in [r[0], *values(r[3])]:
            meaning[v].add(f"title {r[0]}")
    clashes = {k: v for k, v in meaning.items() if len(v) > 1}
    for k, v in sorted(clashes.items()):
        print(f"warning: {k!r} means {' and '.join(sorted(v))}")

    counts = ", ".join(f"{n} {len(r)}" for n, r in data.items())
    if errors:
        for e in errors:
            print(f"error: {e}")
        print(f"{len(errors)} errors ({counts})")
        sys.exit(1)
    print(f"all data files pass ({counts})")


if __name__ == "__main__":
    main()
