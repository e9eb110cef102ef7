#!/usr/bin/python3
"""Writes the seed corpora of the fuzz targets (fuzz/corpus/TARGET/seed-*) from data/ and docs/.

Seeds are kept small (a few KiB): libFuzzer mutates faster and goes deeper with short inputs, and
the structure of a format shows in its first records. Run it after changing data/ or the query
examples in docs/, then commit fuzz/corpus/. Files not named seed-* (regression-* inputs from
fuzzing runs, and the units libFuzzer found) are left alone.

    /usr/bin/python3 fuzz/make_seeds.py
"""
import bz2
import gzip
import io
import json
import lzma
import pathlib
import re
import tarfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CORPUS = ROOT / "fuzz" / "corpus"
# input_fuzzer: the first byte picks the file's name (kNames in fuzz/input_fuzzer.cc).
NAME_BYTE = {"input": 0, "input.csv": 1, "input.jsonl": 2, "input.txt": 3, "input.gz": 4,
             "input.tar.gz": 5, "input.zip": 6, "input.html": 7}


def csv_head(path, records):
    """The header and the first `records` records of a CSV file (quoted line breaks kept)."""
    text = path.read_text(encoding="utf-8")
    out, in_quotes, count = [], False, -1
    for char in text:
        out.append(char)
        if char == '"':
            in_quotes = not in_quotes
        elif char == "\n" and not in_quotes:
            count += 1
            if count == records:
                break
    return "".join(out)


def shortened(text, width):
    """Every line cut to `width` characters: the layout stays, the bulk goes."""
    return "".join(line[:width] + ("\n" if line.endswith("\n") else "")
                   for line in text.splitlines(keepends=True))


def short_json_lines(path, lines, width):
    """The first `lines` objects, their long string values cut to `width` characters."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines()[:lines]:
        record = json.loads(line)
        for key, value in record.items():
            if isinstance(value, str):
                record[key] = value[:width]
        out.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(out) + "\n"


def tar_gz(members):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", format=tarfile.USTAR_FORMAT) as archive:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            info.mtime = 0
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def zip_of(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), content)
    return buffer.getvalue()


def doc_queries():
    """The queries of the ```console examples in docs/ ($ morgue-query DB 'QUERY' ...)."""
    queries = []
    for doc in sorted((ROOT / "docs").glob("*.md")):
        for match in re.finditer(r"^\$ morgue-query \S+ '([^']*)'", doc.read_text(), re.M):
            if match.group(1) not in queries:
                queries.append(match.group(1))
    return queries


def seeds():
    csv = csv_head(DATA / "sample" / "articles.csv", 2).encode()
    jsonl = short_json_lines(DATA / "sample" / "articles.jsonl", 2, 300).encode()
    multilingual = short_json_lines(DATA / "multilingual" / "articles.jsonl", 8, 120).encode()
    page = shortened((DATA / "sample" / "sputnik-aleppo.txt").read_text(), 60).encode()
    html = (DATA / "html" / "harbour-article.html").read_bytes()
    comments = (DATA / "examples" / "reader-comments.csv").read_bytes()
    broken = {path.name: path.read_bytes() for path in sorted((DATA / "broken").iterdir())}

    yield "csv_reader", "sample", csv
    yield "csv_reader", "newsroom-export", (DATA / "examples" / "newsroom-export.csv").read_bytes()
    yield "csv_reader", "reader-comments", comments
    yield "jsonl_reader", "sample", jsonl
    yield "jsonl_reader", "multilingual", multilingual
    yield "jsonl_reader", "comments", (
        b'{"article_id": "mg-101", "comment_id": "c1", "author": "ana", "text": "Aid now."}\n'
        b'{"article_id": "mg-101", "parent_id": "c1", "author": "bo", "text": "@ana no"}\n')
    yield "page_reader", "sputnik-aleppo", page
    yield "html_reader", "harbour-article", html
    for name, content in broken.items():
        target = {".csv": "csv_reader", ".jsonl": "jsonl_reader", ".txt": "page_reader",
                  ".html": "html_reader"}[pathlib.Path(name).suffix]
        yield target, "broken-" + pathlib.Path(name).stem, content

    def input_seed(name, content):
        return bytes([NAME_BYTE[name]]) + content

    yield "input", "plain-csv", input_seed("input", csv)
    yield "input", "comments-csv", input_seed("input.csv", comments)
    yield "input", "jsonl-gz", input_seed("input.gz", gzip.compress(jsonl, mtime=0))
    yield "input", "page-bz2", input_seed("input", bz2.compress(page[:1500]))
    yield "input", "html-xz", input_seed("input.html", lzma.compress(html[:1500]))
    yield "input", "tar-gz", input_seed("input.tar.gz", tar_gz(
        {"2016/a.csv": csv[:1200], "2016/b.jsonl": jsonl[:800], "c.csv": comments}))
    yield "input", "zip", input_seed("input.zip", zip_of(
        {"a.jsonl": jsonl[:800], "p.txt": page[:1000]}))
    yield "input", "gz-gz", input_seed("input.gz", gzip.compress(gzip.compress(csv[:300], mtime=0),
                                                                 mtime=0))

    for number, query in enumerate(doc_queries() + [
            'title:"flood defences" OR (tag:syria AND -author:kirby)', "elect* NEAR/3 kerry",
            "date:last-30-days type:news language:ru", "date:..2016-09-30 site:x.example",
            "in:comments kind:reply", "东京电力 OR Выборы", "((a OR b) AND (c OR d))"]):
        yield "query", f"{number:02d}", query.encode()

    for number, date in enumerate([
            "2016-09-28T14:05:00Z", "2016-09-28T14:05:00+03:00", "2018-01-25 16:17:44.789555",
            "Wed, 28 Sep 2016 14:05:00 +0300", "Wed, 28 Sep 2016 14:05:00 GMT", "20 February 2017",
            "26-FEB-1987 15:01:01.79", "20. Februar 2017", "1er mars 2017",
            "20 de febrero de 2017", "20 февраля 2017 г.", "20.02.2017 14:05",
            "February 20, 2017", "1475071500", "04:44 GMT +3 20 February 2017 EST",
            "%d/%m/%Y %H:%M\n20/02/2017 04:44", "%Y-%m-%d %z\n2017-02-20 +0530",
            "%a, %b %d %Y\nMon, Feb 20 2017"]):
        yield "date_parser", f"{number:02d}", date.encode()

    # Stored data as stored_article and stored_comment write it (nlohmann's dump: keys sorted,
    # no spaces, UTF-8 as it is).
    article = json.loads(jsonl.decode("utf-8").splitlines()[0])
    stored = {"kind": "article", "key": "id:" + str(article.get("id", "")),
              "title": article.get("title", ""), "body": str(article.get("body", ""))[:600],
              "authors": ["Jean Hollis"], "tags": ["flood", "Wend"], "published": "2016-09-28",
              "language": "en", "comment_count": 2, "related_headlines": []}
    yield "stored_fields", "article", compact_json(stored)
    yield "stored_fields", "comment", compact_json(
        {"kind": "comment", "key": "id:mg-001", "position": 3, "author": "Вера",
         "in_reply_to": "", "text": "Order \"more\".\n\nNow.", "language": "ru",
         "external": True})


def compact_json(value):
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def main():
    written = 0
    for target, name, content in seeds():
        directory = CORPUS / target
        directory.mkdir(parents=True, exist_ok=True)
        (directory / f"seed-{name}").write_bytes(content)
        written += 1
    print(f"wrote {written} seeds under {CORPUS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
