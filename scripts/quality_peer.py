"""The peer's extraction quality on annotated text: underthesea's `ner` run on
each line of `.ann` files (the format of crates/core/tests/gold/CONVENTIONS.md),
people, organisations and places by exact span and type, counted as
`doichieu evaluate --mode line --mode names` counts them.

    target/peer-venv/bin/python scripts/quality_peer.py FILE.ann...
"""
import re
import sys

from underthesea import ner

TYPES = ("PER", "ORG", "LOC")


def strip(line):
    """The text of an annotated line and its PER/ORG/LOC spans (other tags are dropped)."""
    out, spans, stack, i = [], [], [], 0
    while i < len(line):
        if line[i] == "\\" and line[i + 1:i + 2] in ("[", "]"):
            out.append(line[i + 1])
            i += 2
            continue
        tag = re.match(r"\[([A-Z]+) ", line[i:])
        if tag:
            stack.append((tag.group(1), len("".join(out))))
            i += len(tag.group(0))
            continue
        if line[i] == "]" and stack:
            kind, start = stack.pop()
            if kind in TYPES:
                spans.append((start, len("".join(out)), kind))
            i += 1
            continue
        out.append(line[i])
        i += 1
    return "".join(out), set(spans)


def found(text):
    """The peer's PER/ORG/LOC spans in `text`, from its BIO tags."""
    spans, current, pos = [], None, 0
    for word, _, _, tag in ner(text):
        k = text.find(word, pos)
        if k < 0:
            current = None
            continue
        start, end, pos = k, k + len(word), k + len(word)
        if tag.startswith("B-") and tag[2:] in TYPES:
            current = [start, end, tag[2:]]
            spans.append(current)
        elif tag.startswith("I-") and current and current[2] == tag[2:]:
            current[1] = end
        else:
            current = None
    return {tuple(s) for s in spans}


def score(tp, fp, fn):
    p, r = tp / (tp + fp), tp / (tp + fn)
    return p, r, 2 * p * r / (p + r)


def main(paths):
    lines, names = [0, 0, 0], [0, 0, 0]
    for path in paths:
        gold_names, peer_names = set(), set()
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("#"):
                if line.startswith("# doc:"):
                    names = [a + b for a, b in zip(names, compare(gold_names, peer_names))]
                    gold_names, peer_names = set(), set()
                continue
            text, gold = strip(line)
            peer = found(text)
            lines = [a + b for a, b in zip(lines, compare(gold, peer))]
            gold_names |= {(text[s:e], t) for s, e, t in gold}
            peer_names |= {(text[s:e], t) for s, e, t in peer}
        names = [a + b for a, b in zip(names, compare(gold_names, peer_names))]
    print("each line on its own: P %.3f R %.3f F1 %.3f" % score(*lines))
    print("each document's set of names: P %.3f R %.3f F1 %.3f" % score(*names))


def compare(gold, peer):
    return len(gold & peer), len(peer - gold), len(gold - peer)


if __name__ == "__main__":
    main(sys.argv[1:])
