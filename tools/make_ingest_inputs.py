#!/usr/bin/env python3
"""Builds the inputs that docs/input-formats.md ("Indexing speed") and docs/reliability.md
("Memory") index, from ../shared/corpora, into a scratch folder (never into the repository: the
corpora are research-only).

Usage: /usr/bin/python3 tools/make_ingest_inputs.py OUT_DIR

Writes, from Reuters-21578 (21,578 stories) and the Fox News comments:
  reuters.jsonl.gz        the Reuters JSON Lines, gzip-compressed
  reuters-csv.tar.gz      the same stories as 22 CSV files of at most 1,000 rows in a .tar.gz
  reuters-x10.jsonl       ten copies of the Reuters JSON Lines, ids and URLs made distinct
  fox-articles.jsonl      the 10 articles the Fox News comments name (title and description),
                          to index before fox-news-comments.jsonl
Only the standard library is used, so the file is the same on every machine.
"""
import csv
import gzip
import io
import json
import pathlib
import sys
import tarfile

root = pathlib.Path(__file__).resolve().parent.parent
corpora = root.parent / "shared" / "corpora"
out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)

reuters = (corpora / "reuters-21578" / "reuters-21578.jsonl").read_bytes()
(out / "reuters.jsonl.gz").write_bytes(gzip.compress(reuters, compresslevel=6, mtime=0))

rows = [json.loads(line) for line in reuters.decode("utf-8").splitlines() if line.strip()]
columns = ["id", "title", "body", "date_iso", "author", "topics"]
with tarfile.open(out / "reuters-csv.tar.gz", "w:gz") as archive:
    for start in range(0, len(rows), 1000):
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(["id", "title", "content", "date", "author", "tags"])
        for row in rows[start:start + 1000]:
            writer.writerow([row["id"], row.get("title") or "", row.get("body") or "",
                             row.get("date_iso") or "", row.get("author") or "",
                             ", ".join(row.get("topics") or [])])
        data = text.getvalue().encode("utf-8")
        member = tarfile.TarInfo(f"reuters/part-{start // 1000:02}.csv")
        member.size = len(data)
        archive.addfile(member, io.BytesIO(data))

with open(out / "reuters-x10.jsonl", "w", encoding="utf-8") as copies:
    for copy in range(10):
        for row in rows:
            row = dict(row, id=f"copy{copy}-{row['id']}")
            copies.write(json.dumps(row, ensure_ascii=False) + "\n")

titles = {}
with open(corpora / "fox-news-comments" / "fox-news-comments.jsonl", encoding="utf-8") as fox:
    for line in fox:
        row = json.loads(line)
        titles.setdefault(row["title"], row["meta"])
with open(out / "fox-articles.jsonl", "w", encoding="utf-8") as articles:
    for title, meta in titles.items():
        articles.write(json.dumps({"title": title, "content": meta}, ensure_ascii=False) + "\n")
