"""The map in a real browser: the offline basemap and the place markers draw, a popup lists a
place's incidents and links to its page, the filters narrow the markers, a place page shows its
small map; nothing is fetched beyond the loopback interface (the ``page`` fixture fails otherwise)."""

from __future__ import annotations

import re


def wait_drawn(page, selector: str) -> None:
    page.wait_for_selector(f'{selector}[data-basemap-loaded="true"]', timeout=30_000)
    page.wait_for_selector(f"{selector} path.place-marker", timeout=30_000)


def test_map_draws_markers_and_a_popup_links_to_the_place(page, live_server):
    page.goto(live_server + "/map")
    wait_drawn(page, "#map")
    data = page.evaluate("JSON.parse(document.getElementById('map-data').textContent)")
    markers = page.locator("#map path.place-marker")
    assert markers.count() == len([f for f in data["features"] if f["properties"]["in_region"]]) > 50
    assert page.locator("#map path.leaflet-interactive").count() == markers.count()  # the countries are not clickable
    assert page.locator("#map img.leaflet-tile").count() == 0  # no tile layer
    assert "Natural Earth" in page.locator("#map .leaflet-control-attribution").inner_text()
    page.locator("#map path.place-marker.exact").first.dispatch_event("click")  # big circles may overlap it
    popup = page.locator("#map .leaflet-popup-content .map-popup")
    popup.wait_for(timeout=10_000)
    title = popup.locator(".map-popup-title a")
    href = title.get_attribute("href")
    assert href and href.startswith("/resource/place-")
    place = next(f["properties"] for f in data["features"] if f["properties"]["href"] == href)
    items = popup.locator("ul.map-popup-incidents li")
    assert items.count() == min(8, place["incident_count"])
    assert items.first.locator("a").get_attribute("href") == place["incidents"][0]["href"]
    page.wait_for_function(  # Leaflet pans the map until the popup is inside it (a place near the edge)
        """() => { const a = document.querySelector('#map .map-popup-title a').getBoundingClientRect();
                   const m = document.getElementById('map').getBoundingClientRect();
                   return a.top >= m.top && a.bottom <= m.bottom && a.left >= m.left && a.right <= m.right; }""",
        timeout=10_000)
    title.click()
    # the place page's heading is what is checked: not its small map's load (over 30 s once on a loaded machine)
    page.wait_for_url(re.compile(re.escape(href) + "$"), wait_until="domcontentloaded")
    assert page.locator("h1").inner_text() == place["label"]


def test_filters_narrow_the_markers_and_a_place_page_shows_its_small_map(page, live_server):
    page.goto(live_server + "/map")
    wait_drawn(page, "#map")
    busy_before = page.locator("#map path.place-marker:not(.empty)").count()
    page.fill('#map-filters input[name="from"]', "2022-03-01")
    page.fill('#map-filters input[name="to"]', "2022-03-31")
    page.click('#map-filters button[type="submit"]')
    page.wait_for_url(re.compile(r"/map\?.*from=2022-03-01"))
    wait_drawn(page, "#map")
    busy_after = page.locator("#map path.place-marker:not(.empty)").count()
    assert 0 < busy_after < busy_before
    assert page.locator('#map-filters input[name="to"]').input_value() == "2022-03-31"
    page.goto(live_server + "/resource/place-parukh-farrukh")
    wait_drawn(page, ".placemap.small")
    assert page.locator(".placemap.small path.place-marker").count() == 1
