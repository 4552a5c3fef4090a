"""Tidies the hand-written data files in place after an edit.

For each file named (default: the hand-written ones in crates/core/data/):
keeps the leading ``# `` header lines as they are, normalises every data
row (NFC, tone mark of open oa/oe/uy on the first vowel, no stray spaces
around fields or around ``|``), drops blank lines, and sorts the rows by
their first column (Unicode code point order, as LC_ALL=C sort) with
repeated rows dropped, except surnames.txt, which is ordered by frequency
and keeps its order.

Usage: python3 scripts/gazetteer/tidy.py [FILE ...]
Then run check.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
from vntext import DATA_DIR, normalize

HAND_WRITTEN = ["countries.tsv", "places.tsv", "organizations.tsv", "titles.tsv", "cues.tsv", "offices.tsv", "events.tsv", "surnames.txt", "given_names.txt", "foreign_words.tsv", "words.txt", "abbreviations.txt", "rule_words.tsv"]
UNSORTED = {"surnames.txt"}


def tidy_row(line: str) -> str:
    fields = []
    for field in normalize(line).split("\t"):
        values = [" ".join(v.split()) for v in field.split("|")]
        fields.append("|".join(v for v in values if v))
    return "\t".join(fields)


def tidy(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = []
    while lines and lines[0].startswith("#"):
        header.append(lines.pop(0))
    rows = [tidy_row(line) for line in lines if line.strip() and not line.startswith("#")]
    if path.name not in UNSORTED:
        rows = sorted(set(rows), key=lambda r: (r.split("\t")[0], r))
    path.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    return len(rows)


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or [DATA_DIR / name for name in HAND_WRITTEN]
    for path in paths:
        print(f"{path.name}: {tidy(path)} rows")


if __name__ == "__main__":
    main()
