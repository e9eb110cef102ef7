#!/usr/bin/env python3
"""Validates JSON documents (one per line with --lines, else the whole input) against a schema.

Usage: validate_json.py SCHEMA FILE [--lines]
Prints nothing and exits 0 when every document is valid; else prints each error and exits 1.
"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
text = open(sys.argv[2], encoding="utf-8").read()
documents = [line for line in text.splitlines() if line] if "--lines" in sys.argv else [text]
failed = False
for number, document in enumerate(documents, 1):
    for error in validator.iter_errors(json.loads(document)):
        failed = True
        print(f"document {number}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
sys.exit(1 if failed else 0)
