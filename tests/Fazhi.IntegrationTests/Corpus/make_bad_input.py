#!/usr/bin/env python3
"""Writes bad-input.json: malformed requests for every JSON route of the five services (BadInputCorpusTests).

Each route has a valid body; each case breaks exactly one thing in it (or the body itself) and names the field the
error must name (null where no field can be named: a body that is not JSON at all). Path placeholders {recon},
{lit}, {notice}, {review}, {reviewProblem}, {campaign}, {dept}, {disc} are real resources of org 410105 that the
test creates first; {foreignRecon} etc. belong to 410106, which the caller's token (org 410105) does not cover.
Run: python3 make_bad_input.py > bad-input.json
"""
import base64, json

ORG = "410105"
SQL = "'; DROP TABLE outbox_messages; --"
SCRIPT = "<script>alert(1)</script>"
BIG = "@@OVERSIZE@@"  # the test puts 100,000 characters in its place
cases = []

def add_case(name, service, method, path, body=None, field=None, raw=None, b64=None, role=None):
    cases.append({k: v for k, v in {
        "name": name, "service": service, "method": method, "path": path, "role": role,
        "body": raw if raw is not None else (json.dumps(body, ensure_ascii=False) if body is not None else None),
        "bodyBase64": b64, "field": field}.items() if v is not None})

def post_route(service, path, good, dates=(), planned=(), enums=(), texts=(), ids=(), ints=(), required=(), role=None, method="POST"):
    """The generic breakages of a POST (or PUT) route, then one per field kind."""
    short = path.split("/v1/")[1]
    def add(name, service, _method, path, body=None, field=None, raw=None, b64=None, role=None):
        add_case(name, service, method, path, body, field, raw, b64, role)
    add(f"{short}: body not JSON", service, "POST", path, raw='{"org": ', role=role)
    add(f"{short}: body a JSON array", service, "POST", path, raw="[]", role=role)
    add(f"{short}: body not UTF-8", service, "POST", path, b64=base64.b64encode(b'{"reason": "\xff\xfe\xc3"}').decode(), role=role)
    add(f"{short}: unknown field", service, "POST", path, {**good, "isAdmin": True}, "isAdmin", role=role)
    for f in dates:
        add(f"{short}: {f} impossible", service, "POST", path, {**good, f: "2024-02-30"}, f, role=role)
        add(f"{short}: {f} not ISO", service, "POST", path, {**good, f: "03/01/2024"}, f, role=role)
        add(f"{short}: {f} a number", service, "POST", path, {**good, f: 20240301}, f, role=role)
        if f not in planned:
            add(f"{short}: {f} in the future", service, "POST", path, {**good, f: "9999-12-31"}, f, role=role)
    for f in enums:
        add(f"{short}: {f} unknown", service, "POST", path, {**good, f: "NOT_A_CODE"}, f, role=role)
        add(f"{short}: {f} out of range", service, "POST", path, {**good, f: 999}, f, role=role)
    for f in texts:
        add(f"{short}: {f} with NUL", service, "POST", path, {**good, f: "abc\u0000def"}, f, role=role)
        add(f"{short}: {f} with BEL", service, "POST", path, {**good, f: "abc\u0007"}, f, role=role)
        add(f"{short}: {f} oversize", service, "POST", path, {**good, f: BIG}, f, role=role)
        add(f"{short}: {f} an object", service, "POST", path, {**good, f: {"a": 1}}, f, role=role)
    for f in ids:
        add(f"{short}: {f} SQL", service, "POST", path, {**good, f: SQL}, f, role=role)
        add(f"{short}: {f} script", service, "POST", path, {**good, f: SCRIPT}, f, role=role)
    for f in ints:
        add(f"{short}: {f} negative", service, "POST", path, {**good, f: -5}, f, role=role)
        add(f"{short}: {f} overflow", service, "POST", path, {**good, f: 2**40}, f, role=role)
        add(f"{short}: {f} a string", service, "POST", path, {**good, f: "ten"}, f, role=role)
    for f in required:
        add(f"{short}: {f} missing", service, "POST", path, {k: v for k, v in good.items() if k != f}, f, role=role)

add = add_case

def org_route(service, path, good, role=None):
    short = path.split("/v1/")[1]
    add(f"{short}: org malformed", service, "POST", path, {**good, "org": "41010"}, "org", role=role)
    add(f"{short}: org SQL", service, "POST", path, {**good, "org": "410105' OR '1'='1"}, "org", role=role)
    add(f"{short}: org out of scope", service, "POST", path, {**good, "org": "110101"}, "org", role=role)
    add(f"{short}: requestId not a UUID", service, "POST", path, {**good, "requestId": SCRIPT}, "requestId", role=role)

def id_route(service, method, path, placeholder, good=None, foreign=None, role=None):
    short = path.split("/v1/")[1]
    for label, bad in [("not a UUID", "not-a-uuid"), ("SQL", "1%27%20OR%20%271%27%3D%271"), ("script", "%3Cscript%3E")]:
        add(f"{short}: id {label}", service, method, path.replace(placeholder, bad), good, "id", role=role)
    if foreign:
        add(f"{short}: another org's id", service, method, path.replace(placeholder, foreign), good, None, role=role)

# --- reconsideration ---------------------------------------------------------------------------------------------
R = "reconsideration"
create = {"requestId": "0193a000-0000-7000-8000-000000000001", "org": ORG, "receivedOn": "2024-03-01",
          "applicantType": "APPLICANT_TYPE_NATURAL_PERSON", "category": "ACT_CATEGORY_ADMINISTRATIVE_PENALTY",
          "respondent": "区市场监督管理局", "summary": "不服行政处罚决定"}
post_route(R, "/v1/reconsideration/cases", create, dates=["receivedOn"], enums=["applicantType", "category"],
           texts=["respondent", "summary"], required=["receivedOn", "applicantType", "category", "respondent", "org"])
org_route(R, "/v1/reconsideration/cases", create)
case = "/v1/reconsideration/cases/{recon}"
for verb, good, dates, planned, enums, texts, ints in [
    ("accept", {"acceptedOn": "2024-03-04", "procedure": "PROCEDURE_ORDINARY"}, ["acceptedOn"], [], ["procedure"], [], []),
    ("reject", {"rejectedOn": "2024-03-04", "reason": "不属于受理范围"}, ["rejectedOn"], [], [], ["reason"], []),
    ("hear", {"heldOn": "2024-03-10"}, ["heldOn"], [], [], [], []),
    ("request-materials", {"requestedOn": "2024-03-02", "dueOn": "2024-03-20", "reason": "补正"}, ["requestedOn", "dueOn"], ["dueOn"], [], ["reason"], []),
    ("materials-received", {"receivedOn": "2024-03-05"}, ["receivedOn"], [], [], [], []),
    ("withdraw", {"withdrawnOn": "2024-03-05", "reason": "撤回"}, ["withdrawnOn"], [], [], ["reason"], []),
    ("extend", {"extendedOn": "2024-03-06", "days": 30, "reason": "案情复杂"}, ["extendedOn"], [], [], ["reason"], ["days"]),
    ("suspend", {"suspendedOn": "2024-03-06", "reason": "中止"}, ["suspendedOn"], [], [], ["reason"], []),
    ("resume", {"resumedOn": "2024-03-07"}, ["resumedOn"], [], [], [], []),
    ("decide", {"decidedOn": "2024-04-01", "decision": "DECISION_MAINTAIN"}, ["decidedOn"], [], ["decision", "terminationGround"], [], []),
    ("correct", {"reason": "录入错误", "receivedOn": "2024-03-01"}, ["receivedOn", "acceptedOn", "decidedOn"], [], ["applicantType", "decision"], ["reason", "summary"], []),
    ("void", {"reason": "重复录入"}, [], [], [], ["reason"], []),
]:
    post_route(R, f"{case}:{verb}", good, dates=dates, planned=planned, enums=enums, texts=texts, ints=ints)
id_route(R, "POST", f"{case}:accept", "{recon}", {"acceptedOn": "2024-03-04", "procedure": "PROCEDURE_ORDINARY"}, "{foreignRecon}")
id_route(R, "GET", case, "{recon}", foreign="{foreignRecon}")
id_route(R, "GET", f"{case}/history", "{recon}")
for query, field in [("pageSize=-1", "pageSize"), ("pageSize=abc", "pageSize"), ("status=NOT_A_STATUS", "status"),
                     ("org=410105%27%20OR%201%3D1", "org"), ("dueBefore=2024-13-01", "dueBefore"), ("pageToken=%3Cscript%3E", "pageToken")]:
    add(f"reconsideration/cases?{query}", R, "GET", f"/v1/reconsideration/cases?{query}", field=field)
post_route(R, "/v1/reconsideration/admin:republish", {"pageSize": 500}, ints=["pageSize"], role="administrator")

# --- litigation --------------------------------------------------------------------------------------------------
L = "litigation"
lawsuit = {"requestId": "0193a000-0000-7000-8000-000000000002", "org": ORG, "court": "郑州市中级人民法院", "caseNumber": "(2024)豫01行初1号",
           "instance": "INSTANCE_FIRST", "filedOn": "2024-03-01", "category": "ACT_CATEGORY_ADMINISTRATIVE_PENALTY", "defendant": "区政府"}
post_route(L, "/v1/litigation/cases", lawsuit, dates=["filedOn"], enums=["instance", "category"], texts=["court", "caseNumber", "defendant"],
           required=["filedOn", "instance", "court", "org"])
org_route(L, "/v1/litigation/cases", lawsuit)
lcase = "/v1/litigation/cases/{lit}"
post_route(L, f"{lcase}/notices", {"requestId": "0193a000-0000-7000-8000-000000000003", "noticeOn": "2024-04-01", "hearingOn": "2024-04-10"},
           dates=["noticeOn", "hearingOn"], planned=["hearingOn"], required=["noticeOn", "hearingOn"])
post_route(L, f"{lcase}/notices/{{notice}}:record-appearance", {"appearance": "APPEARANCE_PRINCIPAL", "spoke": True}, enums=["appearance", "excuse"])
post_route(L, f"{lcase}:record-judgment", {"judgedOn": "2024-06-01", "judgment": "JUDGMENT_WON"}, dates=["judgedOn"], enums=["judgment"])
post_route(L, f"{lcase}:correct", {"reason": "更正", "court": "郑州市中级人民法院"}, dates=["filedOn"], enums=["instance"], texts=["reason", "court"])
post_route(L, f"{lcase}:void", {"reason": "重复"}, texts=["reason"])
id_route(L, "GET", lcase, "{lit}", foreign="{foreignLit}")
id_route(L, "POST", f"{lcase}:void", "{lit}", {"reason": "重复"})
add("litigation/cases/{lit}/notices/bad:record-appearance", L, "POST", f"{lcase}/notices/not-a-uuid:record-appearance",
    {"appearance": "APPEARANCE_PRINCIPAL"}, "noticeId")
for query, field in [("pageSize=-1", "pageSize"), ("instance=NOT_AN_INSTANCE", "instance"), ("org=abc", "org")]:
    add(f"litigation/cases?{query}", L, "GET", f"/v1/litigation/cases?{query}", field=field)

id_route(L, "GET", f"{lcase}/history", "{lit}")
post_route(L, "/v1/litigation/admin:republish", {"pageSize": 500}, ints=["pageSize"], role="administrator")

# --- enforcement -------------------------------------------------------------------------------------------------
E = "enforcement"
post_route(E, "/v1/enforcement/departments", {"requestId": "0193a000-0000-7000-8000-000000000004", "org": ORG, "name": "区市场监督管理局"},
           texts=["name"], required=["name", "org"])
org_route(E, "/v1/enforcement/departments", {"requestId": "0193a000-0000-7000-8000-000000000004", "org": ORG, "name": "区市场监督管理局"})
post_route(E, "/v1/enforcement/departments/{dept}:rename", {"name": "区市场监管局"}, texts=["name"])
review = {"requestId": "0193a000-0000-7000-8000-000000000005", "org": ORG, "departmentId": "{dept}", "fileType": "FILE_TYPE_PENALTY",
          "fileNumber": "2024-001", "reviewedOn": "2024-05-01", "score": 88.5, "problems": []}
post_route(E, "/v1/enforcement/reviews", review, dates=["reviewedOn"], enums=["fileType"], texts=["fileNumber"], ids=["departmentId"],
           required=["reviewedOn", "fileType", "departmentId"])
org_route(E, "/v1/enforcement/reviews", review)
for score in [-1, 100.5, 88.55, "high"]:
    add(f"enforcement/reviews: score {score}", E, "POST", "/v1/enforcement/reviews", {**review, "score": score}, "score")
add("enforcement/reviews: problem rectifyBy before foundOn", E, "POST", "/v1/enforcement/reviews", {**review, "problems": [
    {"category": "PROBLEM_CATEGORY_FILING", "description": "缺页", "rectifyBy": "2024-04-01"}]},
    "rectifyBy")
add("enforcement/reviews: problem category unknown", E, "POST", "/v1/enforcement/reviews", {**review, "problems": [
    {"category": "NOT_A_CATEGORY", "description": "缺页", "rectifyBy": "2024-06-01"}]}, "category")
post_route(E, "/v1/enforcement/reviews/{review}/problems/{reviewProblem}:rectify", {"rectifiedOn": "2024-05-20"}, dates=["rectifiedOn"])
post_route(E, "/v1/enforcement/reviews/{review}:void", {"reason": "重复"}, texts=["reason"])
campaign = {"requestId": "0193a000-0000-7000-8000-000000000006", "org": ORG, "name": "专项整治", "startedOn": "2024-03-01", "endsOn": "2024-12-31"}
post_route(E, "/v1/enforcement/campaigns", campaign, dates=["startedOn", "endsOn"], planned=["endsOn"], texts=["name"], required=["startedOn", "endsOn", "name"])
org_route(E, "/v1/enforcement/campaigns", campaign)
post_route(E, "/v1/enforcement/campaigns/{campaign}/problems", {"requestId": "0193a000-0000-7000-8000-000000000007", "departmentId": "{dept}",
           "category": "PROBLEM_CATEGORY_PROCEDURAL", "description": "程序问题", "foundOn": "2024-04-01", "rectifyBy": "2024-05-01"},
           dates=["foundOn", "rectifyBy"], planned=["rectifyBy"], enums=["category"], texts=["description"], ids=["departmentId"])
post_route(E, "/v1/enforcement/campaigns/{campaign}:void", {"reason": "重复"}, texts=["reason"])
id_route(E, "GET", "/v1/enforcement/reviews/{review}", "{review}", foreign="{foreignReview}")
id_route(E, "GET", "/v1/enforcement/campaigns/{campaign}", "{campaign}")
id_route(E, "GET", "/v1/enforcement/campaigns/{campaign}/history", "{campaign}")
for query, field in [("pageSize=-1", "pageSize"), ("fileType=NOT_A_TYPE", "fileType"), ("departmentId=%3Cscript%3E", "departmentId")]:
    add(f"enforcement/reviews?{query}", E, "GET", f"/v1/enforcement/reviews?{query}", field=field)
add("enforcement/departments?org=SQL", E, "GET", "/v1/enforcement/departments?org=410105%27%20OR%201%3D1", field="org")
id_route(E, "GET", "/v1/enforcement/reviews/{review}/history", "{review}")
for label, bad in [("not a UUID", "not-a-uuid"), ("SQL", "1%27%20OR%20%271%27%3D%271")]:
    add(f"enforcement/campaigns/{{campaign}}/problems/{label}:rectify", E, "POST", f"/v1/enforcement/campaigns/{{campaign}}/problems/{bad}:rectify",
        {"rectifiedOn": "2024-05-20"}, "problemId")
add("enforcement/campaigns?org=script", E, "GET", "/v1/enforcement/campaigns?org=%3Cscript%3E", field="org")
add("enforcement/campaigns?org=another org", E, "GET", "/v1/enforcement/campaigns?org=110101")
post_route(E, "/v1/enforcement/admin:republish", {"pageSize": 500}, ints=["pageSize"], role="administrator")

# --- disclosure --------------------------------------------------------------------------------------------------
D = "disclosure"
request = {"requestId": "0193a000-0000-7000-8000-000000000008", "org": ORG, "receivedOn": "2024-03-01",
           "applicantType": "APPLICANT_TYPE_NATURAL_PERSON", "subject": "申请公开2023年财政预算"}
post_route(D, "/v1/disclosure/requests", request, dates=["receivedOn"], enums=["applicantType"], texts=["subject"],
           required=["receivedOn", "applicantType", "org"])
org_route(D, "/v1/disclosure/requests", request)
publication = {"requestId": "0193a000-0000-7000-8000-000000000009", "org": ORG, "publishedOn": "2024-03-01", "category": "规划计划", "title": "年度计划"}
post_route(D, "/v1/disclosure/publications", publication, dates=["publishedOn"], texts=["title", "category"], required=["publishedOn", "title"])
org_route(D, "/v1/disclosure/publications", publication)
add("disclosure/publications:batchCreate: one bad date", D, "POST", "/v1/disclosure/publications:batchCreate",
    {"requests": [publication, {**publication, "requestId": "0193a000-0000-7000-8000-00000000000a", "publishedOn": "2024-02-30"}]}, "publishedOn")
add("disclosure/publications:batchCreate: requests not a list", D, "POST", "/v1/disclosure/publications:batchCreate", {"requests": "all"}, "requests")
dreq = "/v1/disclosure/requests/{disc}"
post_route(D, f"{dreq}:request-clarification", {"on": "2024-03-05"}, dates=["on"])
post_route(D, f"{dreq}:extend", {"on": "2024-03-10", "reason": "需要协调", "workingDays": 20}, dates=["on"], texts=["reason"], ints=["workingDays"])
post_route(D, f"{dreq}:conclude", {"concludedOn": "2024-03-20", "outcome": "OUTCOME_DISCLOSED"}, dates=["concludedOn"], enums=["outcome"])
post_route(D, f"{dreq}:void", {"reason": "重复"}, texts=["reason"])
id_route(D, "GET", dreq, "{disc}", foreign="{foreignDisc}")
id_route(D, "POST", f"{dreq}:clarified", "{disc}", {"on": "2024-03-06"})
id_route(D, "GET", f"{dreq}/history", "{disc}", foreign="{foreignDisc}")
post_route(D, "/v1/disclosure/admin:republish", {"pageSize": 500}, ints=["pageSize"], role="administrator")
# Table 二: a PUT of every figure for (org, year).
stats = {"rulesIssued": 1, "rulesRepealed": 0, "rulesInForce": 12, "normativeDocumentsIssued": 5, "normativeDocumentsRepealed": 1,
         "normativeDocumentsInForce": 40, "licensingDecisions": 900, "penaltyDecisions": 300, "compulsionDecisions": 10, "feesWanYuan": "18.2"}
spath = f"/v1/disclosure/statistics/{ORG}/2023"
post_route(D, spath, stats, ints=["rulesIssued", "penaltyDecisions", "normativeDocumentsInForce"], required=["feesWanYuan"], method="PUT")
for fees in ["-1", "abc", "1e3", "123456.78901", "18.2\u0000", 18.2]:
    add(f"disclosure/statistics PUT: feesWanYuan {fees!r}", D, "PUT", spath, {**stats, "feesWanYuan": fees}, "feesWanYuan")
for path, field in [("/v1/disclosure/statistics/4101x5/2023", "org"), ("/v1/disclosure/statistics/110101/2023", "org"),
                    ("/v1/disclosure/statistics/410105/1899", "year"), ("/v1/disclosure/statistics/410105/2999", "year")]:
    add(f"disclosure/statistics PUT {path}", D, "PUT", path, stats, field)
    add(f"disclosure/statistics GET {path}", D, "GET", path, field=field)
    add(f"disclosure/statistics GET {path}/history", D, "GET", path + "/history", field=field)
for query, field in [("pageSize=-1", "pageSize"), ("status=NOT_A_STATUS", "status"), ("org=%3Cscript%3E", "org")]:
    add(f"disclosure/requests?{query}", D, "GET", f"/v1/disclosure/requests?{query}", field=field)

# --- reporting ---------------------------------------------------------------------------------------------------
P = "reporting"
for path, field in [("/v1/reports/4101x5/years/2024:ytd", "org"), ("/v1/reports/410105%27%20OR%201%3D1/years/2024:ytd", "org"),
                    ("/v1/reports/%3Cscript%3E/years/2024:ytd", "org"), ("/v1/reports/410105/years/99999:ytd", "year"),
                    ("/v1/reports/410105/years/1899:ytd", "year"), ("/v1/reports/410105/years/abc:ytd", "year"),
                    ("/v1/reports/410105/years/2024:ytd?asOf=2024-02-30", "asOf"), ("/v1/reports/410105/years/2024:ytd?asOf=2023-06-01", "asOf"),
                    ("/v1/reports/410105/years/2024:ytd?asOf=%00", "asOf"), ("/v1/reports/410105/years/2024:ytd?asOf=9999-12-31", "asOf")]:
    add(f"reports {path}", P, "GET", path, field=field)
for source in ["payroll", SQL, "reconsideration\u0000", BIG]:
    add(f"reports/admin:reset source {source[:20]!r}", P, "POST", "/v1/reports/admin:reset", {"source": source}, "source", role="administrator")
add("reports/admin:reset not JSON", P, "POST", "/v1/reports/admin:reset", raw="{", role="administrator")

# The report documents, the month series, the live stream and the breakdowns: the same org, year and asOf rules.
for route in [":annual", ":disclosure-report", ":monthly", ":enforcement-breakdown", ":watch", "/disclosure-report.html"]:
    for org, year, query, field in [("4101x5", "2023", "", "org"), ("%3Cscript%3E", "2023", "", "org"), ("410105", "1899", "", "year"),
                                    ("410105", "abc", "", "year"), ("410105", "2023", "?asOf=2023-02-30", "asOf"),
                                    ("410105", "2023", "?asOf=2022-06-01", "asOf")]:
        if route in (":monthly", ":watch") and query:
            continue   # no asOf on these
        add(f"reports {org}/{year}{route}{query}", P, "GET", f"/v1/reports/{org}/years/{year}{route}{query}", field=field)
add("reports :monthly unknown metric", P, "GET", "/v1/reports/410105/years/2023:monthly?metrics=payroll.total", field="metrics")
add("reports :monthly metric SQL", P, "GET", "/v1/reports/410105/years/2023:monthly?metrics=%27%3B%20DROP", field="metrics")
add("reports :ytd another city", P, "GET", "/v1/reports/110101/years/2023:ytd", field=None)

print(json.dumps(cases, ensure_ascii=False, indent=1))
