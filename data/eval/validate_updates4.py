#!/usr/bin/env python3
"""Validate updatesN-own.jsonl (sets 4 and 5) against the README label schema (adapted from validate_updates3.py).
Usage: python3 validate_updates4.py [updates5-own.jsonl] — the id prefix (up4-, up5-) follows the file name."""
import json, re, sys, datetime as dt
from collections import Counter
PATH = sys.argv[1] if len(sys.argv) > 1 else "updates4-own.jsonl"
SET = re.search(r"updates(\d+)-own", PATH).group(1)
KINDS = {"visit", "issue", "progress", "resolved", "closed", "mixed", "not_update"}
CATS = {"融资", "用工", "人才", "用地", "审批", "政策兑现", "市场", "其他"}
STATUS = {"open", "assigned", "in_progress", "resolved", "closed"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
REF = re.compile(r"^Q-\d{4}$")
errs, ids = [], Counter()
def err(i, msg): errs.append(f"line {i}: {msg}")
def date_ok(s):
    if not isinstance(s, str) or not DATE.match(s): return None
    try: return dt.date.fromisoformat(s)
    except ValueError: return None
rows = []
for i, line in enumerate(open(PATH, encoding="utf-8"), 1):
    try: o = json.loads(line)
    except Exception as e: err(i, f"bad json {e}"); continue
    rows.append(o)
    for k in ("id", "text", "today", "expected", "styles"):
        if k not in o: err(i, f"missing {k}")
    extra = set(o) - {"id", "text", "today", "expected", "styles", "note"}
    if extra: err(i, f"unknown keys {extra}")
    ids[o.get("id")] += 1
    if not re.match(rf"^up{SET}-\d{{3}}$", str(o.get("id"))): err(i, "bad id")
    if not isinstance(o.get("text"), str) or not o["text"].strip(): err(i, "empty text")
    today = date_ok(o.get("today"))
    if not today: err(i, "bad today"); continue
    if not (dt.date(2024, 1, 1) <= today <= dt.date(2026, 12, 31)): err(i, "today outside 2024-2026")
    st = o.get("styles")
    if not isinstance(st, list) or not st or not str(st[0]).startswith("author:"): err(i, "styles must start with author:X")
    e = o.get("expected", {})
    for k in ("kind", "enterprise", "date", "issues", "ref"):
        if k not in e: err(i, f"expected.{k} missing")
    if set(e) - {"kind", "enterprise", "date", "issues", "ref"}: err(i, f"unknown expected keys {set(e)}")
    kind = e.get("kind")
    if kind not in KINDS: err(i, f"bad kind {kind}")
    if e.get("date") is not None:
        d = date_ok(e["date"])
        if not d: err(i, f"bad date {e['date']}")
        elif d > today: err(i, f"date {d} after today {today}")
    if e.get("ref") is not None and not REF.match(str(e["ref"])): err(i, f"bad ref {e['ref']}")
    if e.get("enterprise") is not None and (not isinstance(e["enterprise"], str) or not e["enterprise"].strip()): err(i, "bad enterprise")
    iss = e.get("issues")
    if not isinstance(iss, list): err(i, "issues not list"); continue
    multi = "multi-enterprise" in (o.get("note") or "")
    for j, x in enumerate(iss):
        keys = {"category", "summary", "department", "status"} | ({"enterprise"} if multi else set())
        if set(x) != keys: err(i, f"issue {j} keys {set(x)} != {keys}")
        if x.get("category") not in CATS: err(i, f"issue {j} bad category {x.get('category')}")
        if x.get("status") not in STATUS: err(i, f"issue {j} bad status {x.get('status')}")
        if not isinstance(x.get("summary"), str) or not x["summary"]: err(i, f"issue {j} empty summary")
        if x.get("department") is not None and not isinstance(x["department"], str): err(i, f"issue {j} bad department")
        if x.get("status") == "open" and x.get("department") is not None: err(i, f"issue {j} open but has department")
        if x.get("status") == "assigned" and x.get("department") is None: err(i, f"issue {j} assigned without department")
    if kind == "not_update":
        if e.get("enterprise") is not None or e.get("date") is not None or e.get("ref") is not None or iss:
            err(i, "not_update must have null enterprise/date/ref and no issues")
    if kind in ("issue", "progress", "resolved", "closed", "mixed") and not iss: err(i, f"{kind} without issues")
    if kind == "closed" and not any(x["status"] == "closed" for x in iss): err(i, "closed without a closed issue")
    if kind == "resolved" and not multi and any(x["status"] != "resolved" for x in iss): err(i, "resolved with non-resolved issue")
    if kind == "progress" and any(x["status"] not in ("assigned", "in_progress") for x in iss): err(i, "progress with odd status")
    if kind in ("visit", "issue") and not multi and any(x["status"] in ("resolved", "closed") for x in iss): err(i, f"{kind} with resolved/closed issue")
    if kind == "mixed" and len({x["status"] for x in iss}) < 2 and not any(s in o.get("note", "") for s in ("visit +", "回访")): err(i, "mixed with a single status and no note explaining it")
    if kind != "not_update" and e.get("enterprise") is None and e.get("ref") is None: err(i, f"{kind} with neither enterprise nor ref")
    if not re.fullmatch(r"author:[A-Z]", o.get("styles", [""])[0]): err(i, "the first style must name the author (author:X)")
    dep_ok = {"经信局", "人社局", "金融办", "资规局", "交通运输局", "组织部", "发改局", "住建局", "商务局", "税务局", "市场监管局", "生态环境局", "财政局",
              "供电公司", "行政服务中心", "农业农村局", "园区管委会", "省药监局", "街道", "应急局"}
    for j, x in enumerate(iss):
        if x.get("department") is not None and x["department"] not in dep_ok: err(i, f"issue {j} department {x['department']} not normalised")
    if e.get("ref") and e["ref"].replace("-", "") not in o["text"].replace("-", "").upper() and "零" not in o["text"]: err(i, "ref not in text")
for k, v in ids.items():
    if v > 1: errs.append(f"duplicate id {k}")
print(f"{len(rows)} rows, {len(errs)} errors")
for x in errs: print(x)
if not errs:
    by = lambda f: Counter(f(o) for o in rows)
    print("author:", dict(sorted(by(lambda o: o["styles"][0]).items())))
    print("kind:", dict(by(lambda o: o["expected"]["kind"]).most_common()))
    cat = Counter(x["category"] for o in rows for x in o["expected"]["issues"]); print("category:", dict(cat.most_common()))
    stc = Counter(x["status"] for o in rows for x in o["expected"]["issues"]); print("status:", dict(stc.most_common()))
    print("notes:", sum(1 for o in rows if o.get("note")), "multi:", sum(1 for o in rows if "multi-enterprise" in (o.get("note") or "")))
    ak = Counter((o["styles"][0][7:], o["expected"]["kind"]) for o in rows)
    for a in sorted({a for a, _ in ak}): print(a, {k: ak[(a, k)] for k in KINDS if ak[(a, k)]})
sys.exit(1 if errs else 0)
