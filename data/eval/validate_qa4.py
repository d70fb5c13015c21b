#!/usr/bin/env python3
"""Validate qaN-own.jsonl (sets 4 and 5; the id prefix follows the file name) (adapted from validate_qa3.py): shape, types, evidence substrings (whitespace removed),
magazine uniqueness, per-article coverage of the magazine (004 holds 20 articles; 000-003 are one document each),
set-level targets (>=45 unanswerable, >=40 follow-ups, every one of the 24 documents >=4 times), and a paraphrase
warning when a question copies >=10 consecutive characters of its document."""
import json, re, sys, os
from collections import Counter
CORPUS = "/work/shared/corpus"
PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "qa4-own.jsonl")
SET = re.search(r"qa(\d+)-own", PATH).group(1)
MAG = "004_793b3a574802021e.txt"
TYPES = {"fact", "number", "list", "date", "who", "unanswerable"}
AUTHORS = {f"author:{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
ws = re.compile(r"\s+")
docs = {f: ws.sub("", open(os.path.join(CORPUS, f), encoding="utf-8").read()) for f in sorted(os.listdir(CORPUS))}

# Article map of the magazine: non-blank line ranges (1-based, counting only non-blank lines) -> article.
# Some paragraphs are interleaved in the source file (常山/开化, 教育局/资规局), hence the split ranges.
RANGES = [(1, 7, "M01卷首语"), (32, 32, "M02林晓峰讲话"), (71, 136, "M02林晓峰讲话"), (137, 150, "M03柯城"),
          (151, 173, "M04衢江谢高华"), (174, 185, "M05龙游品质党建"), (186, 210, "M06江山数字人才"),
          (211, 218, "M07常山常青藤"), (219, 227, "M08开化四个一批"), (228, 231, "M07常山常青藤"),
          (232, 240, "M08开化四个一批"), (241, 253, "M09教育局"), (254, 260, "M10资规局"), (261, 261, "M09教育局"),
          (262, 273, "M10资规局"), (275, 283, "M11衢江罗凯帅"), (284, 292, "M12龙游引才联盟"),
          (293, 301, "M13江山江组轩"), (302, 310, "M14常山廖颖"), (311, 320, "M15开化郑帆"),
          (321, 337, "M16衢州实战砥砺"), (338, 346, "M17衢江抽蓄"), (347, 355, "M18龙游亲清服务日"),
          (356, 369, "M19开化五个一批"), (370, 444, "M20组织工作条例研究")]
mag_lines = [ws.sub("", l) for l in open(os.path.join(CORPUS, MAG), encoding="utf-8") if l.strip()]
starts = []; pos = 0
for l in mag_lines: starts.append(pos); pos += len(l)
mag_joined = "".join(mag_lines)
assert mag_joined == docs[MAG]
def article(doc, ev):
    if doc != MAG: return doc[:3]
    k = ws.sub("", ev); p = mag_joined.find(k)
    if p < 0: return None
    ln = max(i for i, s in enumerate(starts) if s <= p) + 1
    for a, b, name in RANGES:
        if a <= ln <= b: return name
    return f"MAG-line{ln}"
ALL_DOCS = ["000", "001", "002", "003"] + sorted({n for _, _, n in RANGES})

errors = []; warnings = []
def err(i, m): errors.append(f"{i}: {m}")
def check_ev(rid, ev, doc, where):
    arts = set()
    if not isinstance(ev, list): err(rid, f"{where} evidence not list"); return arts
    for e in ev:
        if not isinstance(e, str): err(rid, f"{where} evidence non-string"); continue
        k = ws.sub("", e)
        if not (6 <= len(k) <= 25): err(rid, f"{where} evidence length {len(k)}: {e}")
        if doc is None: err(rid, f"{where} evidence but no doc: {e}"); continue
        if k not in docs[doc]: err(rid, f"{where} evidence NOT in {doc}: {e}"); continue
        if doc == MAG:
            tot = sum(d.count(k) for d in docs.values())
            if tot != 1: err(rid, f"{where} magazine evidence occurs {tot}x in corpus: {e}")
        arts.add(article(doc, e))
    if len(arts) > 1 and where == "main" and "comparison" not in cur_styles:
        warnings.append(f"{rid}: {where} evidence spans articles {arts}")
    return arts
def copied(q, doc, n=10):
    qq = ws.sub("", q); d = docs[doc]
    for i in range(len(qq) - n + 1):
        if qq[i:i + n] in d: return qq[i:i + n]
    return None

ids = set(); qs = Counter(); n = 0; fus = 0; fu_after_unans = 0; unans = 0
by_author = Counter(); by_type = Counter(); by_doc = Counter(); by_art = Counter(); by_art_any = Counter()
for line_no, line in enumerate(open(PATH, encoding="utf-8"), 1):
    if not line.strip(): err(line_no, "blank line"); continue
    r = json.loads(line); n += 1
    rid = r.get("id", f"line{line_no}")
    allowed = {"id", "question", "doc", "evidence", "answer", "type", "styles", "followup"}
    if set(r) - allowed: err(rid, f"extra keys {set(r)-allowed}")
    for k in ("id", "question", "doc", "evidence", "answer", "type", "styles"):
        if k not in r: err(rid, f"missing {k}")
    if not re.fullmatch(rf"qa{SET}-\d{{3}}", rid): err(rid, "bad id")
    if rid != f"qa{SET}-{n:03d}": err(rid, f"id out of sequence (expected qa{SET}-{n:03d})")
    if rid in ids: err(rid, "dup id")
    ids.add(rid); qs[r["question"]] += 1
    t = r.get("type")
    if t not in TYPES: err(rid, f"bad type {t}")
    doc = r.get("doc")
    if doc is not None and doc not in docs: err(rid, f"unknown doc {doc}")
    st = r.get("styles"); cur_styles = st if isinstance(st, list) else []
    if t == "unanswerable":
        unans += 1
        if doc is not None or r["evidence"] != []: err(rid, "unanswerable must have doc null and []")
    else:
        if doc is None or not r["evidence"]: err(rid, "answerable needs doc and evidence")
    arts = check_ev(rid, r["evidence"], doc, "main")
    for a in arts: by_art[a] += 1; by_art_any[a] += 1
    if doc is not None and t != "unanswerable":
        c = copied(r["question"], doc)
        if c: warnings.append(f"{rid}: question copies document text: {c}")
    if not isinstance(r.get("answer"), str) or not r["answer"]: err(rid, "empty answer")
    au = [s for s in cur_styles if s.startswith("author:")]
    if len(au) != 1 or au[0] not in AUTHORS: err(rid, f"styles need exactly one of {sorted(AUTHORS)}")
    else: by_author[au[0]] += 1
    by_type[t] += 1; by_doc[doc] += 1
    fu = r.get("followup")
    if fu is not None:
        fus += 1
        if t == "unanswerable": fu_after_unans += 1
        if set(fu) - {"question", "evidence", "answer", "doc"}: err(rid, "followup extra keys")
        for k in ("question", "evidence", "answer"):
            if k not in fu: err(rid, f"followup missing {k}")
        if t == "unanswerable" and "doc" not in fu: err(rid, "followup after unanswerable needs its own doc")
        fdoc = fu.get("doc", doc)
        if "doc" in fu and fu["doc"] not in docs: err(rid, "followup unknown doc")
        if fu.get("evidence"):
            for a in check_ev(rid, fu["evidence"], fdoc, "followup"): by_art_any[a] += 1
        else:
            err(rid, "followup without evidence")
        if not fu.get("answer"): err(rid, "followup empty answer")
for qq, c in qs.items():
    if c > 1: errors.append(f"duplicate question: {qq}")
if unans < 45: errors.append(f"only {unans} unanswerable (<45)")
if fus < 40: errors.append(f"only {fus} follow-ups (<40)")
for d in ALL_DOCS:
    if by_art[d] < 4: errors.append(f"document {d} used {by_art[d]}x as main answer (<4)")
print(f"items={n} unanswerable={unans} followups={fus} (after unanswerable: {fu_after_unans})")
print("authors:", dict(sorted(by_author.items()))); print("types:", dict(sorted(by_type.items(), key=str)))
print("files:", dict(sorted(by_doc.items(), key=str)))
print("documents (main evidence / incl. follow-ups):")
for d in ALL_DOCS: print(f"  {d}: {by_art[d]} / {by_art_any[d]}")
for w in warnings: print("WARN", w)
for e in errors: print("ERROR", e)
print("OK" if not errors else f"{len(errors)} errors")
sys.exit(1 if errors else 0)
