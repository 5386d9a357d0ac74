#!/usr/bin/env python3
"""Writes a larger Blogger export by repeating the entries of a real one.

Each copy k>0 of an entry gets a new id (post-N -> post-N<k>) and filename
(slug.html -> slug-k<k>.html), so an extract stages every copy as its own
item. Usage: make_large_export.py SOURCE(.xml|.xml.gz) COPIES OUT.xml
"""
import gzip
import re
import sys


def main():
    source, copies, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    opener = gzip.open if source.endswith(".gz") else open
    with opener(source, "rt", encoding="utf-8") as f:
        text = f.read()
    first = text.find("<entry")
    last = text.rfind("</entry>") + len("</entry>")
    head, body, tail = text[:first], text[first:last], text[last:]
    entries = re.findall(r"<entry[ >].*?</entry>", body, flags=re.S)
    with open(out, "w", encoding="utf-8") as f:
        f.write(head)
        for k in range(copies):
            for e in entries:
                if k:
                    e = re.sub(r"\.(post|page)-(\d+)", lambda m: ".%s-%s%d" % (m.group(1), m.group(2), k), e)
                    e = re.sub(r"(/\d{4}/\d{2}/[^'\"<>]*?)\.html", lambda m: "%s-k%d.html" % (m.group(1), k), e)
                f.write(e)
        f.write(tail)
    print("%s: %d entries x %d copies" % (out, len(entries), copies))


if __name__ == "__main__":
    main()
