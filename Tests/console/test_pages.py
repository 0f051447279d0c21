"""The pages that exist: sign-in, the overview and the campaign list, used as a person would use them, then each
in light and dark, on a desktop and a phone, screenshotted and checked with axe-core (WCAG 2.1 A and AA)."""

import datetime
import re
import urllib.parse

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from consolekit import (SCRIPT_NAME, ATTRIBUTE_NAME, assert_accessible, assert_no_script_ran, click,
                        path_of, query_of, require_page, screenshot, set_desktop, set_mobile, set_theme, sign_in, sign_out,
                        wait_for, wait_loaded)


def money(text):
    """`$1,234.50` or `1,234.50` → 1234.5; `—` (no figures) → None."""
    digits = re.sub(r"[^0-9.\-]", "", text)
    return float(digits) if digits else None


def test_a_wrong_key_is_refused_with_an_error_and_the_right_one_lands_on_the_overview(driver, console):
    set_desktop(driver)
    sign_out(driver, console)
    driver.get(console.url + "/")
    wait_loaded(driver)
    # Signed out, the overview sends people to sign in, and back after.
    assert urllib.parse.urlsplit(driver.current_url).path == "/sign-in"
    assert query_of(driver).get("next") == "/"

    sign_in(driver, console, key="not-" + console.api_key)
    assert urllib.parse.urlsplit(driver.current_url).path == "/sign-in"
    error = driver.find_element(By.ID, "sign-in-error")
    assert error.is_displayed() and "not accepted" in error.text
    assert error.get_attribute("role") == "alert"
    field = driver.find_element(By.ID, "api-key")
    assert field.get_attribute("aria-invalid") == "true"
    assert field.get_attribute("aria-describedby") == "sign-in-error"
    assert field.get_attribute("value") == "", "the refused key is not echoed back"
    assert not any(cookie["name"] == "adops_session" for cookie in driver.get_cookies())

    field.send_keys(console.api_key)
    click(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/sign-in'] button[type=submit]"))
    wait_for(driver, lambda d: urllib.parse.urlsplit(d.current_url).path == "/", "not sent to the overview")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Overview"
    session = [cookie for cookie in driver.get_cookies() if cookie["name"] == "adops_session"]
    assert session and session[0]["httpOnly"] and session[0].get("sameSite") == "Strict", driver.get_cookies()
    assert console.api_key not in session[0]["value"], "the session cookie carries the API key"


def test_sign_in_returns_to_the_page_asked_for(driver, console):
    sign_out(driver, console)
    driver.get(console.url + "/campaigns?platform=google")
    wait_loaded(driver)
    assert urllib.parse.urlsplit(driver.current_url).path == "/sign-in"
    driver.find_element(By.ID, "api-key").send_keys(console.api_key)
    click(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/sign-in'] button[type=submit]"))
    wait_for(driver, lambda d: urllib.parse.urlsplit(d.current_url).path == "/campaigns", "not sent back")
    assert query_of(driver) == {"platform": "google"}


def test_sign_out_ends_the_session(signed_in, console):
    driver = signed_in
    click(driver, driver.find_element(By.CSS_SELECTOR, "form.sign-out button[type=submit]"))
    wait_for(driver, lambda d: urllib.parse.urlsplit(d.current_url).path == "/sign-in", "not signed out")
    driver.get(console.url + "/campaigns")
    wait_loaded(driver)
    assert urllib.parse.urlsplit(driver.current_url).path == "/sign-in"


def test_overview_shows_the_synced_figures_the_chart_and_what_needs_attention(signed_in, console):
    driver = signed_in
    driver.get(console.url + "/")
    wait_loaded(driver)
    assert driver.title.startswith("Overview")
    kpis = {item.find_element(By.CLASS_NAME, "label").text: item.find_element(By.CLASS_NAME, "value").text
            for item in driver.find_elements(By.CSS_SELECTOR, "ul.kpis li.kpi")}
    assert set(kpis) >= {"Spend", "Conversions", "Conversion value", "ROAS", "CPA"}, kpis
    assert money(kpis["Spend"]) and money(kpis["Spend"]) > 0, kpis  # the seed's synced delivery

    chart = driver.find_element(By.CSS_SELECTOR, ".chart svg")
    assert chart.get_attribute("role") == "img"
    title = driver.find_element(By.ID, chart.get_attribute("aria-labelledby"))
    assert title.get_attribute("textContent").strip()
    assert driver.find_elements(By.CSS_SELECTOR, ".chart svg polyline"), "no series drawn"

    rows = driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=chart-heading] table tbody tr")
    platforms = {row.find_element(By.CSS_SELECTOR, "th").text.lower(): row for row in rows}
    assert "meta" in platforms, [row.text for row in rows]
    assert money(platforms["meta"].find_elements(By.CSS_SELECTOR, "td")[0].text) > 0

    # The refused launch needs attention; its name, markup and all, is text.
    attention = driver.find_elements(By.CSS_SELECTOR, "ul.attention li")
    failed = [item for item in attention if "Launch failed" in item.text]
    assert failed, [item.text for item in attention]
    assert ("Refused " + ATTRIBUTE_NAME) in failed[0].text
    refused = next(c for c in console.seeded_campaigns if c["name"] == "Refused " + ATTRIBUTE_NAME)
    link = failed[0].find_element(By.TAG_NAME, "a").get_attribute("href")
    assert urllib.parse.urlsplit(link).path.lower() == f"/campaigns/{refused['id']}".lower()
    assert_no_script_ran(driver)


def test_the_daily_spend_chart_draws_lines_not_filled_shapes(signed_in, console):
    driver = signed_in
    driver.get(console.url + "/")
    wait_loaded(driver)
    lines = driver.find_elements(By.CSS_SELECTOR, ".chart svg polyline")
    assert lines
    styles = [driver.execute_script("const s = getComputedStyle(arguments[0]); return [s.fill, s.stroke]", line)
              for line in lines]
    assert all(fill == "none" and stroke not in ("none", "") for fill, stroke in styles), styles


def test_overview_date_range_is_kept_in_the_url(signed_in, console):
    driver = signed_in
    driver.get(console.url + "/")
    wait_loaded(driver)
    today = console.server_now.date()
    # By default the last 30 days through the server's today.
    assert driver.find_element(By.ID, "until").get_attribute("value") == today.isoformat()
    assert driver.find_element(By.ID, "since").get_attribute("value") == (today - datetime.timedelta(29)).isoformat()

    preset = driver.find_element(By.XPATH, "//form[@aria-label='Date range']//a[normalize-space()='Last 7 days']")
    click(driver, preset)
    wait_for(driver, lambda d: query_of(d) == {"days": "7"}, "the preset is not in the URL")
    assert driver.find_element(By.ID, "since").get_attribute("value") == (today - datetime.timedelta(6)).isoformat()
    current = driver.find_element(By.XPATH, "//form[@aria-label='Date range']//a[normalize-space()='Last 7 days']")
    assert current.get_attribute("aria-current") == "true"

    # A range typed in and shown is the URL; a range ending before any delivery has no figures.
    since = (today - datetime.timedelta(60)).isoformat()
    until = (today - datetime.timedelta(40)).isoformat()
    driver.get(console.url + f"/?since={since}&until={until}")
    wait_loaded(driver)
    assert driver.find_element(By.ID, "since").get_attribute("value") == since
    assert driver.find_element(By.ID, "until").get_attribute("value") == until
    assert driver.find_elements(By.CSS_SELECTOR, "p.empty"), "figures shown for days before any flight"
    click(driver, driver.find_element(By.CSS_SELECTOR, "form[aria-label='Date range'] button[type=submit]"))
    wait_loaded(driver)
    assert query_of(driver) == {"since": since, "until": until}


def campaign_rows(driver):
    rows = []
    for row in driver.find_elements(By.CSS_SELECTOR, "table#campaigns tbody tr"):
        cells = row.find_elements(By.TAG_NAME, "td")
        rows.append({"name": cells[0].text, "status": cells[1].text, "platform": cells[2].text,
                     "spend": money(cells[5].text)})
    return rows


def figures_then_blanks(spends):
    """The spends with figures, in order; campaigns without synced figures (`—`) come after them either way."""
    figures = [spend for spend in spends if spend is not None]
    assert spends == figures + [None] * (len(spends) - len(figures)), f"a blank sorted among figures: {spends}"
    return figures


def test_campaign_list_filters_by_platform_sorts_by_spend_and_keeps_both_in_the_url(signed_in, console):
    driver = signed_in
    driver.get(console.url + "/campaigns")
    wait_loaded(driver)
    everything = campaign_rows(driver)
    # The API's list now, not the seed: the journey may have launched more by the time this runs.
    current = requests.get(console.url + "/api/v1/campaigns", params={"limit": 100}, timeout=10,
                           headers={"Authorization": f"Bearer {console.api_key}"}).json()["data"]
    assert len(everything) == len(current), (everything, len(current))
    assert {row["name"] for row in everything} >= {SCRIPT_NAME, ATTRIBUTE_NAME, "Refused " + ATTRIBUTE_NAME}
    assert f"of {len(everything)}" in driver.find_element(By.ID, "campaign-count").text

    # Choosing a platform applies at once (console.js submits the select's form).
    Select(driver.find_element(By.ID, "platform")).select_by_value("meta")
    wait_for(driver, lambda d: query_of(d).get("platform") == "meta", "the platform filter was not applied")
    wait_loaded(driver)
    meta = campaign_rows(driver)
    assert meta and all(row["platform"] == "meta" for row in meta), meta
    assert len(meta) == sum(1 for c in current if c["platform"] == "meta")
    assert Select(driver.find_element(By.ID, "platform")).first_selected_option.get_attribute("value") == "meta"

    # Sorting by spend: largest first, then the other way; the filter stays.
    header = driver.find_element(By.XPATH, "//table[@id='campaigns']//th[a[normalize-space()='Spend']]")
    click(driver, header.find_element(By.TAG_NAME, "a"))
    wait_for(driver, lambda d: query_of(d).get("sort") == "spend", "not sorted by spend")
    assert query_of(driver) == {"platform": "meta", "sort": "spend", "order": "desc"}
    header = driver.find_element(By.XPATH, "//table[@id='campaigns']//th[a[normalize-space()='Spend']]")
    assert header.get_attribute("aria-sort") == "descending"
    rows = campaign_rows(driver)
    assert all(row["platform"] == "meta" for row in rows)
    spends = figures_then_blanks([row["spend"] for row in rows])
    assert spends == sorted(spends, reverse=True) and spends[0] > 0, rows

    click(driver, header.find_element(By.TAG_NAME, "a"))
    wait_for(driver, lambda d: query_of(d).get("order") == "asc", "not sorted the other way")
    header = driver.find_element(By.XPATH, "//table[@id='campaigns']//th[a[normalize-space()='Spend']]")
    assert header.get_attribute("aria-sort") == "ascending"
    ascending = [row["spend"] for row in campaign_rows(driver)]
    spends = figures_then_blanks(ascending)
    assert spends == sorted(spends) and len(spends) >= 1, ascending

    # The URL is the view: opened afresh it shows the same.
    shared = driver.current_url
    driver.get(shared)
    wait_loaded(driver)
    assert [row["spend"] for row in campaign_rows(driver)] == ascending
    assert Select(driver.find_element(By.ID, "platform")).first_selected_option.get_attribute("value") == "meta"
    assert_no_script_ran(driver)


def test_campaign_names_with_markup_are_text_in_the_list(signed_in, console):
    driver = signed_in
    driver.get(console.url + "/campaigns")
    wait_loaded(driver)
    names = [link.text for link in driver.find_elements(By.CSS_SELECTOR, "table#campaigns td.wrap a")]
    assert names.count(SCRIPT_NAME) == 4 and names.count(ATTRIBUTE_NAME) == 2, names
    assert_no_script_ran(driver)


# ---------------------------------------------------------------------------------------------------------------
# Every page in light and dark, desktop and phone: a screenshot and axe-core.

PAGES = {
    "sign-in": "/sign-in",
    "overview": "/",
    "campaigns": "/campaigns",
    "campaigns-filtered": "/campaigns?platform=meta&sort=spend&order=desc",
    "campaign": "/campaigns/{campaign}",
    "action": "/actions/{action}",
    "jobs": "/jobs",
    "jobs-batch": "/jobs?batch={batch}",
    "job-failed": "/jobs/{failed_job}",
    "accounts": "/accounts",
    "rules": "/rules",
    "rule": "/rules/{rule}",
    "rule-new": "/rules/new",
    "studio": "/studio",
    "error": "/campaigns?status=nonsense",
}


def page_path(console, name):
    campaign = next(c for c in console.seeded_campaigns if c["name"] == SCRIPT_NAME and c["platform"] == "google")
    return PAGES[name].format(campaign=campaign["id"], action=console.seeded_action, rule=console.seeded_rule,
                              batch=console.seeded_batches["script"], failed_job=console.failed_job["id"])


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_in_theme_and_viewport_is_accessible(driver, console, name, theme, viewport):
    set_desktop(driver)
    if name == "sign-in":
        sign_out(driver, console)
    else:
        sign_in(driver, console)
    set_theme(driver, theme)
    if viewport == "mobile":
        set_mobile(driver)
    path = page_path(console, name)
    if name != "sign-in":
        require_page(driver, path, console)
    driver.get(console.url + path)
    wait_loaded(driver)
    assert urllib.parse.urlsplit(driver.current_url).path == urllib.parse.urlsplit(path).path
    # The theme took: the page's background follows the scheme.
    dark = driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
    assert dark == (theme == "dark")
    if viewport == "mobile":
        assert driver.execute_script("return window.innerWidth") == 375
        # Nothing but the scrollable tables is wider than the phone.
        overflow = driver.execute_script("return document.documentElement.scrollWidth")
        assert overflow <= 375, f"the page is {overflow}px wide on a 375px phone"
    screenshot(driver, name)
    assert_accessible(driver)
    assert_no_script_ran(driver)
    set_desktop(driver)


def test_dark_theme_changes_the_colours(driver, console):
    sign_in(driver, console)
    colours = {}
    for theme in ("light", "dark"):
        set_theme(driver, theme)
        driver.get(console.url + "/")
        wait_loaded(driver)
        colours[theme] = driver.execute_script(
            "return [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]")
    set_theme(driver, "light")
    assert colours["light"] != colours["dark"], colours


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_studio_review_in_theme_and_viewport_is_accessible(driver, console, theme, viewport):
    """The wizard's review, reached by its button from the defaults the studio opens with."""
    set_desktop(driver)
    sign_in(driver, console)
    require_page(driver, "/studio", console)
    set_theme(driver, theme)
    if viewport == "mobile":
        set_mobile(driver)
    driver.get(console.url + "/studio")
    wait_loaded(driver)
    # A draft for every account; the journey types one field by field, here the values are set at once.
    driver.execute_script("""
        const values = arguments[0];
        for (const [id, value] of Object.entries(values)) {
            const field = document.getElementById(id);
            field.value = value;
            field.dispatchEvent(new Event("input", {bubbles: true}));
        }
        document.querySelectorAll("input[name=account]").forEach((box) => { box.checked = true; });
    """, {"name": "Winter sign-ups", "budget-amount": "50.00", "headline": "Stream Disney+ Originals", "headline-2": "Disney, Pixar and Marvel",
          "headline-3": "Plans from $7.99 a month", "description": "Plans from $7.99 a month. Cancel anytime.",
          "description-2": "Stream the originals on every screen.",
          "primary-text": "Disney, Pixar, Marvel and Star Wars in one place.",
          "link-url": "http://disneyplus-signup-demo.localhost/"})
    review = driver.find_element(By.ID, "review")
    if not review.is_displayed():
        click(driver, driver.find_element(By.CSS_SELECTOR, '.steps a[href="#step-review"]'))
    click(driver, review)
    wait_for(driver, lambda d: path_of(d) == "/studio/review", "the review did not open")
    wait_loaded(driver)
    assert driver.find_elements(By.CSS_SELECTOR, "article.plan[data-platform]"), \
        driver.find_element(By.TAG_NAME, "main").text[:1500]
    if viewport == "mobile":
        overflow = driver.execute_script("return document.documentElement.scrollWidth")
        assert overflow <= 375, f"the review is {overflow}px wide on a 375px phone"
    screenshot(driver, "studio-review")
    assert_accessible(driver)
    assert_no_script_ran(driver)
    set_desktop(driver)
    set_theme(driver, "light")


def test_jobs_of_a_batch_show_each_jobs_status(signed_in, console):
    """/jobs?batch=<uuid>: a row per job of the batch, `tr[data-status]`; the seed's first batch all SUCCESS, its
    refused launch FAILED with the emulator's message as text."""
    driver = signed_in
    require_page(driver, f"/jobs?batch={console.seeded_batches['script']}", console)
    driver.get(console.url + f"/jobs?batch={console.seeded_batches['script']}")
    wait_loaded(driver)
    statuses = [row.get_attribute("data-status") for row in driver.find_elements(By.CSS_SELECTOR, "tr[data-status]")]
    assert statuses == ["SUCCESS"] * 4, statuses
    driver.get(console.url + f"/jobs?batch={console.seeded_batches['failed']}")
    wait_loaded(driver)
    rows = driver.find_elements(By.CSS_SELECTOR, "tr[data-status]")
    assert [row.get_attribute("data-status") for row in rows] == ["FAILED"]
    assert_no_script_ran(driver)


def test_accounts_lists_each_platforms_account(signed_in, console):
    driver = signed_in
    require_page(driver, "/accounts", console)
    driver.get(console.url + "/accounts")
    wait_loaded(driver)
    text = driver.find_element(By.TAG_NAME, "main").text
    for platform in ("Meta", "TikTok", "Snapchat", "Google"):
        assert f"Disney+ US — {platform}" in text, text[:2000]
