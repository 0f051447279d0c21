"""Helpers the console suites share: the browser, sign-in, themes, viewports, screenshots, axe-core and the seed.

Kept out of conftest.py so the test modules can import them by name (`from consolekit import sign_in`).
"""

import base64
import datetime
import importlib.util
import json
import os
import pathlib
import shutil
import struct
import subprocess
import tempfile
import time
import urllib.parse

import pytest
import requests

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
WAIT = 15

# What the seed names its campaigns: markup that must show as text and never run.
SCRIPT_NAME = "Winter <script>window.__xss=1</script>"
ATTRIBUTE_NAME = 'Spring "><img src=x onerror=window.__xss=2>'
# What the emulator answers when the seed's failing launch asks it for a Meta campaign.
EMULATOR_MESSAGE = "<img src=x onerror=window.__xss=3>platform says no"

DESKTOP = (1280, 900)
MOBILE = (375, 812)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

SCREENSHOT_DIR = ROOT / "docs" / "images" / "console"
_scratch_screenshots = pathlib.Path(tempfile.mkdtemp(prefix="adops-console-shots-"))


def screenshots_wanted():
    return os.environ.get("ADOPS_CONSOLE_SCREENSHOTS") == "1"


# ---------------------------------------------------------------------------------------------------------------
# The browser


def new_driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={DESKTOP[0]},{DESKTOP[1]}", "--no-first-run", "--disable-extensions",
                     "--hide-scrollbars", "--force-device-scale-factor=1",
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT * 2)
    driver.set_script_timeout(WAIT * 2)
    driver.adops_theme = "light"
    driver.adops_viewport = "desktop"
    set_theme(driver, "light")
    return driver


def set_theme(driver, theme):
    """Emulates `prefers-color-scheme: light|dark` for every page the driver opens next (and the current one)."""
    assert theme in ("light", "dark"), theme
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "screen", "features": [{"name": "prefers-color-scheme", "value": theme}]})
    driver.adops_theme = theme


def set_mobile(driver):
    """A 375×812 phone: the layout's width, a touch screen and a mobile viewport meta honoured."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": MOBILE[0], "height": MOBILE[1], "deviceScaleFactor": 1, "mobile": True})
    driver.adops_viewport = "mobile"


def set_desktop(driver):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": DESKTOP[0], "height": DESKTOP[1], "deviceScaleFactor": 1, "mobile": False})
    driver.adops_viewport = "desktop"


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def screenshot(driver, name):
    """The whole page as `<name>-<light|dark>-<desktop|mobile>.png`: into docs/images/console/ when
    ADOPS_CONSOLE_SCREENSHOTS=1, else into a scratch folder, so a test run leaves the tree clean unless asked."""
    file_name = f"{name}-{driver.adops_theme}-{driver.adops_viewport}.png"
    folder = SCREENSHOT_DIR if screenshots_wanted() else _scratch_screenshots
    folder.mkdir(parents=True, exist_ok=True)
    # The whole page, not only the window: the layout's height at the emulated width.
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    content = metrics.get("cssContentSize") or metrics["contentSize"]
    width = DESKTOP[0] if driver.adops_viewport == "desktop" else MOBILE[0]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(int(content["height"]), 4000), "scale": 1}})
    data = base64.b64decode(shot["data"])
    path = folder / file_name
    path.write_bytes(data)
    assert path.stat().st_size > 1000, f"{path} is nearly empty"
    shot_width, shot_height = png_size(data)
    assert shot_width >= width and shot_height > 100, (path, shot_width, shot_height)
    # The committed shots are palette PNGs, a third of the size, when Debian's pngquant is there.
    if screenshots_wanted() and shutil.which("pngquant"):
        subprocess.run(["pngquant", "--force", "--skip-if-larger", "--output", str(path), "--", str(path)],
                       check=False, capture_output=True)
    return path


def wait_for(driver, condition, message, timeout=WAIT):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(condition, message)


def wait_loaded(driver):
    wait_for(driver, lambda d: d.execute_script("return document.readyState") == "complete", "page never loaded")


def click(driver, element):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    wait_for(driver, lambda d: element.is_displayed() and element.is_enabled(), "element never clickable")
    element.click()


def path_of(driver):
    parts = urllib.parse.urlsplit(driver.current_url)
    return parts.path + (("?" + parts.query) if parts.query else "")


def query_of(driver):
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(driver.current_url).query))


# ---------------------------------------------------------------------------------------------------------------
# Signing in, and asking the server what a page answers


def sign_in(driver, console=None, key=None):
    """Signs in through the form, as a person: the key typed into #api-key, the form submitted."""
    from selenium.webdriver.common.by import By

    console = console or CURRENT["console"]
    driver.get(console.url + "/sign-in")
    wait_loaded(driver)
    if urllib.parse.urlsplit(driver.current_url).path != "/sign-in":
        return  # already signed in: the form sends people on to the overview
    field = driver.find_element(By.ID, "api-key")
    field.clear()
    field.send_keys(key if key is not None else console.api_key)
    click(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/sign-in'] button[type=submit]"))
    wait_loaded(driver)
    if key is None:
        wait_for(driver, lambda d: urllib.parse.urlsplit(d.current_url).path != "/sign-in", "sign-in refused")


def sign_out(driver, console=None):
    console = console or CURRENT["console"]
    driver.get(console.url + "/sign-in")
    driver.delete_all_cookies()


def browser_session(driver):
    """A requests session holding the browser's cookies (the session cookie is HttpOnly, but WebDriver sees it)."""
    session = requests.Session()
    for cookie in driver.get_cookies():
        session.cookies.set(cookie["name"], cookie["value"], path=cookie.get("path", "/"))
    return session


def page_status(driver, path, console=None):
    """The status a signed-in GET of `path` answers, without following redirects."""
    console = console or CURRENT["console"]
    return browser_session(driver).get(console.url + path, allow_redirects=False, timeout=10).status_code


def require_page(driver, path, console=None, step=None):
    """Skips a test whose page a colleague has not shipped yet in this binary (the server answers 401 or 404 for
    a signed-in GET: no console route, so the API's fallback). ADOPS_CONSOLE_REQUIRE_ALL=1 makes that a failure."""
    status = page_status(driver, path, console)
    if status in (401, 404):
        message = f"{path} is not served by this adops binary yet (HTTP {status})"
        if step:
            message = f"{step}: {message}; this and every later step did not run"
        if os.environ.get("ADOPS_CONSOLE_REQUIRE_ALL") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return status


# ---------------------------------------------------------------------------------------------------------------
# Checks every page gets


def assert_no_script_ran(driver):
    """No seeded name or message ran: window.__xss is set by each of their payloads, were they ever to run."""
    assert driver.execute_script("return typeof window.__xss") == "undefined", \
        f"markup ran on {driver.current_url}: window.__xss = {driver.execute_script('return window.__xss')!r}"
    # Nor did the markup become elements: no <img src=x>, no <script> outside the console's own.
    assert driver.execute_script(
        "return document.querySelectorAll('img[src=\"x\"], img[onerror], [onerror]').length") == 0
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(driver.current_url))
    scripts = driver.execute_script("return [...document.scripts].map(s => s.src || ('inline:' + s.text))")
    assert all(src.startswith(origin + "/assets/") for src in scripts), scripts


def axe_source():
    spec = importlib.util.find_spec("axe_selenium_python")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("axe-selenium-python is not installed: pip install -r Tests/console/requirements.txt")
    path = pathlib.Path(list(spec.submodule_search_locations)[0]) / "node_modules" / "axe-core" / "axe.min.js"
    return path.read_text(encoding="utf-8")


def run_axe(driver):
    """Runs axe-core's WCAG 2.1 A and AA rules on the page; answers the violations."""
    # WebDriver's script evaluation is not subject to the page's CSP in Chromium (script-src 'self' forbids
    # inline scripts, and test_security proves it does), so axe is injected this way, not as a <script>.
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(CURRENT.setdefault("axe", axe_source()))
    assert driver.execute_script("return typeof window.axe === 'object'"), "axe-core did not load"
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify({error: String(e)})));",
        AXE_TAGS)
    violations = json.loads(results)
    assert not isinstance(violations, dict), violations
    return violations


def axe_report(violations):
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:8]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            summary = node.get("failureSummary", "").replace("\n", " / ")
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


def assert_accessible(driver):
    violations = run_axe(driver)
    assert not violations, (f"axe-core found {len(violations)} WCAG 2.1 A/AA violations on {path_of(driver)} "
                            f"({driver.adops_theme}, {driver.adops_viewport}):\n" + axe_report(violations))


# ---------------------------------------------------------------------------------------------------------------
# The seed: what a person would have done before opening the console

CURRENT = {}


def now():
    """The emulator's clock as it starts: ADOPS_NOW when set (the suite then runs on that date), else the system's;
    it runs on from there, as each process's clock does."""
    text = os.environ.get("ADOPS_NOW")
    if not text:
        return datetime.datetime.now(datetime.timezone.utc)
    started = CURRENT.setdefault("started", (datetime.datetime.fromisoformat(text.replace("Z", "+00:00")),
                                             time.monotonic()))
    return started[0] + datetime.timedelta(seconds=time.monotonic() - started[1])


def flight(days=60):
    """From tomorrow (the emulator's today + 1) for `days` days: never a fixed date."""
    start = now().date() + datetime.timedelta(days=1)
    return {"start": f"{start.isoformat()}T00:00:00Z",
            "end": f"{(start + datetime.timedelta(days=days)).isoformat()}T23:59:59Z"}


def ticket(name):
    """docs/examples/single-hierarchy.json, renamed, flown from tomorrow, its file media made a data: URI."""
    request = json.loads((ROOT / "docs" / "examples" / "single-hierarchy.json").read_text())
    png = base64.b64encode((ROOT / "docs" / "examples" / "media" / "disneyplus-hero.png").read_bytes()).decode()
    for creative in request["creatives"]:
        for media in creative.get("media", []):
            media["source"] = "data:image/png;base64," + png
    request["name"] = name
    request["schedule"] = flight()
    return request


def poll(what, read, done, timeout=60):
    deadline = time.monotonic() + timeout
    value = read()
    while not done(value):
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} never happened; last: {json.dumps(value)[:2000]}")
        time.sleep(0.2)
        value = read()
    return value
