"""The official Meta SDK (`facebook-business`) against the Meta emulator.

Each test points `FacebookSession.GRAPH` at the emulator and drives it only through the SDK's own objects, so
what passes here is what the SDK accepts from the real Graph API: form bodies with JSON-string values, the
trailing-slash node updates, cursor paging, image uploads keyed by file name, insights as strings, batch calls,
and errors raised as `FacebookRequestError` with Meta's codes.
"""

import base64
import struct
import zlib

import pytest
import requests
from facebook_business.adobjects.ad import Ad
from facebook_business.adobjects.adaccount import AdAccount
from facebook_business.adobjects.adcreative import AdCreative
from facebook_business.adobjects.adimage import AdImage
from facebook_business.adobjects.adset import AdSet
from facebook_business.adobjects.campaign import Campaign
from facebook_business.api import FacebookAdsApi
from facebook_business.exceptions import FacebookRequestError
from facebook_business.session import FacebookSession

ACCOUNT = "act_1001"
VERSION = "v21.0"


@pytest.fixture
def api(mock_url):
    FacebookSession.GRAPH = mock_url
    return FacebookAdsApi.init(access_token="TEST", api_version=VERSION, crash_log=False)


@pytest.fixture
def account(api):
    return AdAccount(ACCOUNT, api=api)


def png(width=4, height=3):
    """A tiny valid PNG."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def create_campaign(account, name="Campaign", **extra):
    params = {
        "name": name,
        "objective": Campaign.Objective.outcome_sales,
        "status": Campaign.Status.paused,
        "special_ad_categories": [],
        "daily_budget": 1000,
    }
    params.update(extra)
    return account.create_campaign(params=params)


def create_hierarchy(account, tmp_path):
    campaign = create_campaign(account, "Winter launch [ao-1]")
    ad_set = account.create_ad_set(
        params={
            "name": "US adults",
            "campaign_id": campaign["id"],
            "billing_event": AdSet.BillingEvent.impressions,
            "optimization_goal": AdSet.OptimizationGoal.link_clicks,
            "targeting": {"geo_locations": {"countries": ["US"]}, "age_min": 18, "age_max": 49},
            "status": AdSet.Status.paused,
        }
    )
    path = tmp_path / "hero.png"
    path.write_bytes(png())
    image = AdImage(parent_id=ACCOUNT)
    image[AdImage.Field.filename] = str(path)
    image.remote_create()
    creative = account.create_ad_creative(
        params={
            "name": "Hero",
            "object_story_spec": {
                "page_id": "111222333",
                "link_data": {
                    "image_hash": image[AdImage.Field.hash],
                    "link": "https://example.com/signup?utm_source=facebook&utm_campaign=winter",
                    "message": "Sign up today. " * 40,
                    "name": "Stream it all",
                },
            },
        }
    )
    ad = account.create_ad(
        params={
            "name": "Hero ad",
            "adset_id": ad_set["id"],
            "creative": {"creative_id": creative["id"]},
            "status": Ad.Status.paused,
        }
    )
    return campaign, ad_set, image, creative, ad


def test_full_hierarchy_reads_back(account, tmp_path):
    campaign, ad_set, image, creative, ad = create_hierarchy(account, tmp_path)

    assert campaign["id"].startswith("1202") and len(campaign["id"]) == 18
    read = Campaign(campaign["id"]).api_get(
        fields=[Campaign.Field.name, Campaign.Field.status, Campaign.Field.daily_budget, Campaign.Field.objective]
    )
    assert read[Campaign.Field.name] == "Winter launch [ao-1]"
    assert read[Campaign.Field.status] == "PAUSED"
    assert read[Campaign.Field.daily_budget] == "1000"
    assert read[Campaign.Field.objective] == "OUTCOME_SALES"

    read_set = AdSet(ad_set["id"]).api_get(fields=[AdSet.Field.campaign_id, AdSet.Field.targeting])
    assert read_set[AdSet.Field.campaign_id] == campaign["id"]
    assert read_set[AdSet.Field.targeting]["geo_locations"]["countries"] == ["US"]

    assert len(image[AdImage.Field.hash]) == 32
    images = account.get_ad_images(fields=[AdImage.Field.hash, AdImage.Field.name], params={"hashes": [image["hash"]]})
    assert [(item["id"], item["name"]) for item in images] == [("1001:" + image["hash"], "hero.png")]

    read_ad = Ad(ad["id"]).api_get(fields=[Ad.Field.adset_id, Ad.Field.creative, Ad.Field.effective_status])
    assert read_ad[Ad.Field.adset_id] == ad_set["id"]
    assert read_ad[Ad.Field.creative]["id"] == creative["id"]
    assert read_ad[Ad.Field.effective_status] == "PAUSED"

    read_creative = AdCreative(creative["id"]).api_get(fields=[AdCreative.Field.object_story_spec])
    assert read_creative[AdCreative.Field.object_story_spec]["link_data"]["image_hash"] == image["hash"]

    assert [a["id"] for a in campaign.get_ads()] == [ad["id"]]
    assert [s["id"] for s in campaign.get_ad_sets()] == [ad_set["id"]]


def test_list_campaigns_pages_through_every_one_once(account):
    created = {create_campaign(account, f"Paging {index}")["id"] for index in range(30)}

    cursor = account.get_campaigns(fields=[Campaign.Field.name])
    seen = [campaign["id"] for campaign in cursor]

    assert len(seen) == 30
    assert set(seen) == created
    assert cursor.total() == 30

    small = account.get_campaigns(fields=[Campaign.Field.name], params={"limit": 7})
    assert len([campaign["id"] for campaign in small]) == 30

    found = account.get_campaigns(
        params={"filtering": [{"field": "name", "operator": "CONTAIN", "value": "Paging 29"}]}
    )
    assert len(list(found)) == 1


def test_status_update_is_visible_on_read(account):
    campaign = create_campaign(account)

    campaign.api_update(params={"status": Campaign.Status.active})
    assert Campaign(campaign["id"]).api_get(fields=["status", "effective_status"])["status"] == "ACTIVE"

    campaign.api_update(params={"daily_budget": 2500})
    assert Campaign(campaign["id"]).api_get(fields=["daily_budget"])["daily_budget"] == "2500"

    campaign.api_delete()
    assert Campaign(campaign["id"]).api_get(fields=["status"])["status"] == "DELETED"
    assert campaign["id"] not in [c["id"] for c in account.get_campaigns()]


def test_insights_after_advancing_the_clock(account, mock_url, tmp_path):
    campaign, ad_set, _, _, ad = create_hierarchy(account, tmp_path)
    for node in (Campaign(campaign["id"]), AdSet(ad_set["id"]), Ad(ad["id"])):
        node.api_update(params={"status": "ACTIVE"})

    requests.post(f"{mock_url}/_mock/clock", json={"advanceSeconds": 3 * 86400}, timeout=5).raise_for_status()

    rows = campaign.get_insights(
        fields=["campaign_id", "impressions", "clicks", "spend", "cpm", "ctr", "actions"],
        params={"date_preset": "maximum", "level": "campaign"},
    )
    rows = list(rows)
    assert len(rows) == 1
    row = rows[0]
    assert row["campaign_id"] == campaign["id"]
    for metric in ("impressions", "clicks", "spend", "cpm", "ctr"):
        assert isinstance(row[metric], str), metric
    assert int(row["impressions"]) > 0
    assert int(row["clicks"]) > 0
    assert 0 < float(row["spend"]) <= 4 * 10.00
    assert "date_start" in row and "date_stop" in row

    daily = list(
        account.get_insights(
            fields=["impressions", "spend"], params={"date_preset": "maximum", "time_increment": 1, "level": "ad"}
        )
    )
    assert len(daily) >= 3
    assert all(r["date_start"] == r["date_stop"] for r in daily)


def test_batch_runs_each_call(account, api):
    batch = api.new_batch()
    results = []
    for index in range(3):
        account.create_campaign(
            params={
                "name": f"Batch {index}",
                "objective": "OUTCOME_TRAFFIC",
                "special_ad_categories": [],
                "status": "PAUSED",
            },
            batch=batch,
            success=lambda response: results.append(response.json()["id"]),
            failure=lambda response: results.append(response.error()),
        )
    assert batch.execute() is None
    assert len(results) == 3 and all(isinstance(item, str) for item in results)


def test_long_lived_token_exchange(mock_url):
    answer = requests.get(
        f"{mock_url}/{VERSION}/oauth/access_token",
        params={
            "grant_type": "fb_exchange_token",
            "client_id": "42",
            "client_secret": "s3cret",
            "fb_exchange_token": "SHORT",
        },
        timeout=5,
    ).json()
    assert answer["token_type"] == "bearer"
    assert answer["expires_in"] == 5183944
    assert answer["access_token"]


def test_missing_parameter_is_code_100(account):
    with pytest.raises(FacebookRequestError) as raised:
        account.create_campaign(params={"name": "No objective", "special_ad_categories": []})
    assert raised.value.api_error_code() == 100
    assert raised.value.http_status() == 400


def test_budget_too_low_is_subcode_1885272(account):
    with pytest.raises(FacebookRequestError) as raised:
        create_campaign(account, daily_budget=50)
    assert raised.value.api_error_code() == 100
    assert raised.value.api_error_subcode() == 1885272


def test_unknown_parent_is_subcode_33(account):
    with pytest.raises(FacebookRequestError) as raised:
        account.create_ad_set(
            params={
                "name": "Orphan",
                "campaign_id": "120200000000000099",
                "billing_event": "IMPRESSIONS",
                "targeting": {"geo_locations": {"countries": ["US"]}},
                "daily_budget": 1000,
            }
        )
    assert raised.value.api_error_code() == 100
    assert raised.value.api_error_subcode() == 33


def test_bad_token_is_code_190(mock_url):
    FacebookSession.GRAPH = mock_url
    api = FacebookAdsApi.init(access_token="EXPIRED-TOKEN", api_version=VERSION, crash_log=False)
    with pytest.raises(FacebookRequestError) as raised:
        AdAccount(ACCOUNT, api=api).get_campaigns()
    assert raised.value.api_error_code() == 190
    assert raised.value.api_error_subcode() == 463
    assert raised.value.api_error_type() == "OAuthException"


def test_rate_limit_budget_is_code_17(account, mock_url):
    requests.post(
        f"{mock_url}/_mock/rate-limits",
        json={"platform": "meta", "account": ACCOUNT, "limit": 2, "windowSeconds": 60},
        timeout=5,
    ).raise_for_status()
    list(account.get_campaigns())
    list(account.get_campaigns())
    with pytest.raises(FacebookRequestError) as raised:
        list(account.get_campaigns())
    assert raised.value.api_error_code() == 17
    usage = raised.value.http_headers()
    assert "x-business-use-case-usage" in {name.lower() for name in usage}


def test_fault_rule_is_raised_with_its_code(account, mock_url):
    requests.post(
        f"{mock_url}/_mock/faults",
        json={"platform": "meta", "path": "/v*/act_*/campaigns", "kind": "platformError", "code": "613",
              "subcode": "1487742", "count": 1},
        timeout=5,
    ).raise_for_status()
    with pytest.raises(FacebookRequestError) as raised:
        create_campaign(account)
    assert raised.value.api_error_code() == 613
    assert raised.value.api_error_subcode() == 1487742
    # The rule fired once; the next call succeeds.
    assert create_campaign(account)["id"]


def test_bytes_upload_and_image_list(account):
    image = account.create_ad_image(params={"bytes": base64.b64encode(png(8, 8)).decode()})
    assert len(image["hash"]) == 32
    listed = account.get_ad_images(fields=["hash", "width", "height"])
    assert [(i["hash"], i["width"], i["height"]) for i in listed] == [(image["hash"], 8, 8)]


def test_async_insights_report(account, mock_url, tmp_path):
    campaign, ad_set, _, _, ad = create_hierarchy(account, tmp_path)
    for node in (Campaign(campaign["id"]), AdSet(ad_set["id"]), Ad(ad["id"])):
        node.api_update(params={"status": "ACTIVE"})
    requests.post(f"{mock_url}/_mock/clock", json={"advance": "2d"}, timeout=5).raise_for_status()

    job = account.get_insights(
        fields=["impressions", "spend"], params={"date_preset": "maximum", "level": "ad"}, is_async=True
    )
    job = job.api_get(fields=["async_status", "async_percent_completion"])
    assert job["async_status"] == "Job Completed"
    assert job["async_percent_completion"] == 100
    rows = list(job.get_result())
    assert len(rows) == 1 and int(rows[0]["impressions"]) > 0


def test_version_outside_v18_to_v26_is_code_2635(mock_url):
    FacebookSession.GRAPH = mock_url
    api = FacebookAdsApi.init(access_token="TEST", api_version="v17.0", crash_log=False)
    with pytest.raises(FacebookRequestError) as raised:
        AdAccount(ACCOUNT, api=api).get_campaigns()
    assert raised.value.api_error_code() == 2635
