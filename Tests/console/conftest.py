"""The web console (`adops serve`, at `/`) in headless Chromium, against `adops mock`.

Once per session, in a scratch folder: `adops mock` on a free port; a database, a generated secret key file and a
random API key; one ad account per platform added with `adops accounts add` (the emulator's sample ids, as in
docs/configuration.md); then `adops serve --port 0` pointed at the emulator. The seed is what a person would do
through the REST API: two batches of campaigns whose names carry script markup, flown from tomorrow; the first
batch activated, the emulator's clock moved into the flight and a metrics sync run, so the overview has figures;
and a launch the emulator refuses with a message holding markup.

`adops serve` runs with its clock (ADOPS_NOW) SERVE_AHEAD_DAYS ahead of the emulator's: the emulator must see
tomorrow's flight as ahead (TikTok refuses a start more than 12 hours past), while a sync reads only up to the
server's own today. Once the clock of the emulator is moved up to the server's, delivery exists to be synced.

With ADOPS_NOW set, the emulator's clock starts there (and the server's SERVE_AHEAD_DAYS later), so the suite runs
on that date. The binary is ADOPS_BINARY, else .build/debug/adops. Needs Debian's chromium and chromium-driver, and
Tests/console/requirements.txt. Screenshots go to docs/images/console/ only with ADOPS_CONSOLE_SCREENSHOTS=1.
Tests of pages this binary does not serve yet (/studio, /jobs, /accounts, /rules, /campaigns/{id}, /actions/{id})
skip, naming the page; ADOPS_CONSOLE_REQUIRE_ALL=1 makes them fail instead.
Run: ADOPS_BINARY=.build/debug/adops .venv/bin/python -m pytest -q Tests/console
"""

import collections
import datetime
import os
import pathlib
import secrets
import subprocess
import threading

import pytest
import requests

import consolekit
from consolekit import (ATTRIBUTE_NAME, CHROMEDRIVER, CHROMIUM, EMULATOR_MESSAGE, ROOT, SCRIPT_NAME, new_driver,
                        poll, set_desktop, set_theme, sign_in, ticket)

SERVE_AHEAD_DAYS = 3

# The emulator's sample accounts (docs/configuration.md, "Register one ad account per platform").
ACCOUNTS = {
    "meta": ["--account-id", "act_1001", "--name", "Disney+ US — Meta", "--setting", "page_id=1000000001",
             "--setting", "pixel_id=2000000001"],
    "tiktok": ["--account-id", "7000000000000000001", "--name", "Disney+ US — TikTok"],
    "snapchat": ["--account-id", "8a1c0f4e-2b7d-4c3a-9e5f-1d2c3b4a5e6f", "--name", "Disney+ US — Snapchat",
                 "--setting", "profile_id=5f2e1d0c-3b4a-4c5d-8e9f-0a1b2c3d4e5f"],
    "google": ["--account-id", "1234567890", "--name", "Disney+ US — Google",
               "--setting", "login_customer_id=1112223334"],
}

Console = collections.namedtuple(
    "Console", "url mock_url api_key env folder accounts server_now seeded_campaigns seeded_batches failed_job "
               "seeded_action seeded_rule")

# A rule seeded with `adops rules add`, disabled so the scheduler never acts during the run; its name holds markup.
RULE = """id: cpa-guard
name: "Guard <script>window.__xss=6</script>"
enabled: false
scope: {level: adGroup, platforms: [meta, google]}
targets: {cpa: 40}
conditions:
  all:
    - {metric: spend, window: last3Days, op: ">", value: 50}
    - {metric: cpa, window: last3Days, op: ">", value: {factor: 2, of: {target: cpa}}}
actions:
  - type: pause
schedule: {everyMinutes: 15}
"""


def adops_binary():
    binary = os.path.abspath(os.environ.get("ADOPS_BINARY", str(ROOT / ".build" / "debug" / "adops")))
    if not pathlib.Path(binary).exists():
        pytest.fail(f"{binary} does not exist: run `swift build --product adops`, or set ADOPS_BINARY")
    return binary


@pytest.fixture(scope="session", autouse=True)
def chromium_available():
    if not os.path.exists(CHROMEDRIVER) or not CHROMIUM or not os.path.exists(CHROMIUM):
        pytest.skip("needs Debian chromium and chromium-driver (/usr/bin/chromedriver)")


class Process:
    """A long-running `adops` command whose first stdout line names its address; stderr kept in a file."""

    def __init__(self, arguments, env, cwd, prefix, log):
        self.log = log
        self.process = subprocess.Popen([adops_binary(), *arguments], cwd=cwd, env=env, stdout=subprocess.PIPE,
                                        stderr=open(log, "w"), text=True)
        line = self.process.stdout.readline().strip()
        if not line.startswith(prefix):
            self.stop()
            pytest.fail(f"unexpected first line from adops {arguments[0]}: {line!r}\n{pathlib.Path(log).read_text()}")
        self.url = line[len(prefix):]
        # Keep reading stdout so the process never blocks on a full pipe.
        threading.Thread(target=self.process.stdout.read, daemon=True).start()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def iso(instant):
    return instant.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture(scope="session")
def console(tmp_path_factory):
    folder = tmp_path_factory.mktemp("console")
    key_file = folder / "secret.key"
    key_file.write_text(secrets.token_hex(32) + "\n")
    key_file.chmod(0o600)
    api_key = "console-" + secrets.token_urlsafe(24)
    base = {name: value for name, value in os.environ.items()
            if not name.startswith("ADOPS_") or name in ("ADOPS_BINARY",)}
    base.update({"NO_COLOR": "1"})

    started = consolekit.now()
    mock_env = dict(base, ADOPS_NOW=iso(started)) if os.environ.get("ADOPS_NOW") else base
    mock = Process(["mock", "--port", "0", "--seed", "7"], mock_env, folder, "adops-mock listening on ",
                   folder / "mock.log")
    server = None
    try:
        env = dict(base,
                   ADOPS_DB=str(folder / "adops.sqlite"), ADOPS_SECRET_KEY_FILE=str(key_file),
                   ADOPS_API_KEYS=api_key, ADOPS_PLATFORMS_BASE_URL=mock.url, ADOPS_SYNC_INTERVAL="0",
                   ADOPS_META_ACCESS_TOKEN="mock-meta-token", ADOPS_TIKTOK_ACCESS_TOKEN="mock-tiktok-token",
                   ADOPS_SNAPCHAT_ACCESS_TOKEN="mock-snapchat-token",
                   ADOPS_GOOGLE_ACCESS_TOKEN="mock-google-token",
                   ADOPS_GOOGLE_DEVELOPER_TOKEN="mock-developer-token")
        for platform, options in ACCOUNTS.items():
            subprocess.run([adops_binary(), "accounts", "add", "--platform", platform, "--currency", "USD",
                            *options], cwd=folder, env=env, check=True, capture_output=True, text=True)
        (folder / "rule.yaml").write_text(RULE)
        subprocess.run([adops_binary(), "rules", "add", str(folder / "rule.yaml")], cwd=folder, env=env, check=True,
                       capture_output=True, text=True)
        server_now = consolekit.now() + datetime.timedelta(days=SERVE_AHEAD_DAYS)
        serve_env = dict(env, ADOPS_NOW=iso(server_now))
        server = Process(["serve", "--port", "0"], serve_env, folder, "adops serve listening on ",
                         folder / "serve.log")
        api = Api(server.url, api_key)
        accounts = {account["platform"]: account["id"] for account in api.get("/api/v1/ad_accounts")["data"]}
        assert set(accounts) == set(ACCOUNTS), accounts
        campaigns, batches, failed_job, action = seed(api, mock.url, accounts, server_now)
        value = Console(server.url, mock.url, api_key, serve_env, folder, accounts, server_now, campaigns,
                        batches, failed_job, action, "cpa-guard")
        consolekit.CURRENT["console"] = value
        yield value
    finally:
        if server is not None:
            server.stop()
        mock.stop()


class Api:
    def __init__(self, url, key):
        self.url = url
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {key}"

    def get(self, path, **params):
        answer = self.session.get(self.url + path, params=params, timeout=10)
        answer.raise_for_status()
        return answer.json()

    def post(self, path, body):
        answer = self.session.post(self.url + path, json=body, timeout=10)
        assert answer.status_code in (200, 201, 202), (path, answer.status_code, answer.text)
        return answer.json()


def wait_for_jobs(api, submitted, statuses=("SUCCESS",)):
    """Waits until every job of a submission (POST /api/v1/campaigns or /ads/{platform}'s answer) has ended."""
    ids = [job["job_id"] for job in submitted.get("jobs", [submitted])]
    finished = ("SUCCESS", "FAILED", "PARTIAL_SUCCESS")
    read = lambda: [api.get(f"/api/v1/jobs/{job_id}") for job_id in ids]  # noqa: E731
    jobs = poll(f"jobs {ids} to finish", read, lambda jobs: all(job["status"] in finished for job in jobs))
    assert all(job["status"] in statuses for job in jobs), [(job["status"], job.get("error")) for job in jobs]
    return jobs


def seed(api, mock_url, accounts, server_now):
    """Two batches launched through POST /api/v1/campaigns, the first activated and synced; one failed launch.
    Returns the campaigns, the batches, the failed job and the first activation's id."""
    first = api.post("/api/v1/campaigns", {"ad_account_ids": list(accounts.values()), "request": ticket(SCRIPT_NAME)})
    second = api.post("/api/v1/campaigns", {"ad_account_ids": [accounts["meta"], accounts["google"]],
                                            "request": ticket(ATTRIBUTE_NAME)})
    wait_for_jobs(api, first)
    wait_for_jobs(api, second)
    launched = api.get("/api/v1/campaigns", limit=100)["data"]
    first_batch = [campaign for campaign in launched if campaign["name"] == SCRIPT_NAME]
    assert len(first_batch) == 4, launched

    actions = [api.post(f"/api/v1/campaigns/{campaign['id']}/actions", {"type": "activate"})
               for campaign in first_batch]
    for action in actions:
        poll(f"action {action['id']}", lambda: api.get(f"/api/v1/actions/{action['id']}"),
             lambda read: read["status"].upper() not in ("PENDING", "QUEUED", "RUNNING", "PROCESSING"))
        assert api.get(f"/api/v1/actions/{action['id']}")["status"] == "DONE"

    # Into the flight, on the server's day: then a sync has delivery to read.
    requests.post(f"{mock_url}/_mock/clock", json={"now": iso(server_now)}, timeout=5).raise_for_status()
    runs = api.post("/api/v1/sync", {})["runs"]
    for run in runs:
        poll(f"sync run {run['id']}", lambda: api.get(f"/api/v1/sync/runs/{run['id']}"),
             lambda read: read["status"] not in ("queued", "running"))

    # A launch the emulator refuses, once, with a message of its own that holds markup.
    fault = requests.post(f"{mock_url}/_mock/faults", json={
        "platform": "meta", "method": "POST", "path": "/v*/act_*/campaigns", "kind": "status", "status": 400,
        "message": EMULATOR_MESSAGE, "count": 1}, timeout=5)
    fault.raise_for_status()
    failing = api.post("/api/v1/ads/meta", {"ad_account_id": accounts["meta"],
                                            "request": ticket("Refused " + ATTRIBUTE_NAME)})
    failed = wait_for_jobs(api, failing, statuses=("FAILED",))
    assert EMULATOR_MESSAGE in failed[0]["error"]["message"], failed
    requests.delete(f"{mock_url}/_mock/faults", timeout=5)

    return (api.get("/api/v1/campaigns", limit=100)["data"],
            {"script": first["batch_id"], "attribute": second["batch_id"], "failed": failing["batch_id"]},
            failed[0], actions[0]["id"])


@pytest.fixture(scope="session")
def driver(console):
    browser = new_driver()
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture
def signed_in(driver, console):
    """The driver signed in, at the desktop size in the light theme."""
    set_desktop(driver)
    set_theme(driver, "light")
    sign_in(driver, console)
    return driver


@pytest.fixture
def api(console):
    return Api(console.url, console.api_key)
