"""A campaign's life through the console only, as a person would live it, written to the pages' contract:

sign in → Creative Studio (/studio): fill the wizard for the Google account and the Meta one, type a Google
headline one character too long and see the live violation before submitting, fix it → review → launch →
/jobs?batch=… until every job is SUCCESS → the Google campaign's page → activate (confirm) → /actions/{id} until
`DONE` → the emulator's clock a few days on, `#sync` → `#metrics-table` fills → pause (confirm) → the
emulator holds the campaign PAUSED.

Pages a colleague has not shipped in the binary under test skip the journey at the step that needs them, naming
it (ADOPS_CONSOLE_REQUIRE_ALL=1 makes that a failure).
"""

import datetime
import re
import time
import urllib.parse
import uuid

import requests
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from consolekit import (ROOT, assert_no_script_ran, click, query_of, require_page, screenshot, set_desktop,
                        set_theme, sign_in, wait_for, wait_loaded)

GOOGLE_HEADLINE_LIMIT = 30
LONG_WAIT = 60


def reveal(driver, element):
    """With scripts on, the wizard shows one step at a time; a person opens the step holding the control from the
    step list, so this does the same when the control is hidden."""
    if element.is_displayed():
        return element
    step_id = driver.execute_script("const s = arguments[0].closest('fieldset.step'); return s ? s.id : null;",
                                    element)
    assert step_id, f"#{element.get_attribute('id')} is hidden and in no wizard step"
    click(driver, driver.find_element(By.CSS_SELECTOR, f'.steps a[href="#{step_id}"]'))
    wait_for(driver, lambda d: element.is_displayed(), f"step #{step_id} never showed")
    return element


def fill(driver, element_id, value):
    """Types into an input or textarea, or picks an option of a select (by value, else by visible text)."""
    element = reveal(driver, driver.find_element(By.ID, element_id))
    if element.tag_name == "select":
        select = Select(element)
        values = [option.get_attribute("value") for option in select.options]
        if value in values:
            select.select_by_value(value)
        else:
            select.select_by_visible_text(value)
        return element
    if element.get_attribute("type") in ("date", "datetime-local"):
        # Typing into a date field depends on the locale; a person's pick is its value and its events.
        driver.execute_script("arguments[0].value = arguments[1];"
                              "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                              "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, value)
        return element
    click(driver, element)
    element.clear()
    element.send_keys(value)
    return element


def retype(driver, element, value):
    """Replaces a field's text the way a person does: select all, type over it (input events fire)."""
    click(driver, element)
    element.send_keys("\ue009a")  # Ctrl+A
    element.send_keys("\ue017")  # Delete
    element.send_keys(value)


def violations(driver, platform=None, severity=None):
    """The live region's violations as (platform, field, text); `severity` ("hard" or "soft") narrows them."""
    selector = "#violations li[data-platform]" if platform is None else f'#violations li[data-platform="{platform}"]'
    if severity is not None:
        selector += f".{severity}"
    # One script reads them all: each answer from /studio/check redraws the list, so elements read one at a time
    # can go stale between two reads.
    return [tuple(item) for item in driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])]"
        ".map((li) => [li.dataset.platform, li.dataset.field, li.innerText]);", selector)]


def check_account(driver, account_id, platform):
    """Ticks the account's checkbox: by its value (our account id), else by the label naming the platform."""
    boxes = driver.find_elements(By.CSS_SELECTOR, "input[name=account]")
    assert boxes, "the wizard offers no account"
    for box in boxes:
        if box.get_attribute("value").lower() == account_id.lower():
            break
    else:
        label = "return (arguments[0].labels[0] || arguments[0].parentElement).textContent"
        labelled = [box for box in boxes if platform in (driver.execute_script(label, box) or "").lower()]
        assert labelled, f"no {platform} account among {[box.get_attribute('value') for box in boxes]}"
        box = labelled[0]
    reveal(driver, box)
    if not box.is_selected():
        click(driver, box)
    assert box.is_selected()


def wait_for_page_state(driver, what, check, timeout=LONG_WAIT, reload_every=3.0):
    """Waits for `check(driver)`; pages that follow the server (data-refresh) update by themselves, and a reload
    every few seconds covers a page that does not."""
    deadline = time.monotonic() + timeout
    last_reload = time.monotonic()
    while True:
        try:
            result = check(driver)
        except StaleElementReferenceException:
            result = None  # the page redrew itself between two reads; look again
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} never happened on {driver.current_url}:\n"
                                 f"{driver.find_element(By.TAG_NAME, 'main').text[:3000]}")
        if time.monotonic() - last_reload > reload_every:
            driver.refresh()
            wait_loaded(driver)
            last_reload = time.monotonic()
        time.sleep(0.25)


def confirm_action(driver, console, button_id):
    """Presses the campaign page's button, confirms, and follows /actions/{id} until it is DONE (ActionStatus)."""
    click(driver, driver.find_element(By.ID, button_id))
    confirm = wait_for(driver, lambda d: d.find_elements(By.ID, "confirm"), f"no confirmation after #{button_id}")
    assert_no_script_ran(driver)
    click(driver, confirm[0])
    wait_for(driver, lambda d: urllib.parse.urlsplit(d.current_url).path.startswith("/actions/"),
             "the confirmation did not lead to /actions/{id}")
    action_id = urllib.parse.urlsplit(driver.current_url).path.rsplit("/", 1)[1]
    uuid.UUID(action_id)

    def finished(d):
        sections = d.find_elements(By.CSS_SELECTOR, "section#action-progress[data-status]")
        status = sections[0].get_attribute("data-status") if sections else None
        return status if status in ("DONE", "FAILED") else None

    assert wait_for_page_state(driver, f"action {action_id} ending", finished) == "DONE", \
        driver.find_element(By.ID, "action-progress").text
    assert_no_script_ran(driver)
    return action_id


def test_launch_activate_sync_and_pause_a_campaign_from_the_studio(driver, console):
    set_desktop(driver)
    set_theme(driver, "light")
    name = f"Journey {uuid.uuid4().hex[:6]} <script>window.__xss=9</script>"
    api = requests.Session()
    api.headers["Authorization"] = f"Bearer {console.api_key}"

    # 1. Sign in.
    sign_in(driver, console)
    assert urllib.parse.urlsplit(driver.current_url).path == "/"

    # 2. The Creative Studio.
    require_page(driver, "/studio", console, step="journey step 2 (open /studio)")
    driver.get(console.url + "/studio")
    wait_loaded(driver)
    wizard = driver.find_element(By.ID, "wizard")
    live = driver.find_element(By.ID, "violations")
    assert live.get_attribute("aria-live") in ("polite", "assertive") or live.get_attribute("role") in (
        "status", "alert", "log"), "#violations is not a live region"

    # 3. The wizard, for the Google account and the Meta one.
    fill(driver, "name", name)
    fill(driver, "objective", "conversions")
    check_account(driver, console.accounts["google"], "google")
    check_account(driver, console.accounts["meta"], "meta")
    fill(driver, "budget-amount", "50.00")
    fill(driver, "countries", "US")
    # The flight: from today by the server's clock, so a sync after the emulator's clock moves has days to read.
    if driver.find_elements(By.ID, "start"):
        fill(driver, "start", console.server_now.date().isoformat())
    if driver.find_elements(By.ID, "end"):
        fill(driver, "end", (console.server_now.date() + datetime.timedelta(days=30)).isoformat())
    # Google's responsive search ad takes 3 to 15 headlines and 2 to 4 descriptions.
    fill(driver, "headline-2", "Disney, Pixar and Marvel")
    fill(driver, "headline-3", "Plans from $7.99 a month")
    fill(driver, "description", "Plans from $7.99 a month. Cancel anytime.")
    fill(driver, "description-2", "Stream the originals on every screen.")
    fill(driver, "primary-text", "Disney, Pixar, Marvel and Star Wars in one place.")
    fill(driver, "link-url", "http://disneyplus-signup-demo.localhost/")
    fill(driver, "cta", "signUp")
    reveal(driver, driver.find_element(By.ID, "image")).send_keys(str(ROOT / "docs" / "examples" / "media" / "disneyplus-hero.png"))

    # 4. A Google headline of 31 characters: the live region names Google's headline before anything is sent.
    too_long = "Stream Disney+ Originals Today!"
    assert len(too_long) == GOOGLE_HEADLINE_LIMIT + 1
    headline = fill(driver, "headline", too_long)
    found = wait_for(driver, lambda d: [v for v in violations(d, "google") if "30" in v[2]],
                     "no live violation for Google's 31-character headline")
    assert any(field.startswith("headline") or "headline" in field for _, field, _ in found), found
    assert "30" in " ".join(text for _, _, text in found), found
    meta_headline = [v for v in violations(driver, "meta", severity="hard") if "headlines" in v[1]]
    assert not meta_headline, f"Meta takes a 31-character headline: {meta_headline}"
    assert urllib.parse.urlsplit(driver.current_url).path == "/studio", "the wizard was submitted"

    # Fixed to 30, the violation goes.
    fixed = too_long[:-2] + "!"
    assert len(fixed) == GOOGLE_HEADLINE_LIMIT
    retype(driver, headline, fixed)
    wait_for(driver, lambda d: not violations(d, "google"), "Google's violation stayed after the fix")
    assert headline.get_attribute("value") == fixed
    screenshot(driver, "journey-studio")

    # 5. Review, launch.
    click(driver, reveal(driver, wizard.find_element(By.ID, "review") if wizard.find_elements(By.ID, "review")
                         else driver.find_element(By.ID, "review")))
    launch = wait_for(driver, lambda d: d.find_elements(By.ID, "launch"), "no review page with #launch")
    main = driver.find_element(By.TAG_NAME, "main").text
    assert name in main and fixed in main, main[:2000]
    assert_no_script_ran(driver)
    screenshot(driver, "journey-review")
    click(driver, launch[0])
    wait_for(driver, lambda d: urllib.parse.urlsplit(d.current_url).path == "/jobs", "launch did not go to /jobs")
    batch = query_of(driver).get("batch")
    assert batch and uuid.UUID(batch), driver.current_url

    # 6. Every job of the batch ends SUCCESS. The list follows its jobs by itself and may redraw between two
    # reads, so each look reads the rows' status, text and link in one script.
    read_rows = """return [...document.querySelectorAll('tr[data-status]')].map((row) => {
        const link = row.querySelector("a[href*='/campaigns/']");
        return {status: row.dataset.status, text: row.textContent, link: link ? link.href : null};
    });"""

    def all_succeeded(d):
        rows = d.execute_script(read_rows)
        statuses = [row["status"] for row in rows]
        assert "FAILED" not in statuses, d.find_element(By.TAG_NAME, "main").text
        return rows if len(rows) == 2 and all(status == "SUCCESS" for status in statuses) else None

    rows = wait_for_page_state(driver, "both jobs SUCCESS", all_succeeded)
    assert_no_script_ran(driver)
    screenshot(driver, "journey-jobs")

    # 7. The Google campaign's page, from its row.
    google_rows = [row for row in rows if "google" in row["text"].lower()]
    assert google_rows, [row["text"] for row in rows]
    if google_rows[0]["link"]:
        driver.get(google_rows[0]["link"])
    else:
        launched = api.get(console.url + "/api/v1/campaigns", params={"platform": "google", "limit": 100},
                           timeout=10).json()["data"]
        driver.get(console.url + "/campaigns/" + next(c["id"] for c in launched if c["name"] == name))
    wait_for(driver, lambda d: re.fullmatch(r"/campaigns/[0-9A-Fa-f-]{36}", urllib.parse.urlsplit(d.current_url).path),
             "no campaign page")
    wait_loaded(driver)
    campaign_path = urllib.parse.urlsplit(driver.current_url).path
    campaign = api.get(console.url + "/api/v1" + campaign_path, timeout=10).json()
    assert campaign["platform"] == "google" and campaign["name"] == name, campaign
    assert name in driver.find_element(By.TAG_NAME, "h1").text
    assert_no_script_ran(driver)
    for form_id, button_id in (("action-activate", "activate"), ("action-pause", "pause"), ("action-sync", "sync")):
        form = driver.find_elements(By.ID, form_id)
        assert form and form[0].find_elements(By.ID, button_id), f"no #{form_id} with #{button_id}"

    # 8. Activate, confirmed; the action succeeds.
    confirm_action(driver, console, "activate")
    emulated = entity_status(console, campaign)
    assert emulated == "ENABLED" or emulated == "ACTIVE", emulated

    # 9. A few days of delivery, then a sync from the campaign's page; its metrics table fills.
    requests.post(f"{console.mock_url}/_mock/clock", json={"advance": "3d"}, timeout=5).raise_for_status()
    driver.get(console.url + campaign_path)
    wait_loaded(driver)
    click(driver, driver.find_element(By.ID, "sync"))
    wait_loaded(driver)
    if urllib.parse.urlsplit(driver.current_url).path != campaign_path:
        driver.get(console.url + campaign_path)
        wait_loaded(driver)
    metric_rows = wait_for_page_state(
        driver, "metrics rows after #sync",
        lambda d: d.find_elements(By.CSS_SELECTOR, "section#metrics table#metrics-table tbody tr"))
    assert any(re.search(r"\d{4}-\d{2}-\d{2}", row.text) for row in metric_rows), [row.text for row in metric_rows]
    screenshot(driver, "journey-campaign")

    # 10. Pause, confirmed; the emulator holds the campaign PAUSED.
    confirm_action(driver, console, "pause")
    assert entity_status(console, campaign) == "PAUSED"
    screenshot(driver, "journey-paused")


def entity_status(console, campaign):
    """The campaign's status as the emulator holds it (GET /_mock/entities)."""
    entities = requests.get(f"{console.mock_url}/_mock/entities",
                            params={"platform": campaign["platform"], "kind": "campaign"}, timeout=5).json()
    mine = [entity for entity in entities if entity["id"] == campaign["platform_campaign_id"]]
    assert mine, (campaign["platform_campaign_id"], [entity["id"] for entity in entities])
    return mine[0]["fields"]["status"]


def test_the_journeys_emulator_reading_works_on_the_seed(console):
    """The journey's last check reads the emulator's state; here it is checked on the seed, which exists today:
    the activated Google campaign is ENABLED there, the never-activated one PAUSED."""
    from consolekit import ATTRIBUTE_NAME, SCRIPT_NAME

    google = {c["name"]: c for c in console.seeded_campaigns if c["platform"] == "google"}
    assert entity_status(console, google[SCRIPT_NAME]) == "ENABLED"
    assert entity_status(console, google[ATTRIBUTE_NAME]) == "PAUSED"
