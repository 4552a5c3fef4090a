"""Shared helpers for the gazetteer scripts (standard library only).

- ``normalize(text)``: NFC plus the project's tone-mark placement.
- ``place_tone_marks(text)``: for open *oa*, *oe*, *uy* syllables the tone
  mark goes on the FIRST vowel ("hoà" -> "hòa", "thuỷ" -> "thủy",
  "khoẻ" -> "khỏe"); closed syllables ("hoàn") and qu + y ("quý") are left
  alone. Same rule, same vowel table as ``place_tone_marks`` in
  crates/core/src/normalize.rs.
- ``fetch_wheel(package, version, dest)``: ``pip download --no-deps`` of one
  wheel into a folder (nothing is installed).
- ``wheel_metadata(zipfile)`` / ``licence_of(metadata)``: read a wheel's
  METADATA and the licence it declares.
- ``write_data_file(path, header, rows)``: writes ``# `` header lines then one
  TAB-joined row per line, UTF-8, ``\\n`` line ends.

Run ``python3 scripts/gazetteer/vntext.py`` to run the self-tests.
"""

from __future__ import annotations

import email.parser
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

# Each row: a base vowel, then its five toned forms (grave, acute, hook
# above, tilde, dot below). The same table as crates/core/src/normalize.rs.
VOWELS = [
    "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
    "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
    "AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "IÌÍỈĨỊ",
    "OÒÓỎÕỌ", "ÔỒỐỔỖỘ", "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "YỲÝỶỸỴ",
]
_PARTS = {c: (row, tone) for row, forms in enumerate(VOWELS) for tone, c in enumerate(forms)}

DATA_DIR = Path(__file__).resolve().parents[2] / "crates" / "core" / "data"


def _base_lower(c: str) -> str | None:
    p = _PARTS.get(c)
    return None if p is None else VOWELS[p[0] % 12][0]


def _fix_word(word: list[str]) -> None:
    n = len(word)
    if n < 2:
        return
    first, second = word[n - 2], word[n - 1]
    b1, b2 = _base_lower(first), _base_lower(second)
    if b1 is None or b2 is None:
        return
    if (b1, b2) not in (("o", "a"), ("o", "e"), ("u", "y")):
        return
    # "qu" is a consonant: in "quý" the tone rightly sits on the y.
    if b1 == "u" and n >= 3 and word[n - 3] in "qQ":
        return
    # Only a syllable whose other letters carry no vowel is an open oa/oe/uy.
    if any(_base_lower(c) is not None for c in word[: n - 2]):
        return
    row1, tone1 = _PARTS[first]
    row2, tone2 = _PARTS[second]
    if tone1 == 0 and tone2 != 0:
        word[n - 2] = VOWELS[row1][tone2]
        word[n - 1] = VOWELS[row2][0]


def place_tone_marks(text: str) -> str:
    """Moves the tone of open oa/oe/uy syllables to the first vowel."""
    out: list[str] = []
    word: list[str] = []
    for c in text:
        if c.isalpha():
            word.append(c)
            continue
        _fix_word(word)
        out.extend(word)
        word = []
        out.append(c)
    _fix_word(word)
    out.extend(word)
    return "".join(out)


def normalize(text: str) -> str:
    """NFC, then the project's tone-mark placement."""
    return place_tone_marks(unicodedata.normalize("NFC", text))


def fetch_wheel(package: str, version: str, dest: Path) -> Path:
    """``pip download --no-deps`` one wheel into ``dest``; returns its path."""
    cmd = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
        "--disable-pip-version-check", "--quiet", "-d", str(dest), f"{package}=={version}",
    ]
    subprocess.run(cmd, check=True)
    wheels = sorted(dest.glob("*.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"expected one wheel for {package}=={version}, found {wheels}")
    return wheels[0]


def wheel_metadata(whl: zipfile.ZipFile):
    name = next(n for n in whl.namelist() if n.endswith(".dist-info/METADATA"))
    return email.parser.Parser().parsestr(whl.read(name).decode("utf-8"), headersonly=True)


def licence_of(meta) -> str:
    """The licence a wheel's METADATA declares; exits if it declares none."""
    found = []
    for key in ("License-Expression", "License"):
        value = (meta.get(key) or "").strip()
        if value and value.upper() != "UNKNOWN" and "\n" not in value:
            found.append(value)
    for classifier in meta.get_all("Classifier") or []:
        if classifier.startswith("License ::"):
            found.append(classifier.split("::")[-1].strip())
    if not found:
        raise SystemExit(f"{meta['Name']} {meta['Version']} declares no licence in its metadata")
    return found[0]


def write_data_file(path: Path, header: list[str], rows: list[list[str]] | list[str]) -> int:
    """Writes ``# `` header lines and the rows; returns the number of rows."""
    lines = []
    for h in header:
        lines.append("# " + h if h else "#")
    for row in rows:
        line = row if isinstance(row, str) else "\t".join(row)
        if line != normalize(line):
            raise SystemExit(f"{path.name}: not normalised: {line!r}")
        if "\n" in line or "\r" in line:
            raise SystemExit(f"{path.name}: line break inside a row: {line!r}")
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def _self_test() -> None:
    cases = {
        "hoà": "hòa", "thuỷ": "thủy", "quý": "quý", "hoàn": "hoàn",
        "hòa": "hòa", "khoẻ mạnh": "khỏe mạnh", "Thanh Hoá": "Thanh Hóa",
        "Khánh Hoà": "Khánh Hòa", "Uỷ ban": "Ủy ban", "THUỶ": "THỦY",
        "ma tuý": "ma túy", "Quỳnh": "Quỳnh", "thuyết phục": "thuyết phục",
        "khuya": "khuya", "hoài": "hoài", "Tuỳ": "Tùy", "xoè": "xòe",
    }
    for given, want in cases.items():
        got = normalize(given)
        assert got == want, f"{given!r}: got {got!r}, want {want!r}"
    nfd = "Vie\u0302\u0323t Nam ho\u0300a"
    assert normalize(nfd) == "Việt Nam hòa"
    print(f"vntext self-test: {len(cases) + 1} passed, 0 failed")


if __name__ == "__main__":
    _self_test()
