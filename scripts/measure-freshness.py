#!/usr/bin/env python3
"""Time from a decision's API answer to its appearance in the YTD figures, over the public JSON routes.

Usage: python3 scripts/measure-freshness.py [samples] (services from scripts/run.sh on the default ports).
Needs a token: FAZHI_TOKEN, else one is minted with tools/Fazhi.DevToken (administrator of province 41).
Each sample logs a case, accepts it, then decides it and polls the district's YTD every ~2 ms until
reconsideration.decided has grown by one. Prints p50/p90/max in milliseconds.
"""
import http.client, json, os, subprocess, sys, time, uuid, statistics

ORG = "410199"
YEAR = 2025
REC = http.client.HTTPConnection("127.0.0.1", 5101)
REP = http.client.HTTPConnection("127.0.0.1", 5105)
TOKEN = os.environ.get("FAZHI_TOKEN") or subprocess.run(
    ["dotnet", "run", "--project", os.path.join(os.path.dirname(__file__), "..", "tools", "Fazhi.DevToken"), "--",
     "--role", "administrator", "--org", "41"], check=True, capture_output=True, text=True).stdout.strip()


def call(conn, method, path, body=None):
    conn.request(method, path, body=json.dumps(body) if body is not None else None,
                 headers={"content-type": "application/json", "authorization": f"Bearer {TOKEN}"})
    response = conn.getresponse()
    data = json.loads(response.read() or b"{}")
    if response.status != 200:
        raise SystemExit(f"{method} {path}: {response.status} {data}")
    return data


def decided():
    ytd = call(REP, "GET", f"/v1/reports/{ORG}/years/{YEAR}:ytd?asOf={YEAR}-12-31")
    return ytd["metrics"]["reconsideration.decided"]


samples = int(sys.argv[1]) if len(sys.argv) > 1 else 50
lags = []
for _ in range(samples):
    case = call(REC, "POST", "/v1/reconsideration/cases", {
        "requestId": str(uuid.uuid4()), "org": ORG, "receivedOn": f"{YEAR}-03-03",
        "applicantType": "APPLICANT_TYPE_NATURAL_PERSON", "category": "ACT_CATEGORY_ADMINISTRATIVE_PENALTY",
        "respondent": "区市场监督管理局", "summary": "freshness probe"})
    call(REC, "POST", f"/v1/reconsideration/cases/{case['id']}:accept", {"acceptedOn": f"{YEAR}-03-04", "procedure": "PROCEDURE_ORDINARY"})
    time.sleep(0.05)
    before = decided()
    call(REC, "POST", f"/v1/reconsideration/cases/{case['id']}:decide", {"decidedOn": f"{YEAR}-04-01", "decision": "DECISION_MAINTAIN"})
    answered = time.perf_counter()
    while decided() <= before:
        if time.perf_counter() - answered > 10:
            raise SystemExit("decision did not appear within 10 s")
        time.sleep(0.002)
    lags.append((time.perf_counter() - answered) * 1000)

lags.sort()
print(f"freshness over {samples} decisions: p50 {statistics.median(lags):.1f} ms, "
      f"p90 {lags[int(len(lags) * 0.9) - 1]:.1f} ms, max {lags[-1]:.1f} ms")
