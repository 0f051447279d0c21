"""What axe-core does not see, and proof that the axe checks in test_pages.py can fail at all."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from consolekit import run_axe, set_desktop, set_theme, sign_in, sign_out, wait_loaded


def test_axe_is_the_bundled_4_x_and_reports_a_planted_violation(driver, console):
    sign_in(driver, console)
    driver.get(console.url + "/campaigns")
    wait_loaded(driver)
    assert run_axe(driver) == []
    assert driver.execute_script("return axe.version").startswith("4."), "not the axe-core 4.x the package bundles"
    # An unlabelled field and grey-on-white text: axe must say so, or the page checks would prove nothing.
    driver.execute_script("""
        const input = document.createElement('input'); input.type = 'text'; input.id = 'planted';
        document.querySelector('main').appendChild(input);
        const faint = document.createElement('p'); faint.textContent = 'faint';
        faint.style.color = '#ccc'; faint.style.background = '#fff';
        document.querySelector('main').appendChild(faint);
    """)
    found = {violation["id"] for violation in run_axe(driver)}
    assert {"label", "color-contrast"} <= found, found


PAGES = ["/sign-in", "/", "/campaigns"]


def focus_stops(driver, console, path, theme):
    """Tabs through the page from its start; answers each stop and whether a ring or shadow marks it."""
    set_desktop(driver)
    if path == "/sign-in":
        sign_out(driver, console)
    else:
        sign_in(driver, console)
    set_theme(driver, theme)
    driver.get(console.url + path)
    wait_loaded(driver)
    # A page just loaded has nothing focused: the first Tab goes to the first stop.
    stops = []
    for _ in range(40):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        state = driver.execute_script("""
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            const style = getComputedStyle(e);
            const box = e.getBoundingClientRect();
            return {tag: e.tagName, type: e.type || '',
                    text: (e.innerText || e.value || e.name || e.id || '').slice(0, 40),
                    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1,
                    shadow: style.boxShadow !== 'none', visible: box.width > 0 && box.height > 0,
                    key: e.outerHTML.slice(0, 120)};
        """)
        if state is None or (stops and state["key"] == stops[0]["key"]):
            break
        stops.append(state)
    set_theme(driver, "light")
    return stops


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_keyboard_focus_is_visible_on_every_stop_and_starts_with_the_skip_link(driver, console, path, theme):
    stops = focus_stops(driver, console, path, theme)
    assert stops, "nothing takes keyboard focus"
    assert stops[0]["text"].startswith("Skip to content"), stops[0]
    hidden = [stop for stop in stops if not stop["visible"]]
    assert not hidden, f"focus went to something not on screen: {hidden}"
    unmarked = [stop for stop in stops if not (stop["outline"] or stop["shadow"])]
    # Chromium marks the focused part of a date field itself (test_date_fields_draw_the_console_focus_ring).
    assert not [stop for stop in unmarked if stop["type"] != "date"], f"focus is not visible on: {unmarked}"


def test_date_fields_draw_the_console_focus_ring(driver, console):
    stops = focus_stops(driver, console, "/", "light")
    dates = [stop for stop in stops if stop["type"] == "date"]
    assert dates and all(stop["outline"] or stop["shadow"] for stop in dates), dates


@pytest.mark.parametrize("path", PAGES + ["/campaigns?status=nonsense"])
def test_one_h1_and_headings_in_order(driver, console, path):
    if path == "/sign-in":
        sign_out(driver, console)
    else:
        sign_in(driver, console)
    driver.get(console.url + path)
    wait_loaded(driver)
    levels = driver.execute_script(
        "return [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1]))")
    assert levels and levels[0] == 1 and levels.count(1) == 1, levels
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), f"a heading level is skipped: {levels}"
    assert driver.execute_script("return document.documentElement.lang") == "en"
