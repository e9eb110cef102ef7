#!/usr/bin/env python3
"""Rewrites the output shown under each ```console example in docs/*.md from a real run.

Run it after a change to what morgue prints, read the diff (it is what users will see), and
commit it; tests/docs_examples_test.cc fails while a doc shows anything else.
Usage: tests/update_doc_examples.py [BUILD_DIR]   (default: build)
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile

root = pathlib.Path(__file__).resolve().parent.parent
build = (root / (sys.argv[1] if len(sys.argv) > 1 else "build")).resolve()
work = pathlib.Path(tempfile.mkdtemp())
subprocess.run([build / "morgue-index", work / "sample.db", root / "data/sample"], check=True,
               capture_output=True)


def run(commands):
    own = pathlib.Path(tempfile.mkdtemp())
    shutil.copytree(work / "sample.db", own / "sample.db")
    output = ""
    for command in commands:
        shell = (command.replace("morgue-index ", f"{build}/morgue-index ")
                 .replace("morgue-query ", f"{build}/morgue-query ")
                 .replace(" sample.db ", f" {own}/sample.db ")
                 .replace(" multi.db ", f" {own}/multi.db "))
        done = subprocess.run(shell, shell=True, capture_output=True, text=True, cwd=root)
        output = done.stdout + done.stderr
    shutil.rmtree(own)
    return output


for doc in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
    lines = doc.read_text().split("\n")
    out, i = [], 0
    while i < len(lines):
        out.append(lines[i])
        if lines[i] == "```console" and lines[i + 1].startswith("$ morgue-"):
            i += 1
            commands = []
            while lines[i] != "```":
                if lines[i].startswith("$ morgue-"):
                    commands.append(lines[i][2:])
                    out.append(lines[i])
                i += 1
            out.extend(run(commands).rstrip("\n").split("\n"))
            out.append("```")
        i += 1
    doc.write_text("\n".join(out))
shutil.rmtree(work)
