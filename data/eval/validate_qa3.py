#!/usr/bin/env python3
"""Validate qa3-own.jsonl: shape, types, evidence substrings (whitespace removed), magazine uniqueness."""
import json, re, sys, os
from collections import Counter
CORPUS = "/work/shared/corpus"
PATH = sys.argv[1] if len(sys.argv) > 1 else "/work/notes/data/qa3-own.jsonl"
MAG = "004_793b3a574802021e.txt"
TYPES = {"fact", "number", "list", "date", "who", "unanswerable"}
ws = re.compile(r"\s+")
docs = {f: ws.sub("", open(os.path.join(CORPUS, f), encoding="utf-8").read()) for f in sorted(os.listdir(CORPUS))}
errors = []
def err(i, m): errors.append(f"{i}: {m}")
def check_ev(rid, ev, doc, where):
    if not isinstance(ev, list): err(rid, f"{where} evidence not list"); return
    for e in ev:
        if not isinstance(e, str): err(rid, f"{where} evidence non-string"); continue
        k = ws.sub("", e)
        if not (6 <= len(k) <= 25): err(rid, f"{where} evidence length {len(k)}: {e}")
        if doc is None: err(rid, f"{where} evidence but no doc: {e}"); continue
        if k not in docs[doc]: err(rid, f"{where} evidence NOT in {doc}: {e}")
        if doc == MAG:
            tot = sum(d.count(k) for d in docs.values())
            if tot != 1: err(rid, f"{where} magazine evidence occurs {tot}x in corpus: {e}")
ids = set(); qs = Counter(); n = 0; fus = 0
by_author = Counter(); by_type = Counter(); by_doc = Counter()
for line_no, line in enumerate(open(PATH, encoding="utf-8"), 1):
    if not line.strip(): err(line_no, "blank line"); continue
    r = json.loads(line); n += 1
    rid = r.get("id", f"line{line_no}")
    allowed = {"id", "question", "doc", "evidence", "answer", "type", "styles", "followup"}
    if set(r) - allowed: err(rid, f"extra keys {set(r)-allowed}")
    for k in ("id", "question", "doc", "evidence", "answer", "type", "styles"):
        if k not in r: err(rid, f"missing {k}")
    if not re.fullmatch(r"qa3-\d{3}", rid): err(rid, "bad id")
    if rid in ids: err(rid, "dup id")
    ids.add(rid); qs[r["question"]] += 1
    t = r.get("type")
    if t not in TYPES: err(rid, f"bad type {t}")
    doc = r.get("doc")
    if doc is not None and doc not in docs: err(rid, f"unknown doc {doc}")
    if t == "unanswerable":
        if doc is not None or r["evidence"] != []: err(rid, "unanswerable must have doc null and []")
    else:
        if doc is None or not r["evidence"]: err(rid, "answerable needs doc and evidence")
    check_ev(rid, r["evidence"], doc, "main")
    if not isinstance(r.get("answer"), str) or not r["answer"]: err(rid, "empty answer")
    st = r.get("styles")
    if not isinstance(st, list) or not any(s.startswith("author:") for s in st): err(rid, "styles need author:X")
    else: by_author[[s for s in st if s.startswith("author:")][0]] += 1
    by_type[t] += 1; by_doc[doc] += 1
    fu = r.get("followup")
    if fu is not None:
        fus += 1
        if set(fu) - {"question", "evidence", "answer", "doc"}: err(rid, "followup extra keys")
        for k in ("question", "evidence", "answer"):
            if k not in fu: err(rid, f"followup missing {k}")
        fdoc = fu.get("doc", doc)
        if "doc" in fu and fu["doc"] not in docs: err(rid, "followup unknown doc")
        if fu.get("evidence"):
            check_ev(rid, fu["evidence"], fdoc, "followup")
        else:
            err(rid, "followup without evidence")
for qq, c in qs.items():
    if c > 1: errors.append(f"duplicate question: {qq}")
print(f"items={n} followups={fus}")
print("authors:", dict(by_author)); print("types:", dict(by_type)); print("docs:", dict(by_doc))
for e in errors: print("ERROR", e)
print("OK" if not errors else f"{len(errors)} errors")
sys.exit(1 if errors else 0)
