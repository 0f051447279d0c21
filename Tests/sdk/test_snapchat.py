"""Snap Marketing API emulator, checked against the documented shapes (reference §3 and §6).

Snap publishes no official Marketing-API client (`snap-business-sdk` covers only the Conversions API), so this
suite drives `adops mock` with plain `requests`, the way Snap's own curl examples do, and asserts the shapes
strictly: plural-array envelopes with `sub_request_status`, `paging.next_link`, the error body
(`request_status`/`request_id`/`debug_message`/`display_message`/`error_code`), 401 without a token, 429 with
`X-Rate-Limit-*` under a budget, and stats in micros as JSON numbers.
"""

import datetime as dt
import re

import pytest
import requests

ACCOUNT = "8adc3db7-8148-4fbf-999c-8d2266369d74"
TOKEN = {"Authorization": "Bearer mock-token"}
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
ISO_MILLIS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
MISSING = "00000000-0000-4000-8000-000000000000"


# ---------------------------------------------------------------------------------------------------------------
# Helpers


class Snap:
    """A thin client: every call carries the bearer token unless told otherwise."""

    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def url(self, path):
        return path if path.startswith("http") else self.base + path

    def get(self, path, token=True, **kwargs):
        return self.session.get(self.url(path), headers=TOKEN if token else {}, timeout=30, **kwargs)

    def post(self, path, token=True, headers=None, **kwargs):
        merged = {**(TOKEN if token else {}), **(headers or {})}
        return self.session.post(self.url(path), headers=merged, timeout=30, **kwargs)

    def put(self, path, **kwargs):
        return self.session.put(self.url(path), headers=TOKEN, timeout=30, **kwargs)

    def delete(self, path):
        return self.session.delete(self.url(path), headers=TOKEN, timeout=30)

    def control(self, method, path, **kwargs):
        return self.session.request(method, self.base + "/_mock" + path, timeout=30, **kwargs)


@pytest.fixture
def snap(mock_url):
    return Snap(mock_url)


def campaign_body(name="Winter launch", status="ACTIVE", **extra):
    entry = {
        "name": name,
        "ad_account_id": ACCOUNT,
        "status": status,
        "start_time": "2020-01-01T00:00:00.000Z",
        "objective": "WEB_CONVERSION",
        "buy_model": "AUCTION",
    }
    entry.update(extra)
    return entry


def squad_body(campaign_id, daily=50_000_000, **extra):
    entry = {
        "campaign_id": campaign_id,
        "name": "US adults",
        "type": "SNAP_ADS",
        "placement_v2": {"config": "AUTOMATIC"},
        "billing_event": "IMPRESSION",
        "optimization_goal": "SWIPES",
        "bid_strategy": "AUTO_BID",
        "daily_budget_micro": daily,
        "targeting": {"geos": [{"country_code": "us"}]},
        "status": "ACTIVE",
    }
    entry.update(extra)
    return entry


def creative_body(media_id, **extra):
    entry = {
        "ad_account_id": ACCOUNT,
        "name": "Hero",
        "type": "WEB_VIEW",
        "brand_name": "Demo+",
        "headline": "Stream it all",
        "top_snap_media_id": media_id,
        "call_to_action": "SIGN_UP",
        "web_view_properties": {"url": "https://example.test/signup?utm_source=snapchat&utm_campaign=winter"},
        "profile_properties": {"profile_id": "72cf5c50-8343-48d3-a0a7-3ed45b75faaa"},
        "shareable": True,
    }
    entry.update(extra)
    return entry


def only_entity(response, plural, singular):
    """The single entity of a SUCCESS envelope, after checking the envelope strictly."""
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["request_status"] == "SUCCESS"
    assert isinstance(body["request_id"], str) and body["request_id"]
    items = body[plural]
    assert isinstance(items, list) and len(items) == 1
    assert items[0]["sub_request_status"] == "SUCCESS"
    return items[0][singular]


def assert_error(response, status, code, mentioning=None):
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["request_status"] == "ERROR"
    assert isinstance(body["request_id"], str) and body["request_id"]
    assert isinstance(body["debug_message"], str) and body["debug_message"]
    assert isinstance(body["display_message"], str) and body["display_message"]
    assert body.get("error_code") == code
    if mentioning:
        assert mentioning in body["debug_message"], body["debug_message"]
    return body


def assert_item_error(response, plural, mentioning, code="E2002"):
    body = assert_error(response, 400, code, mentioning)
    item = body[plural][0]
    assert item["sub_request_status"] == "ERROR"
    assert item["sub_request_error_reason"].startswith(f"Error code: {code}, message: ")
    assert mentioning in item["sub_request_error_reason"]
    return body


def create_hierarchy(snap, daily=50_000_000):
    campaign = only_entity(
        snap.post(f"/v1/adaccounts/{ACCOUNT}/campaigns", json={"campaigns": [campaign_body()]}), "campaigns", "campaign"
    )
    squad = only_entity(
        snap.post(f"/v1/campaigns/{campaign['id']}/adsquads", json={"adsquads": [squad_body(campaign["id"], daily)]}),
        "adsquads",
        "adsquad",
    )
    media = only_entity(
        snap.post(
            f"/v1/adaccounts/{ACCOUNT}/media",
            json={"media": [{"name": "hero.png", "type": "IMAGE", "ad_account_id": ACCOUNT}]},
        ),
        "media",
        "media",
    )
    assert media["media_status"] == "PENDING_UPLOAD"
    upload = snap.post(f"/v1/media/{media['id']}/upload", files={"file": ("hero.png", b"\x89PNG demo", "image/png")})
    assert upload.status_code == 200, upload.text
    uploaded = upload.json()
    assert uploaded["request_status"] == "SUCCESS"
    assert uploaded["result"]["id"] == media["id"]
    assert uploaded["result"]["media_status"] == "READY"
    assert uploaded["result"]["file_name"] == "hero.png"
    assert uploaded["result"]["download_link"].startswith("https://")
    creative = only_entity(
        snap.post(f"/v1/adaccounts/{ACCOUNT}/creatives", json={"creatives": [creative_body(media["id"])]}),
        "creatives",
        "creative",
    )
    ad = only_entity(
        snap.post(
            f"/v1/adsquads/{squad['id']}/ads",
            json={
                "ads": [
                    {
                        "ad_squad_id": squad["id"],
                        "creative_id": creative["id"],
                        "name": "Hero ad",
                        "type": "REMOTE_WEBPAGE",
                        "status": "ACTIVE",
                    }
                ]
            },
        ),
        "ads",
        "ad",
    )
    return {"campaign": campaign, "squad": squad, "media": media, "creative": creative, "ad": ad}


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


# ---------------------------------------------------------------------------------------------------------------
# Tests


def test_missing_or_empty_token_is_401_with_www_authenticate(snap):
    for headers in ({}, {"Authorization": ""}, {"Authorization": "Bearer "}, {"Authorization": "Basic abc"}):
        response = snap.session.get(snap.url(f"/v1/adaccounts/{ACCOUNT}/campaigns"), headers=headers, timeout=30)
        assert_error(response, 401, "E1001", "Unauthorized")
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_full_hierarchy_in_documented_envelopes(snap):
    made = create_hierarchy(snap)
    for entity in made.values():
        assert UUID.match(entity["id"]), entity["id"]
        assert ISO_MILLIS.match(entity["created_at"]) and ISO_MILLIS.match(entity["updated_at"])
    campaign = made["campaign"]
    assert campaign["ad_account_id"] == ACCOUNT
    assert campaign["status"] == "ACTIVE"
    assert campaign["objective"] == "WEB_CONVERSION"
    assert made["squad"]["daily_budget_micro"] == 50_000_000 and isinstance(made["squad"]["daily_budget_micro"], int)
    assert made["ad"]["review_status"] == "PENDING"

    read = only_entity(snap.get(f"/v1/campaigns/{campaign['id']}"), "campaigns", "campaign")
    assert read["id"] == campaign["id"] and read["name"] == "Winter launch"
    squad = only_entity(snap.get(f"/v1/adsquads/{made['squad']['id']}"), "adsquads", "adsquad")
    assert squad["campaign_id"] == campaign["id"]
    assert squad["targeting"] == {"geos": [{"country_code": "us"}]}
    creative = only_entity(snap.get(f"/v1/creatives/{made['creative']['id']}"), "creatives", "creative")
    assert creative["top_snap_media_id"] == made["media"]["id"]
    assert creative["web_view_properties"]["url"].startswith("https://example.test/signup")
    media = only_entity(snap.get(f"/v1/media/{made['media']['id']}"), "media", "media")
    assert media["media_status"] == "READY"
    ad = only_entity(snap.get(f"/v1/ads/{made['ad']['id']}"), "ads", "ad")
    assert ad["creative_id"] == creative["id"] and ad["ad_squad_id"] == squad["id"]

    by_campaign = only_entity(snap.get(f"/v1/campaigns/{campaign['id']}/adsquads"), "adsquads", "adsquad")
    assert by_campaign["id"] == squad["id"]
    by_squad = only_entity(snap.get(f"/v1/adsquads/{squad['id']}/ads"), "ads", "ad")
    assert by_squad["id"] == ad["id"]
    for plural, singular in (("campaigns", "campaign"), ("adsquads", "adsquad"), ("creatives", "creative"),
                             ("ads", "ad"), ("media", "media")):
        only_entity(snap.get(f"/v1/adaccounts/{ACCOUNT}/{plural}"), plural, singular)


def test_paging_with_next_link_only_while_more_remain(snap):
    created = []
    for batch in range(3):
        entries = [campaign_body(name=f"Campaign {batch * 40 + n}") for n in range(40)]
        response = snap.post(f"/v1/adaccounts/{ACCOUNT}/campaigns", json={"campaigns": entries})
        assert response.status_code == 200
        items = response.json()["campaigns"]
        assert all(item["sub_request_status"] == "SUCCESS" for item in items)
        created += [item["campaign"]["id"] for item in items]
    seen, link, pages = [], f"/v1/adaccounts/{ACCOUNT}/campaigns?limit=50", 0
    while link:
        response = snap.get(link)
        assert response.status_code == 200
        body = response.json()
        seen += [item["campaign"]["id"] for item in body["campaigns"]]
        link = body.get("paging", {}).get("next_link")
        if link:
            assert link.startswith(snap.base + f"/v1/adaccounts/{ACCOUNT}/campaigns?cursor=")
            assert link.endswith("&limit=50")
        pages += 1
    assert pages == 3 and seen == created

    for bad in ("0", "49", "1001", "x"):
        assert_error(snap.get(f"/v1/adaccounts/{ACCOUNT}/campaigns?limit={bad}"), 400, "E2002", "limit")
    assert_error(snap.get(f"/v1/adaccounts/{ACCOUNT}/campaigns?limit=50&cursor=garbage!"), 400, "E2002", "cursor")


def test_status_update_visible_and_delete_hides(snap):
    made = create_hierarchy(snap)
    campaign = dict(made["campaign"], status="PAUSED")
    updated = only_entity(
        snap.put(f"/v1/adaccounts/{ACCOUNT}/campaigns", json={"campaigns": [campaign]}), "campaigns", "campaign"
    )
    assert updated["status"] == "PAUSED"
    assert only_entity(snap.get(f"/v1/campaigns/{campaign['id']}"), "campaigns", "campaign")["status"] == "PAUSED"

    squad = dict(made["squad"], daily_budget_micro=80_000_000)
    assert only_entity(
        snap.put(f"/v1/campaigns/{campaign['id']}/adsquads", json={"adsquads": [squad]}), "adsquads", "adsquad"
    )["daily_budget_micro"] == 80_000_000

    deleted = only_entity(snap.delete(f"/v1/ads/{made['ad']['id']}"), "ads", "ad")
    assert deleted["id"] == made["ad"]["id"]
    assert snap.get(f"/v1/adaccounts/{ACCOUNT}/ads").json()["ads"] == []
    assert only_entity(snap.get(f"/v1/ads/{made['ad']['id']}"), "ads", "ad")["deleted"] is True
    assert_error(snap.delete(f"/v1/ads/{made['ad']['id']}"), 404, "E3003", "can not be found")


@pytest.mark.parametrize(
    "change, mentioning",
    [
        ({"name": None}, "name is required"),
        ({"status": "RUNNING"}, "Invalid value 'RUNNING' for status"),
        ({"objective": "AWARENESS"}, "objective"),
        ({"name": "n" * 376}, "at most 375"),
        ({"start_time": "soon"}, "start_time"),
        ({"name": 12}, "name must be a string"),
    ],
)
def test_campaign_validation(snap, change, mentioning):
    entry = campaign_body()
    entry.update(change)
    if change.get("name", "") is None:
        del entry["name"]
    response = snap.post(f"/v1/adaccounts/{ACCOUNT}/campaigns", json={"campaigns": [entry]})
    assert_item_error(response, "campaigns", mentioning)


def test_ad_squad_creative_and_ad_validation(snap):
    made = create_hierarchy(snap)
    cid, sid = made["campaign"]["id"], made["squad"]["id"]
    squads = f"/v1/campaigns/{cid}/adsquads"
    assert_item_error(
        snap.post(squads, json={"adsquads": [squad_body(cid, daily=4_999_999)]}), "adsquads", "minimum daily budget"
    )
    assert snap.post(squads, json={"adsquads": [squad_body(cid, daily=5_000_000)]}).status_code == 200
    assert_item_error(
        snap.post(squads, json={"adsquads": [squad_body(cid, optimization_goal="CLICKS")]}),
        "adsquads",
        "optimization_goal",
    )
    assert_item_error(
        snap.post(squads, json={"adsquads": [squad_body(cid, daily_budget_micro="lots")]}), "adsquads", "whole number"
    )
    assert_item_error(
        snap.post(squads, json={"adsquads": [squad_body(cid, bid_strategy="TARGET_COST")]}),
        "adsquads",
        "bid_micro is required",
    )
    creatives = f"/v1/adaccounts/{ACCOUNT}/creatives"
    media_id = made["media"]["id"]
    assert_item_error(
        snap.post(creatives, json={"creatives": [creative_body(media_id, brand_name="b" * 33)]}),
        "creatives",
        "brand_name must be at most 32",
    )
    assert_item_error(
        snap.post(creatives, json={"creatives": [creative_body(media_id, headline="h" * 35)]}),
        "creatives",
        "headline must be at most 34",
    )
    assert_item_error(
        snap.post(creatives, json={"creatives": [creative_body(MISSING)]}), "creatives", "can not be found", "E3003"
    )
    ad = {"ad_squad_id": sid, "creative_id": made["creative"]["id"], "name": "Wrong", "type": "SNAP_AD",
          "status": "ACTIVE"}
    assert_item_error(snap.post(f"/v1/adsquads/{sid}/ads", json={"ads": [ad]}), "ads", "requires a SNAP_AD creative")
    assert_error(
        snap.post(f"/v1/campaigns/{MISSING}/adsquads", json={"adsquads": [squad_body(MISSING)]}),
        404,
        "E3003",
        "can not be found",
    )
    assert snap.delete(f"/v1/campaigns/{cid}").status_code == 200
    assert_item_error(snap.post(squads, json={"adsquads": [squad_body(cid)]}), "adsquads", "is deleted")


def test_stats_total_and_day_in_micros_with_conversions(snap):
    made = create_hierarchy(snap, daily=20_000_000)
    started = dt.datetime.fromisoformat(snap.control("GET", "/clock").json()["now"].replace("Z", "+00:00"))
    # The emulator models conversions too; a conversion rate of 0 leaves the pixel's alone, as this test counts them.
    truth = {"platform": "snapchat", "entityId": made["campaign"]["id"], "conversionRate": 0,
             "from": started.date().isoformat()}
    assert snap.control("PUT", "/truth", json=truth).status_code == 200
    assert snap.control("POST", "/clock", json={"advance": "48h"}).status_code == 200
    click = snap.control("POST", "/clicks", json={"platform": "snapchat", "adId": made["ad"]["id"]}).json()
    assert "ScCid=" in click["url"]
    for event, value in (("SIGN_UP", None), ("PURCHASE", 19.99)):
        payload = {"platform": "snapchat", "event": event, "page": click["url"], "params": {"ScCid": click["clickId"]}}
        if value is not None:
            payload["value"] = value
        assert snap.control("POST", "/pixel/events", json=payload).status_code == 201
    snap.control("POST", "/clock", json={"advance": "1h"})

    fields = "impressions,swipes,spend,conversion_sign_ups,conversion_purchases,conversion_purchases_value"
    response = snap.get(f"/v1/campaigns/{made['campaign']['id']}/stats?granularity=TOTAL&fields={fields}")
    assert response.status_code == 200
    body = response.json()
    assert body["request_status"] == "SUCCESS"
    item = body["total_stats"][0]
    assert item["sub_request_status"] == "SUCCESS"
    stat = item["total_stat"]
    assert stat["id"] == made["campaign"]["id"] and stat["type"] == "CAMPAIGN" and stat["granularity"] == "TOTAL"
    stats = stat["stats"]
    assert list(stats) == fields.split(",")
    assert all(type(value) is int for value in stats.values()), stats
    assert stats["impressions"] > 0 and stats["spend"] > 0 and stats["swipes"] >= 0
    assert stats["spend"] <= 3 * 20_000_000
    assert stats["conversion_sign_ups"] == 1
    assert stats["conversion_purchases"] == 1
    assert stats["conversion_purchases_value"] == 19_990_000

    day0 = started.replace(hour=0, minute=0, second=0, microsecond=0)
    query = f"granularity=DAY&fields=spend,impressions&start_time={iso(day0)}&end_time={iso(day0 + dt.timedelta(days=4))}"
    series = snap.get(f"/v1/adsquads/{made['squad']['id']}/stats?{query}").json()["timeseries_stats"][0]
    assert series["sub_request_status"] == "SUCCESS"
    timeseries = series["timeseries_stat"]
    assert timeseries["type"] == "AD_SQUAD" and timeseries["granularity"] == "DAY"
    assert len(timeseries["timeseries"]) == 4
    for day in timeseries["timeseries"]:
        assert ISO_MILLIS.match(day["start_time"]) and ISO_MILLIS.match(day["end_time"])
        assert set(day["stats"]) == {"spend", "impressions"}
    assert sum(day["stats"]["spend"] for day in timeseries["timeseries"]) == stats["spend"]

    assert_error(snap.get(f"/v1/ads/{made['ad']['id']}/stats?fields=likes"), 400, "E2002", "likes")
    assert_error(snap.get(f"/v1/ads/{MISSING}/stats"), 404, "E3003")


def test_rate_limit_budget_answers_429_with_headers(snap):
    made = create_hierarchy(snap)
    budget = {"platform": "snapchat", "account": ACCOUNT, "limit": 2, "windowSeconds": 60}
    assert snap.control("POST", "/rate-limits", json=budget).status_code == 201
    first = snap.get(f"/v1/adaccounts/{ACCOUNT}/campaigns")
    assert first.status_code == 200
    assert first.headers["X-Rate-Limit-Limit"] == "2" and first.headers["X-Rate-Limit-Remaining"] == "1"
    assert int(first.headers["X-Rate-Limit-Reset"]) > 0
    assert snap.get(f"/v1/campaigns/{made['campaign']['id']}").headers["X-Rate-Limit-Remaining"] == "0"
    limited = snap.get(f"/v1/adaccounts/{ACCOUNT}/ads")
    assert_error(limited, 429, "E1008", "Too many requests")
    assert limited.headers["X-Rate-Limit-Limit"] == "2"
    assert limited.headers["X-Rate-Limit-Remaining"] == "0"
    assert int(limited.headers["X-Rate-Limit-Reset"]) >= 1
    assert int(limited.headers["Retry-After"]) >= 1


def test_injected_faults(snap):
    made = create_hierarchy(snap)
    rule = {"platform": "snapchat", "path": "/v1/campaigns/*", "kind": "platformError", "code": "E3003", "count": 1}
    assert snap.control("POST", "/faults", json=rule).status_code == 201
    assert_error(snap.get(f"/v1/campaigns/{made['campaign']['id']}"), 404, "E3003", "Resource can not be found")
    rule = {"platform": "snapchat", "path": "/v1/ads/*", "kind": "status", "status": 503, "count": 1}
    assert snap.control("POST", "/faults", json=rule).status_code == 201
    assert_error(snap.get(f"/v1/ads/{made['ad']['id']}"), 503, "E4001")
    rule = {"platform": "snapchat", "path": "/v1/ads/*", "kind": "status", "status": 429, "count": 1}
    snap.control("POST", "/faults", json=rule)
    limited = snap.get(f"/v1/ads/{made['ad']['id']}")
    assert_error(limited, 429, "E1008")
    assert "X-Rate-Limit-Reset" in limited.headers and "Retry-After" in limited.headers
    rule = {"platform": "snapchat", "path": "/v1/ads/*", "kind": "drop", "count": 1}
    snap.control("POST", "/faults", json=rule)
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(snap.url(f"/v1/ads/{made['ad']['id']}"), headers=TOKEN, timeout=30)
    assert snap.get(f"/v1/ads/{made['ad']['id']}").status_code == 200


def test_bad_input_gets_snap_errors(snap):
    campaigns = f"/v1/adaccounts/{ACCOUNT}/campaigns"
    for raw in (b"{not json", b"[]", b"{}", b'{"campaigns":"x"}', b'{"campaigns":[]}', b""):
        response = snap.post(campaigns, data=raw, headers={"Content-Type": "application/json"})
        assert_error(response, 400, "E2002")
    too_big = snap.post(campaigns, data=b"a" * ((1 << 20) + 1), headers={"Content-Type": "application/json"})
    assert_error(too_big, 413, "E2002", "too large")
    media = only_entity(
        snap.post(
            f"/v1/adaccounts/{ACCOUNT}/media",
            json={"media": [{"name": "v.mp4", "type": "VIDEO", "ad_account_id": ACCOUNT}]},
        ),
        "media",
        "media",
    )
    over = snap.post(f"/v1/media/{media['id']}/upload", files={"file": ("v.mp4", b"\0" * (10 * 1024 * 1024 + 1))})
    assert_error(over, 413, "E2002", "too large")
    fits = snap.post(f"/v1/media/{media['id']}/upload", files={"file": ("v.mp4", b"\0" * (3 * 1024 * 1024))})
    assert fits.status_code == 200 and fits.json()["result"]["media_status"] == "READY"
    assert_error(snap.post(f"/v1/media/{media['id']}/upload", data=b"raw"), 400, "E2002", "multipart")
    assert_error(snap.get("/v1/no/such/route"), 404, "E3001", "Unknown endpoint")
    assert_error(snap.session.patch(snap.url(campaigns), headers=TOKEN, timeout=30), 405, "E3001", "not allowed")
    assert_error(snap.get(f"/v1/campaigns/{MISSING}"), 404, "E3003", "can not be found")


def test_token_endpoint(snap):
    form = {"grant_type": "refresh_token", "client_id": "id", "client_secret": "secret", "refresh_token": "r-1"}
    response = requests.post(snap.url("/login/oauth2/access_token"), data=form, timeout=30)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access_token", "token_type", "expires_in", "refresh_token", "scope"}
    assert body["token_type"] == "Bearer" and body["expires_in"] == 1800
    assert body["refresh_token"] == "r-1" and body["scope"] == "snapchat-marketing-api"
    assert body["access_token"]
    # The new token works on the Ads API.
    assert snap.session.get(
        snap.url(f"/v1/adaccounts/{ACCOUNT}/campaigns"),
        headers={"Authorization": f"Bearer {body['access_token']}"},
        timeout=30,
    ).status_code == 200
    code = {"grant_type": "authorization_code", "client_id": "id", "client_secret": "s", "code": "c-1"}
    exchanged = requests.post(snap.url("/login/oauth2/access_token"), data=code, timeout=30)
    assert exchanged.status_code == 200 and exchanged.json()["refresh_token"]
    bad = requests.post(snap.url("/login/oauth2/access_token"), data={"grant_type": "password"}, timeout=30)
    assert bad.status_code == 400 and bad.json()["error"] == "unsupported_grant_type"
    no_client = requests.post(
        snap.url("/login/oauth2/access_token"), data={"grant_type": "refresh_token", "refresh_token": "r"}, timeout=30
    )
    assert no_client.status_code == 401 and no_client.json()["error"] == "invalid_client"
