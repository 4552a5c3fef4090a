"""Times underthesea's named-entity recogniser on the article texts that
`doichieu extract --format json` wrote, and prints its throughput in MB/s
of article text, counted as `doichieu bench` counts it (UTF-8 bytes of each
article's text). Each line of an article (a paragraph, caption or credit)
is one call, as the recogniser reads a sentence or short passage at a time.
"""

import json
import sys
import time

from underthesea import ner
from underthesea.version import __version__


def main(path):
    with open(path, encoding="utf-8") as f:
        articles = json.load(f)["articles"]
    texts = [a["text"] for a in articles]
    ner("Bộ trưởng Tô Lâm đến thủ đô Vientiane.")  # loads the model, untimed
    entities = 0
    start = time.perf_counter()
    for text in texts:
        for line in text.split("\n"):
            if line.strip():
                entities += sum(1 for tagged in ner(line) if tagged[-1].startswith("B-"))
    took = time.perf_counter() - start
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"corpus            {len(texts)} articles, {size / 1e6:.2f} MB of text")
    print(
        f"underthesea {__version__} ner {took * 1e3:>10.1f} ms  {size / 1e6 / took:>7.3f} MB/s"
        f"  ({entities} entities)"
    )


if __name__ == "__main__":
    main(sys.argv[1])
