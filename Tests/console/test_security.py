"""What the console must refuse and never run: forms without their CSRF token, markup in names and in messages
(the user's and the emulator's), inline scripts (CSP), framing, and sign-in redirects to elsewhere."""

import re
import urllib.parse

import pytest
import requests
from selenium.webdriver.common.by import By

from consolekit import (ATTRIBUTE_NAME, EMULATOR_MESSAGE, SCRIPT_NAME, assert_no_script_ran, click, page_status,
                        require_page, sign_in, wait_for, wait_loaded)


def signed_in_session(console):
    """A requests session signed in through the form, as a browser would, with the CSRF token of its pages."""
    session = requests.Session()
    form = session.get(console.url + "/sign-in", timeout=10)
    token = re.search(r'name="_csrf" value="([^"]+)"', form.text).group(1)
    answer = session.post(console.url + "/sign-in", data={"_csrf": token, "next": "/", "key": console.api_key},
                          allow_redirects=False, timeout=10)
    assert answer.status_code == 303, answer.text
    return session


def csrf_of(session, console, path="/"):
    return re.search(r'name="_csrf" value="([^"]+)"', session.get(console.url + path, timeout=10).text).group(1)


def test_sign_in_without_or_with_a_forged_csrf_token_is_refused(console):
    session = requests.Session()
    session.get(console.url + "/sign-in", timeout=10)  # the form's own nonce cookie
    for fields in ({"key": console.api_key, "next": "/"},
                   {"key": console.api_key, "next": "/", "_csrf": "0" * 64}):
        answer = session.post(console.url + "/sign-in", data=fields, allow_redirects=False, timeout=10)
        assert answer.status_code == 403, (fields, answer.status_code)
        assert "adops_session" not in session.cookies
        assert "expired" in answer.text
    # A token from another browser's form (another nonce) is refused too: login CSRF.
    other = requests.Session()
    token = re.search(r'name="_csrf" value="([^"]+)"', other.get(console.url + "/sign-in", timeout=10).text).group(1)
    answer = session.post(console.url + "/sign-in", data={"key": console.api_key, "next": "/", "_csrf": token},
                          allow_redirects=False, timeout=10)
    assert answer.status_code == 403


def test_a_signed_in_post_without_its_csrf_token_is_refused_and_changes_nothing(console):
    session = signed_in_session(console)
    for fields in ({}, {"_csrf": "forged"}, {"_csrf": csrf_of(signed_in_session(console), console)}):
        answer = session.post(console.url + "/sign-out", data=fields, allow_redirects=False, timeout=10)
        assert answer.status_code == 403, (fields, answer.status_code, answer.text[:300])
        # Still signed in: the refused sign-out did nothing.
        assert session.get(console.url + "/campaigns", allow_redirects=False, timeout=10).status_code == 200
    answer = session.post(console.url + "/sign-out", data={"_csrf": csrf_of(session, console)},
                          allow_redirects=False, timeout=10)
    assert answer.status_code == 303
    assert session.get(console.url + "/campaigns", allow_redirects=False, timeout=10).status_code == 303


def test_a_form_stripped_of_its_token_in_the_browser_is_refused(driver, console):
    sign_in(driver, console)
    driver.get(console.url + "/campaigns")
    wait_loaded(driver)
    form = driver.find_element(By.CSS_SELECTOR, "form.sign-out")
    driver.execute_script("arguments[0].querySelector('input[name=_csrf]').remove()", form)
    click(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "p.error[role=alert]"), "no error shown")
    assert "HTTP 403" in driver.find_element(By.TAG_NAME, "main").text
    assert page_status(driver, "/campaigns", console) == 200, "the refused sign-out signed the browser out"


@pytest.mark.parametrize("next_value", ["//evil.example/", "https://evil.example/", "/\\evil.example"])
def test_sign_in_never_sends_people_to_another_site(console, next_value):
    session = requests.Session()
    form = session.get(console.url + "/sign-in", params={"next": next_value}, timeout=10)
    token = re.search(r'name="_csrf" value="([^"]+)"', form.text).group(1)
    answer = session.post(console.url + "/sign-in", data={"_csrf": token, "next": next_value,
                                                          "key": console.api_key}, allow_redirects=False, timeout=10)
    assert answer.status_code == 303
    location = urllib.parse.urljoin(console.url + "/sign-in", answer.headers["Location"])
    assert urllib.parse.urlsplit(location).netloc == urllib.parse.urlsplit(console.url).netloc, location


@pytest.mark.parametrize("path", ["/sign-in", "/", "/campaigns"])
def test_pages_carry_a_strict_policy(console, path):
    session = signed_in_session(console)
    answer = session.get(console.url + path, timeout=10)
    assert answer.status_code == 200
    policy = {part.split()[0]: part.split()[1:] for part in answer.headers["Content-Security-Policy"].split(";")
              if part.strip()}
    assert policy["script-src"] == ["'self'"], policy
    assert policy["default-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"], policy
    assert answer.headers["X-Frame-Options"] == "DENY"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in answer.headers["Cache-Control"]


def test_the_policy_stops_an_inline_script_in_the_browser(driver, console):
    """An inline <script> put into the page does not run (the CSP holds), while WebDriver's own script
    evaluation, which the accessibility checks use to inject axe-core, is not subject to it."""
    sign_in(driver, console)
    driver.get(console.url + "/campaigns")
    wait_loaded(driver)
    violated = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        let violation = null;
        document.addEventListener('securitypolicyviolation', e => { violation = e.violatedDirective; });
        const script = document.createElement('script');
        script.textContent = 'window.__inline = 1';
        document.body.appendChild(script);
        const image = document.createElement('img');
        image.setAttribute('src', 'data:,x');
        image.setAttribute('onerror', 'window.__inline = 2');
        document.body.appendChild(image);
        setTimeout(() => done([violation, typeof window.__inline]), 300);
    """)
    assert violated[1] == "undefined", "an inline script ran despite the CSP"
    assert violated[0] and violated[0].startswith("script-src"), violated
    assert driver.execute_script("window.__byWebDriver = 7; return window.__byWebDriver") == 7


def visible_text(driver):
    return driver.find_element(By.TAG_NAME, "body").text


@pytest.mark.parametrize("path", ["/", "/campaigns", "/campaigns?sort=name&order=asc",
                                  "/campaigns?platform=google"])
def test_names_with_markup_show_as_text_and_never_run(driver, console, path):
    sign_in(driver, console)
    driver.get(console.url + path)
    wait_loaded(driver)
    assert_no_script_ran(driver)
    text = visible_text(driver)
    if path.startswith("/campaigns"):
        assert SCRIPT_NAME in text and ATTRIBUTE_NAME in text, text[:2000]
    else:
        assert ("Refused " + ATTRIBUTE_NAME) in text


def test_a_query_with_markup_comes_back_in_the_error_as_text(driver, console):
    """A value the user controls, echoed in the console's error message, is escaped."""
    sign_in(driver, console)
    payload = "<img src=x onerror=window.__xss=4>"
    # %20, not +: the console reads a query's + as itself (a GET form's spaces arrive as +; see the report).
    driver.get(console.url + "/campaigns?platform=" + urllib.parse.quote(payload))
    wait_loaded(driver)
    error = driver.find_element(By.CSS_SELECTOR, "p.error[role=alert]")
    assert payload in error.text, error.text
    assert "HTTP 400" in visible_text(driver)
    assert_no_script_ran(driver)
    driver.get(console.url + "/campaigns?status=" + urllib.parse.quote("<script>window.__xss=5</script>"))
    wait_loaded(driver)
    assert "<script>window.__xss=5</script>" in driver.find_element(By.CSS_SELECTOR, "p.error").text
    assert_no_script_ran(driver)


def test_the_emulators_error_message_with_markup_is_escaped(driver, console):
    """The seed's refused launch: Meta's emulator answered with markup in its message. Wherever the console shows
    that job's error (its batch on /jobs, the campaign page), it is text."""
    sign_in(driver, console)
    refused = next(c for c in console.seeded_campaigns if c["name"] == "Refused " + ATTRIBUTE_NAME)
    shown = []
    for path in (f"/jobs?batch={console.seeded_batches['failed']}", f"/campaigns/{refused['id']}"):
        if page_status(driver, path, console) in (401, 404):
            continue
        driver.get(console.url + path)
        wait_loaded(driver)
        assert_no_script_ran(driver)
        if EMULATOR_MESSAGE in visible_text(driver):
            shown.append(path)
    if not shown:
        require_page(driver, f"/jobs?batch={console.seeded_batches['failed']}", console)
        require_page(driver, f"/campaigns/{refused['id']}", console)
        pytest.fail("neither /jobs?batch=… nor the campaign page shows the refused launch's error message")


def test_the_seed_is_what_the_pages_are_checked_against(console):
    """The seed holds what the checks above rely on, so none of them passes by having nothing to look at."""
    names = [campaign["name"] for campaign in console.seeded_campaigns]
    assert names.count(SCRIPT_NAME) == 4 and names.count(ATTRIBUTE_NAME) == 2
    assert EMULATOR_MESSAGE in console.failed_job["error"]["message"]
    assert console.failed_job["status"] == "FAILED"
