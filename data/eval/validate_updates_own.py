import json, re, collections, datetime as dt, sys
KINDS={"visit","issue","progress","resolved","closed","mixed","not_update"}
CATS={"融资","用工","人才","用地","审批","政策兑现","市场","其他"}
STAT={"open","assigned","in_progress","resolved","closed"}
DEPTS={"经信局","人社局","金融办","资规局","交通运输局","组织部","发改局","住建局","商务局","税务局","市场监管局","生态环境局","财政局","供电公司","行政服务中心","农业农村局","园区管委会","省药监局"}
CANON={"华康药业","七一电器","矽盛电子","金鼎金属材料有限公司","维和药业","海纳半导体"}
err=0; sc=collections.Counter(); kc=collections.Counter(); texts=set(); ids=set(); ent_c=collections.Counter(); depts=collections.Counter(); years=collections.Counter()
def bad(r,m):
    global err; err+=1; print("ERR",r.get("id"),m)
for line in open(sys.argv[1] if len(sys.argv)>1 else "/work/main/data/eval/updates-own.jsonl"):
    r=json.loads(line)
    if set(r)-{"id","text","today","expected","styles","note"} or not {"id","text","today","expected","styles"}<=set(r): bad(r,"keys")
    if r["id"] in ids: bad(r,"dup id")
    ids.add(r["id"])
    if r["text"] in texts: bad(r,"dup text")
    texts.add(r["text"])
    if not re.fullmatch(r"\d{4}-\d\d-\d\d",r["today"]): bad(r,"today fmt")
    today=dt.date.fromisoformat(r["today"]); years[today.year]+=1
    e=r["expected"]
    if set(e)!={"kind","enterprise","date","issues","ref"}: bad(r,"exp keys")
    if e["kind"] not in KINDS: bad(r,"kind")
    kc[e["kind"]]+=1
    if e["date"] is not None:
        if not re.fullmatch(r"\d{4}-\d\d-\d\d",e["date"]): bad(r,"date fmt")
        elif dt.date.fromisoformat(e["date"])>today: bad(r,"future date")
    if e["ref"] is not None and not re.fullmatch(r"Q-\d{4}",e["ref"]): bad(r,"ref")
    if e["kind"]=="not_update":
        if e["issues"] or e["enterprise"] or e["date"] or e["ref"]: bad(r,"not_update nonempty")
    if e["kind"] in ("progress","resolved","closed","issue") and not e["issues"]: bad(r,"no issues")
    multi = "multi-enterprise" in (r.get("note") or "")
    for it in e["issues"]:
        ks=set(it)-{"enterprise"}
        if ks!={"category","summary","department","status"}: bad(r,"issue keys")
        if it["category"] not in CATS: bad(r,"cat "+it["category"])
        if it["status"] not in STAT: bad(r,"status")
        if it["department"] is not None and it["department"] not in DEPTS: bad(r,"dept "+str(it["department"]))
        if it["department"] is None and it["status"]=="assigned": bad(r,"assigned w/o dept")
        if multi and "enterprise" not in it: bad(r,"multi w/o issue ent")
        if not multi and "enterprise" in it: bad(r,"issue ent w/o multi note")
        depts[it["department"]]+=1
        if not multi and e["kind"]=="resolved" and it["status"]!="resolved": bad(r,"resolved status")
        if not multi and e["kind"]=="closed" and it["status"]!="closed": bad(r,"closed status")
        if not multi and e["kind"]=="progress" and it["status"] not in ("assigned","in_progress"): bad(r,"progress status")
    if not multi and e["kind"] in ("visit","issue") and any(it["status"] in("resolved","closed") for it in e["issues"]): print("WARN visit/issue with resolved",r["id"])
    if not isinstance(r["styles"],list) or not r["styles"]: bad(r,"styles")
    for s in r["styles"]: sc[s]+=1
    en=e["enterprise"]; ent_c["canonical" if en in CANON else ("null" if en is None else "other")]+=1
print("total",len(ids),"errors",err)
print("kinds",dict(kc))
print("styles",dict(sorted(sc.items(),key=lambda x:-x[1])))
print("enterprise",dict(ent_c)); print("years",dict(years))
print("depts",dict(depts))
