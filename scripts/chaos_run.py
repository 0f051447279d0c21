#!/usr/bin/env python3
"""Crash-and-fault run: traffics many jobs through `adops serve` against `adops mock` while a share of platform
calls fail transiently and `adops serve` is killed with SIGKILL at random moments, then checks the guarantees.

    swift build --product adops
    python3 scripts/chaos_run.py --binary .build/debug/adops --tickets 50 --kills 12

Each ticket goes to all four platforms (50 tickets make 200 jobs). Everything binds 127.0.0.1. The run passes
when every job ends SUCCESS and every entity the emulators hold, media included, is recorded by exactly one job
and no idempotency marker names two entities. It prints a JSON summary and exits 1 on any broken guarantee.
Only the standard library is used.
"""

import argparse
import base64
import collections
import datetime
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
API_KEY = "chaos-run-key"
ACCOUNTS = [
    ["--platform", "meta", "--account-id", "act_1001", "--name", "Chaos Meta", "--currency", "USD",
     "--setting", "page_id=1000000001", "--setting", "pixel_id=2000000001", "--access-token", "chaos-meta"],
    ["--platform", "tiktok", "--account-id", "7000000000000000001", "--name", "Chaos TikTok", "--currency", "USD",
     "--access-token", "chaos-tiktok"],
    ["--platform", "snapchat", "--account-id", "8a1c0f4e-2b7d-4c3a-9e5f-1d2c3b4a5e6f", "--name", "Chaos Snapchat",
     "--currency", "USD", "--setting", "profile_id=5f2e1d0c-3b4a-4c5d-8e9f-0a1b2c3d4e5f",
     "--access-token", "chaos-snapchat"],
    ["--platform", "google", "--account-id", "1234567890", "--name", "Chaos Google", "--currency", "USD",
     "--setting", "login_customer_id=1112223334", "--access-token", "chaos-google",
     "--developer-token", "chaos-developer"],
]
# Kinds of entity that are bookkeeping rather than something a job creates (none today; listed for clarity).
IGNORED_KINDS = set()


def call(method, url, body=None, headers=None, timeout=10):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        text = error.read()
        try:
            return error.code, json.loads(text)
        except ValueError:
            return error.code, text.decode(errors="replace")


def start(binary, arguments, env, cwd, prefix):
    process = subprocess.Popen(
        [binary] + arguments, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=open(os.path.join(cwd, "stderr.log"), "ab"),
        text=True)
    line = process.stdout.readline().strip()
    if not line.startswith(prefix):
        process.kill()
        raise SystemExit(f"{' '.join(arguments[:1])} did not start: {line!r}")
    return process, line[len(prefix):]


def is_recorded(entity, recorded, recorded_markers):
    """Whether a job accounts for an emulator entity: its id (or, for Meta's `account:hash` images, its hash) is
    in a job's ledger; a targeting criterion belongs to a recorded campaign or ad group (`parent~criterion`); and a
    Google budget carries the marker of a recorded campaign, whose create made it."""
    identifier = entity["id"]
    if identifier in recorded or identifier.split(":")[-1] in recorded:
        return True
    if entity.get("kind", "").endswith("Criterion"):
        return identifier.split("~")[0] in recorded
    if entity.get("kind") == "campaignBudget":
        return any(marker in (entity.get("name") or "") for marker in recorded_markers)
    return False


def sample_request(port, tomorrow):
    """The Disney+ sample with its media inline, landing URLs on the emulator's port, its flight from tomorrow."""
    folder = os.path.join(ROOT, "docs", "examples")
    with open(os.path.join(folder, "disneyplus-signup.json")) as handle:
        request = json.load(handle)
    start = datetime.datetime.fromisoformat(request["schedule"]["start"].replace("Z", "+00:00"))
    end = datetime.datetime.fromisoformat(request["schedule"]["end"].replace("Z", "+00:00"))
    request["schedule"] = {"start": tomorrow.strftime("%Y-%m-%dT%H:%M:%SZ"),
                           "end": (tomorrow + (end - start)).strftime("%Y-%m-%dT%H:%M:%SZ")}
    for creative in request["creatives"]:
        creative["landingURL"] = creative["landingURL"].replace(".localhost:4010/", f".localhost:{port}/")
        for medium in creative.get("media", []):
            with open(os.path.join(folder, medium["source"]), "rb") as handle:
                medium["source"] = "data:image/png;base64," + base64.b64encode(handle.read()).decode()
    return request


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "adops"))
    parser.add_argument("--tickets", type=int, default=50, help="tickets, each to all four platforms")
    parser.add_argument("--kills", type=int, default=12, help="SIGKILLs of adops serve")
    parser.add_argument("--fault-rate", type=float, default=0.3, help="share of platform calls that fail")
    parser.add_argument("--lease", type=int, default=3, help="ADOPS_LEASE_SECONDS")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for every job to end")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    dice = random.Random(options.seed)
    work = tempfile.mkdtemp(prefix="adops-chaos-")
    mock = serve = None
    summary = {"tickets": options.tickets, "jobs": options.tickets * 4, "kills": 0, "faultRate": options.fault_rate}
    try:
        mock, mock_url = start(binary, ["mock", "--port", "0", "--seed", str(options.seed)], dict(os.environ),
                               work, "adops-mock listening on ")
        port = int(mock_url.rsplit(":", 1)[1])
        # A third of the failures each: an error answer, a dropped connection, and an answer lost after the
        # platform acted (the hardest: the entity exists but the caller never hears of it).
        share = options.fault_rate / 3
        for platform in ["meta", "tiktok", "snapchat", "google"]:
            for rule in [{"kind": "status", "status": 503}, {"kind": "drop"}, {"kind": "dropResponse"}]:
                status, answer = call("POST", mock_url + "/_mock/faults",
                                      dict(rule, platform=platform, probability=share))
                if status not in (200, 201):
                    raise SystemExit(f"fault rule refused: {status} {answer}")
        env = {k: v for k, v in os.environ.items() if not k.startswith("ADOPS_") or k == "ADOPS_NOW"}
        env.update({
            "ADOPS_DB": os.path.join(work, "adops.sqlite"),
            "ADOPS_SECRET_KEY": base64.b64encode(os.urandom(32)).decode(),
            "ADOPS_API_KEYS": API_KEY, "ADOPS_PLATFORMS_BASE_URL": mock_url,
            "ADOPS_LEASE_SECONDS": str(options.lease), "ADOPS_WORKER_CONCURRENCY": str(options.concurrency),
            "ADOPS_PORT": "0",
        })
        for arguments in ACCOUNTS:
            subprocess.run([binary, "accounts", "add"] + arguments, env=env, cwd=work, check=True,
                           stdout=subprocess.DEVNULL)
        serve, api = start(binary, ["serve"], env, work, "adops serve listening on ")
        auth = {"Authorization": f"Bearer {API_KEY}"}
        status, listed = call("GET", api + "/api/v1/ad_accounts?limit=10", headers=auth)
        account_ids = [account["id"] for account in listed["data"]]
        now = datetime.datetime.now(datetime.timezone.utc)
        tomorrow = datetime.datetime(now.year, now.month, now.day, tzinfo=datetime.timezone.utc) + datetime.timedelta(days=1)
        template = sample_request(port, tomorrow)
        jobs = []
        for number in range(options.tickets):
            request = dict(template, name=f"{template['name']} #{number}")
            while True:
                try:
                    status, answer = call("POST", api + "/api/v1/campaigns",
                                          {"ad_account_ids": account_ids, "request": request}, auth)
                    break
                except OSError:
                    time.sleep(0.2)
            if status != 202:
                raise SystemExit(f"submission refused: {status} {answer}")
            jobs += [job["job_id"] for job in answer["jobs"]]
            # Kill the server now and then while submitting too, once the first jobs run.
        started = time.monotonic()
        for kill in range(options.kills):
            time.sleep(dice.uniform(0.3, 2.0))
            serve.send_signal(signal.SIGKILL)
            serve.wait()
            summary["kills"] += 1
            serve, api = start(binary, ["serve"], env, work, "adops serve listening on ")
        # Let the last server finish every job; leases of killed workers run out after options.lease seconds.
        deadline = time.monotonic() + options.timeout
        statuses = {}
        while time.monotonic() < deadline:
            status, health = call("GET", api + "/healthz")
            counts = health.get("jobs", {}) if isinstance(health, dict) else {}
            if counts.get("PENDING", 1) == 0 and counts.get("PROCESSING", 1) == 0:
                break
            time.sleep(0.5)
        summary["seconds"] = round(time.monotonic() - started, 1)
        recorded = collections.defaultdict(set)  # entity id -> jobs that recorded it
        details = []
        for job_id in jobs:
            status, detail = call("GET", f"{api}/api/v1/jobs/{job_id}", headers=auth)
            details.append(detail)
            statuses[job_id] = detail.get("status")
            ids = set()
            for values in (detail.get("external_ids") or {}).values():
                ids.update(values)
            for step in detail.get("steps", []):
                ids.update(step.get("entity_ids") or [])
                for entity in step.get("entities") or []:
                    ids.add(entity.get("id"))
                if step.get("media_reference"):
                    ids.add(step["media_reference"])
            for entity_id in ids:
                recorded[entity_id].add(job_id)
        recorded_markers = set()
        for detail in details:
            for step in detail.get("steps", []):
                for entity in step.get("entities") or []:
                    recorded_markers.update(re.findall(r"\[ao-[0-9a-f]+\]", entity.get("name") or ""))
        summary["statuses"] = dict(collections.Counter(statuses.values()))
        with open(os.path.join(work, "jobs.json"), "w") as handle:
            json.dump(details, handle, indent=1)
        problems = []
        for job_id, value in statuses.items():
            if value != "SUCCESS":
                problems.append(f"job {job_id} ended {value}")
        by_marker = collections.defaultdict(list)
        entity_count = 0
        for platform in ["meta", "tiktok", "snapchat", "google"]:
            status, entities = call("GET", f"{mock_url}/_mock/entities?platform={platform}")
            items = entities.get("items", entities) if isinstance(entities, dict) else entities
            for entity in items:
                if entity.get("kind") in IGNORED_KINDS:
                    continue
                entity_count += 1
                if not is_recorded(entity, recorded, recorded_markers):
                    problems.append(f"{platform} {entity.get('kind')} {entity['id']} ({entity.get('name')}) is recorded by no job")
                marker = re.search(r"\[ao-[0-9a-f]+\]", entity.get("name") or "")
                if marker:
                    by_marker[(platform, entity.get("kind"), marker.group(0))].append(entity["id"])
        for (platform, kind, marker), ids in by_marker.items():
            if len(ids) > 1:
                problems.append(f"{platform} {kind} {marker} exists {len(ids)} times: {ids}")
        summary["entities"] = entity_count
        summary["problems"] = problems[:50]
        summary["problemCount"] = len(problems)
        print(json.dumps(summary, indent=2))
        return 1 if problems else 0
    finally:
        for process in (serve, mock):
            if process and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        if options.keep:
            print(f"working folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
