"""In a real browser (headless Chromium driven by Playwright), against the built site served on localhost."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import yaml

SAFETY = Path(__file__).resolve().parent.parent / "glossary" / "concepts" / "safety.yaml"


def test_language_switcher_leads_from_chinese_to_english_safety(page, served_site):
    page.goto(f"{served_site}/zh/terms/safety/")
    assert page.locator("html").get_attribute("lang") == "zh"
    assert page.locator("h1").inner_text().rstrip("¶") == "安全"
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="en"]').click()
    page.wait_for_url(f"{served_site}/terms/safety/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().rstrip("¶") == "safety"


def test_side_by_side_sections_are_laid_out_next_to_each_other(page, served_site):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{served_site}/terms/safety/")
    first, second = page.locator(".tb-side").all()[:2]
    a, b = first.bounding_box(), second.bounding_box()
    assert abs(a["y"] - b["y"]) < 2 and b["x"] > a["x"] + a["width"] - 1


# Shows every result: Material renders 10, then 4 more each time the end of the list comes into view, which it
# notices only when the list was scrolled away from its end first, on the frame after the scroll event. Gives up
# if the list stops growing for 600 frames (about 10 s); returns how many results are shown.
_SHOW_ALL = """async total => {
  const list = document.querySelector(".md-search__scrollwrap");
  const shown = () => document.querySelectorAll(".md-search-result__item").length;
  const frame = () => new Promise(requestAnimationFrame);
  for (let stalled = 0; shown() < total && stalled < 600; ) {
    const before = shown();
    list.scrollTo(0, 0);
    await frame();
    await frame();
    list.scrollTo(0, list.scrollHeight);
    for (; shown() === before && stalled < 600; stalled++) await frame();
  }
  return shown();
}"""


def _search(page, base, path, query):
    """Search as a reader does; the result links, all of them, without their ?h= highlight parameter. The query
    goes into the box whole, as an input method or a paste puts it, then a key is pressed (End): Material searches
    on keyup, so it searches once, for the whole query."""
    page.goto(f"{base}/{path}")
    page.locator(".md-search__input").fill(query)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    # how many results Material found ("86 matching documents", "找到 1 个符合条件的结果")
    total = int(re.search(r"\d+", page.locator(".md-search-result__meta").inner_text()).group())
    assert page.evaluate(_SHOW_ALL, total) == total, "the result list stopped growing before it showed every result"
    return [a.get_attribute("href").split("?")[0] for a in page.locator(".md-search-result__item:not([hidden]) > a").all()]


def test_chinese_search_is_segmented_and_finds_chinese_pages(page, served_site):
    links = _search(page, served_site, "zh/", "红队")
    assert links[0].endswith("/zh/terms/red-teaming/"), links
    links = _search(page, served_site, "zh/", "开源")
    assert any(link.endswith("/zh/terms/open-source-ai/") for link in links), links


def test_chinese_search_for_anquan_lists_safety_and_security_in_chinese_only(page, served_site):
    links = _search(page, served_site, "zh/", "安全")
    assert f"{served_site}/zh/terms/safety/" in links and f"{served_site}/zh/terms/security/" in links
    assert all(link.startswith(f"{served_site}/zh/") for link in links), links


def test_english_search_shows_english_pages_only(page, served_site):
    links = _search(page, served_site, "", "safety")
    assert f"{served_site}/terms/safety/" in links
    assert not any("/zh/" in link for link in links), links


def test_english_search_finds_red_teaming(page, served_site):
    links = _search(page, served_site, "", "red teaming")
    assert any("terms/red-teaming/" in link for link in links), links


def test_copy_button_puts_the_citation_on_the_clipboard(browser, served_site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{served_site}/zh/terms/safety/")
    page.get_by_role("button", name="复制 GB/T 7714-2015 格式的引文").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    version = yaml.safe_load(SAFETY.read_text(encoding="utf-8"))["version"]
    assert copied.startswith(f"本词表编写组. 安全（safety）: 第{version}版[EB/OL]//")
    assert f"/zh/terms/safety/v{version}/.（现行版本：" in copied and copied.endswith("/zh/terms/safety/）")
    context.close()


def test_copied_citations_carry_the_readers_own_date(browser, served_site):
    # the page says the build date; the script puts the reader's (their clock, their time zone) in its place
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], timezone_id="Asia/Shanghai")
    page = context.new_page()
    page.clock.set_fixed_time(datetime.datetime(2031, 3, 4, 20, 0, tzinfo=datetime.timezone.utc))  # 5 March there
    page.goto(f"{served_site}/zh/terms/safety/")
    page.get_by_role("button", name="复制 GB/T 7714-2015 格式的引文").click()
    assert "[2031-03-05]. " in page.evaluate("navigator.clipboard.readText()")
    page.get_by_role("button", name="复制 BibTeX 格式的引文").click()
    assert "urldate      = {2031-03-05}," in page.evaluate("navigator.clipboard.readText()")
    context.close()


def test_term_page_is_complete_without_javascript(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served_site}/terms/security/")
    text = page.locator("article").inner_text()
    for heading in ("Terms and definitions", "Equivalence", "Conceptions by jurisdiction", "Sources", "Cite this entry"):
        assert heading in text
    assert "@misc{security-v" in text and "[EB/OL]" in text
    # without the script the access date is the build's (the test builds today, or on SOURCE_DATE_EPOCH's day)
    dates = page.locator("time.tb-access-date").all_inner_texts()
    assert len(dates) == 2 and all(re.fullmatch(r"\d{4}-\d\d-\d\d", d) for d in dates)
    assert not page.locator(".tb-copy").first.is_visible()  # copy buttons need JavaScript: hidden, text remains
    context.close()
