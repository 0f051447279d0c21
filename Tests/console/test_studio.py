"""The Creative Studio's platform previews in Chromium: Meta's generatepreviews formats and TikTok's ad preview come
from the emulator as iframes, under the console's Content-Security-Policy (frame-src names the platforms' origins),
and each frame shows the draft's own text."""

import urllib.parse

from selenium.webdriver.common.by import By

from consolekit import ROOT, assert_accessible, assert_no_script_ran, click, require_page, screenshot, set_desktop, \
    set_theme, sign_in, wait_for, wait_loaded

HEADLINE = "Stream Disney+ Originals"
PRIMARY_TEXT = "Disney, Pixar, Marvel and Star Wars in one place."
# The labels the Studio gives DESKTOP_FEED_STANDARD, MOBILE_FEED_STANDARD, INSTAGRAM_STANDARD and INSTAGRAM_STORY.
META_FORMATS = {"Facebook desktop feed", "Facebook mobile feed", "Instagram feed", "Instagram story"}


def open_draft(driver, console):
    """The Studio with a draft typed in (values set at once, with their input events), every account chosen."""
    set_desktop(driver)
    set_theme(driver, "light")
    sign_in(driver, console)
    require_page(driver, "/studio", console)
    driver.get(console.url + "/studio")
    wait_loaded(driver)
    driver.execute_script("""
        for (const [id, value] of Object.entries(arguments[0])) {
            const field = document.getElementById(id);
            field.value = value;
            field.dispatchEvent(new Event("input", {bubbles: true}));
        }
        document.querySelectorAll("input[name=account]").forEach((box) => { box.checked = true; });
    """, {"name": "Preview check", "headline": HEADLINE, "headline-2": "Disney, Pixar and Marvel",
          "headline-3": "Plans from $7.99 a month", "description": "Plans from $7.99 a month.",
          "description-2": "Cancel anytime.", "primary-text": PRIMARY_TEXT, "brand": "Disney+",
          "link-url": "http://disneyplus-signup-demo.localhost/"})
    # The image, as a person picks it: from the creative step's file field; the draft then carries it.
    click(driver, driver.find_element(By.CSS_SELECTOR, '.steps a[href="#step-creative"]'))
    driver.find_element(By.ID, "image").send_keys(str(ROOT / "docs" / "examples" / "media" / "disneyplus-hero.png"))
    wait_for(driver, lambda d: d.find_element(By.ID, "image-data").get_attribute("value").startswith("data:image/"),
             "the picked image never reached the draft")


def frames_of(driver, platform):
    return driver.find_elements(By.CSS_SELECTOR, f"#{platform}-platform-preview iframe")


def ask_for_preview(driver, platform):
    button = driver.find_element(By.CSS_SELECTOR, f'button[data-platform-preview="{platform}"]')
    click(driver, button)
    target = driver.find_element(By.ID, f"{platform}-platform-preview")
    wait_for(driver, lambda d: frames_of(d, platform) or target.text.startswith("No preview"),
             f"no answer to the {platform} platform preview: {target.text!r}", timeout=30)
    frames = frames_of(driver, platform)
    assert frames, driver.find_element(By.ID, f"{platform}-platform-preview").text
    return frames


def frame_text(driver, frame):
    """The text an iframe shows, read inside it; the frame must have loaded (a CSP block leaves it empty)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", frame)
    driver.switch_to.frame(frame)
    try:
        wait_for(driver, lambda d: d.execute_script("return document.readyState") == "complete"
                 and d.execute_script("return document.body ? document.body.innerText.length : 0") > 0,
                 "the preview frame stayed empty", timeout=20)
        return driver.execute_script("return document.body.innerText")
    finally:
        driver.switch_to.default_content()


def test_meta_previews_come_from_the_emulator_in_each_format_and_show_the_draft(driver, console):
    open_draft(driver, console)
    frames = ask_for_preview(driver, "meta")
    labels = {frame.get_attribute("title").split(": ", 1)[1] for frame in frames}
    assert META_FORMATS <= labels, labels
    mock_origin = urllib.parse.urlsplit(console.mock_url)
    for frame in frames:
        source = urllib.parse.urlsplit(frame.get_attribute("src"))
        assert (source.hostname, source.port) == (mock_origin.hostname, mock_origin.port), frame.get_attribute("src")
    # Every format, each frame scrolled to (they load lazily), shows the draft's text.
    for frame in frames:
        text = frame_text(driver, frame)
        assert PRIMARY_TEXT in text or HEADLINE in text, (frame.get_attribute("title"), text[:500])
    assert_no_script_ran(driver)
    # Chromium paints out-of-process frames only near the viewport: a window as tall as the page shows them all.
    height = min(driver.execute_script("return document.documentElement.scrollHeight"), 4000)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 1280, "height": height, "deviceScaleFactor": 1, "mobile": False})
    for frame in frames:
        frame_text(driver, frame)
    screenshot(driver, "studio-platform-previews")
    set_desktop(driver)
    assert_accessible(driver)


def test_tiktok_preview_comes_from_the_emulator_and_shows_the_draft(driver, console):
    open_draft(driver, console)
    frames = ask_for_preview(driver, "tiktok")
    text = frame_text(driver, frames[0])
    assert PRIMARY_TEXT in text or "Disney+" in text, text[:500]
    assert_no_script_ran(driver)
