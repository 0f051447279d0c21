"""The official TikTok Business API SDK (`tiktok-business-api-sdk-official`, import `business_api_client`)
driving the TikTok emulator of `adops mock`.

The SDK cannot tell the emulator from TikTok: it builds its own requests (JSON bodies, JSON-encoded query
lists, multipart upload, `Access-Token` header), parses the envelope, returns `{"data", "request_id"}` on
success and raises `TiktokSDKError` ("Error Code: N, message: …") when `code` is not 0, or
`business_api_client.rest.ApiException` on a non-2xx status. The `mock_url` fixture (conftest.py) starts the
emulator and resets it before each test.
"""

import datetime
import hashlib
import struct
import zlib

import pytest
import requests
from business_api_client import (
    AdApi,
    AdgroupApi,
    ApiClient,
    AuthenticationApi,
    CampaignCreationApi,
    Configuration,
    FileApi,
    ReportingApi,
)
from business_api_client.models import (
    AdCreateBody,
    AdcreateCreatives,
    AdgroupCreateBody,
    AdgroupUpdateBody,
    AdStatusUpdateBody,
    CampaignCreateBody,
    CampaignStatusUpdateBody,
    FilteringAdGet,
    FilteringCampaignGet,
    Oauth2AccessTokenBody,
)
from business_api_client.rest import ApiException
from business_api_client.tiktok_business.tiktok_exceptions import TiktokSDKError

ADVERTISER = "7000000000000000001"
TOKEN = "TEST_TOKEN"


@pytest.fixture
def client(mock_url):
    cfg = Configuration()
    cfg.host = mock_url
    Configuration.set_default(cfg)
    return ApiClient(cfg)


def virtual_now(mock_url):
    text = requests.get(f"{mock_url}/_mock/clock", timeout=5).json()["now"]
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def png_file(tmp_path, width=1080, height=1920):
    """A real, decodable 1-bit PNG of the given size."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    body = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )
    path = tmp_path / "hero.png"
    path.write_bytes(body)
    return path, hashlib.md5(body).hexdigest()


def create_campaign(client, name, **extra):
    body = CampaignCreateBody(advertiser_id=ADVERTISER, campaign_name=name, objective_type="TRAFFIC", **extra)
    return CampaignCreationApi(client).campaign_create(TOKEN, body=body)["data"]["campaign_id"]


def create_hierarchy(client, mock_url, tmp_path):
    campaign_id = create_campaign(client, "SDK launch", budget_mode="BUDGET_MODE_DAY", budget=50.0)
    start = virtual_now(mock_url).strftime("%Y-%m-%d %H:%M:%S")
    adgroup = AdgroupApi(client).adgroup_create(
        TOKEN,
        body=AdgroupCreateBody(
            advertiser_id=ADVERTISER,
            campaign_id=campaign_id,
            adgroup_name="SDK adults",
            promotion_type="WEBSITE",
            placement_type="PLACEMENT_TYPE_NORMAL",
            placements=["PLACEMENT_TIKTOK"],
            location_ids=["6252001"],
            budget_mode="BUDGET_MODE_DAY",
            budget=20.0,
            schedule_type="SCHEDULE_FROM_NOW",
            schedule_start_time=start,
            optimization_goal="CLICK",
            billing_event="CPC",
            pacing="PACING_MODE_SMOOTH",
        ),
    )
    adgroup_id = adgroup["data"]["adgroup_id"]
    path, signature = png_file(tmp_path)
    image = FileApi(client).ad_image_upload(
        TOKEN,
        advertiser_id=ADVERTISER,
        upload_type="UPLOAD_BY_FILE",
        image_file=str(path),
        image_signature=signature,
    )
    image_id = image["data"]["image_id"]
    ad = AdApi(client).ad_create(
        TOKEN,
        body=AdCreateBody(
            advertiser_id=ADVERTISER,
            adgroup_id=adgroup_id,
            creatives=[
                AdcreateCreatives(
                    ad_name="SDK hero",
                    ad_format="SINGLE_IMAGE",
                    ad_text="Stream the new season tonight.",
                    image_ids=[image_id],
                    call_to_action="SIGN_UP",
                    landing_page_url="https://example.com/signup?utm_source=tiktok",
                    display_name="StreamCo",
                    identity_type="CUSTOMIZED_USER",
                    identity_id="7100000000000000009",
                )
            ],
        ),
    )
    return campaign_id, adgroup_id, image, ad


def test_full_hierarchy_and_reads(client, mock_url, tmp_path):
    campaign_id, adgroup_id, image, ad = create_hierarchy(client, mock_url, tmp_path)
    assert len(campaign_id) == 19 and campaign_id.startswith("17")
    assert image["data"]["width"] == 1080 and image["data"]["height"] == 1920
    assert image["data"]["format"] == "png"
    assert isinstance(image["request_id"], str) and image["request_id"]
    ad_id = ad["data"]["ad_ids"][0]
    assert ad["data"]["creatives"][0]["ad_id"] == ad_id

    groups = AdgroupApi(client).adgroup_get(ADVERTISER, TOKEN)["data"]
    assert [g["adgroup_id"] for g in groups["list"]] == [adgroup_id]
    assert groups["list"][0]["campaign_id"] == campaign_id
    assert groups["list"][0]["budget"] == 20.0

    ads = AdApi(client).ad_get(
        ADVERTISER,
        TOKEN,
        filtering=FilteringAdGet(campaign_ids=[campaign_id]),
        fields=["ad_id", "ad_name", "adgroup_id", "secondary_status"],
    )["data"]
    assert ads["list"] == [
        {"ad_id": ad_id, "ad_name": "SDK hero", "adgroup_id": adgroup_id, "secondary_status": "AD_STATUS_DELIVERY_OK"}
    ]

    updated = AdgroupApi(client).adgroup_update(
        TOKEN, body=AdgroupUpdateBody(advertiser_id=ADVERTISER, adgroup_id=adgroup_id, budget=35.5)
    )
    assert updated["data"]["budget"] == 35.5


def test_campaign_get_pages_stably(client):
    ids = [create_campaign(client, f"Page test {i}") for i in range(5)]
    api = CampaignCreationApi(client)
    seen = []
    page = 1
    while True:
        data = api.campaign_get(ADVERTISER, TOKEN, page=page, page_size=2, fields=["campaign_id", "campaign_name"])[
            "data"
        ]
        assert data["page_info"] == {"page": page, "page_size": 2, "total_number": 5, "total_page": 3}
        seen += [row["campaign_id"] for row in data["list"]]
        assert all(set(row) == {"campaign_id", "campaign_name"} for row in data["list"])
        if page >= data["page_info"]["total_page"]:
            break
        page += 1
    assert seen == ids

    filtered = api.campaign_get(ADVERTISER, TOKEN, filtering=FilteringCampaignGet(campaign_ids=[ids[3]]))["data"]
    assert [row["campaign_id"] for row in filtered["list"]] == [ids[3]]
    named = api.campaign_get(ADVERTISER, TOKEN, filtering=FilteringCampaignGet(campaign_name="test 1"))["data"]
    assert [row["campaign_id"] for row in named["list"]] == [ids[1]]


def test_status_update_is_visible_and_delete_hides(client, mock_url, tmp_path):
    campaign_id, adgroup_id, _, ad = create_hierarchy(client, mock_url, tmp_path)
    api = CampaignCreationApi(client)
    result = api.campaign_status_update(
        TOKEN,
        body=CampaignStatusUpdateBody(advertiser_id=ADVERTISER, campaign_ids=[campaign_id], operation_status="DISABLE"),
    )
    assert result["data"]["campaign_ids"] == [campaign_id]
    row = api.campaign_get(ADVERTISER, TOKEN)["data"]["list"][0]
    assert row["operation_status"] == "DISABLE"
    assert row["secondary_status"] == "CAMPAIGN_STATUS_DISABLE"

    AdApi(client).ad_status_update(
        TOKEN,
        body=AdStatusUpdateBody(advertiser_id=ADVERTISER, ad_ids=ad["data"]["ad_ids"], operation_status="DELETE"),
    )
    assert AdApi(client).ad_get(ADVERTISER, TOKEN)["data"]["list"] == []
    assert AdgroupApi(client).adgroup_get(ADVERTISER, TOKEN)["data"]["list"][0]["adgroup_id"] == adgroup_id


def test_report_after_advancing_the_clock(client, mock_url, tmp_path):
    start = virtual_now(mock_url)
    campaign_id, _, _, ad = create_hierarchy(client, mock_url, tmp_path)
    requests.post(f"{mock_url}/_mock/clock", json={"advance": "2d"}, timeout=5).raise_for_status()
    click = requests.post(
        f"{mock_url}/_mock/clicks", json={"platform": "tiktok", "adId": ad["data"]["ad_ids"][0]}, timeout=5
    ).json()
    requests.post(
        f"{mock_url}/_mock/pixel/events",
        json={
            "platform": "tiktok",
            "event": "CompletePayment",
            "page": "/landing/hulu/",
            "params": {"ttclid": click["clickId"]},
            "value": "12.34",
        },
        timeout=5,
    ).raise_for_status()
    end = virtual_now(mock_url)
    report = ReportingApi(client).report_integrated_get(
        "BASIC",
        TOKEN,
        advertiser_id=ADVERTISER,
        data_level="AUCTION_CAMPAIGN",
        dimensions=["campaign_id", "stat_time_day"],
        metrics=["spend", "impressions", "clicks", "ctr", "cpm", "conversion", "total_complete_payment_rate"],
        start_date=start.strftime("%Y-%m-%d"),
        end_date=end.strftime("%Y-%m-%d"),
        filtering=[{"field_name": "campaign_ids", "filter_type": "IN", "filter_value": f'["{campaign_id}"]'}],
        page=1,
        page_size=100,
    )["data"]
    rows = report["list"]
    assert len(rows) == 3
    assert all(row["dimensions"]["campaign_id"] == campaign_id for row in rows)
    for row in rows:
        metrics = row["metrics"]
        assert all(isinstance(value, str) for value in metrics.values())
        assert len(metrics["spend"].split(".")[1]) == 2
        assert float(metrics["spend"]) <= 20.0
    assert sum(float(r["metrics"]["spend"]) for r in rows) > 0
    assert sum(int(r["metrics"]["impressions"]) for r in rows) > 0
    assert sum(int(r["metrics"]["conversion"]) for r in rows) == 1
    assert sum(float(r["metrics"]["total_complete_payment_rate"]) for r in rows) == pytest.approx(12.34)


def test_empty_token_raises_40104(client):
    with pytest.raises(TiktokSDKError, match=r"Error Code: 40104"):
        CampaignCreationApi(client).campaign_create(
            "", body=CampaignCreateBody(advertiser_id=ADVERTISER, campaign_name="X", objective_type="TRAFFIC")
        )


def test_missing_field_raises_40002(client):
    with pytest.raises(TiktokSDKError, match=r"Error Code: 40002, message: campaign_name: Missing data for required"):
        CampaignCreationApi(client).campaign_create(
            TOKEN, body={"advertiser_id": ADVERTISER, "objective_type": "TRAFFIC"}
        )
    with pytest.raises(TiktokSDKError, match=r"Error Code: 40002, message: budget: The budget must be at least 50.00"):
        create_campaign(client, "Too small", budget_mode="BUDGET_MODE_DAY", budget=10.0)


def test_unknown_parent_raises_40007(client, mock_url):
    start = virtual_now(mock_url).strftime("%Y-%m-%d %H:%M:%S")
    with pytest.raises(TiktokSDKError, match=r"Error Code: 40007"):
        AdgroupApi(client).adgroup_create(
            TOKEN,
            body=AdgroupCreateBody(
                advertiser_id=ADVERTISER,
                campaign_id="1799999999999999999",
                adgroup_name="Orphan",
                promotion_type="WEBSITE",
                placements=["PLACEMENT_TIKTOK"],
                location_ids=["6252001"],
                budget_mode="BUDGET_MODE_DAY",
                budget=20.0,
                schedule_type="SCHEDULE_FROM_NOW",
                schedule_start_time=start,
                optimization_goal="CLICK",
                billing_event="CPC",
                pacing="PACING_MODE_SMOOTH",
            ),
        )


def test_rate_limit_budget_raises_40100(client, mock_url):
    requests.post(
        f"{mock_url}/_mock/rate-limits",
        json={"platform": "tiktok", "account": ADVERTISER, "limit": 1, "windowSeconds": 60},
        timeout=5,
    ).raise_for_status()
    create_campaign(client, "First")
    with pytest.raises(TiktokSDKError, match=r"Error Code: 40100, message: Requests made too frequently"):
        create_campaign(client, "Second")


def test_fault_rules_raise_the_sdk_errors(client, mock_url):
    requests.post(
        f"{mock_url}/_mock/faults",
        json={"platform": "tiktok", "path": "/open_api/v1.3/campaign/*", "kind": "platformError", "code": "40105", "count": 1},
        timeout=5,
    ).raise_for_status()
    with pytest.raises(TiktokSDKError, match=r"Error Code: 40105"):
        CampaignCreationApi(client).campaign_get(ADVERTISER, TOKEN)
    requests.post(
        f"{mock_url}/_mock/faults",
        json={"platform": "tiktok", "path": "/open_api/v1.3/campaign/*", "kind": "status", "status": 503, "count": 1},
        timeout=5,
    ).raise_for_status()
    with pytest.raises(ApiException) as raised:
        CampaignCreationApi(client).campaign_get(ADVERTISER, TOKEN)
    assert raised.value.status == 503
    assert CampaignCreationApi(client).campaign_get(ADVERTISER, TOKEN)["data"]["list"] == []


def test_upload_signature_mismatch_raises_40900(client, tmp_path):
    path, _ = png_file(tmp_path)
    with pytest.raises(TiktokSDKError, match=r"Error Code: 40900"):
        FileApi(client).ad_image_upload(
            TOKEN, advertiser_id=ADVERTISER, upload_type="UPLOAD_BY_FILE", image_file=str(path), image_signature="0" * 32
        )


def test_oauth_exchange_and_advertisers(client):
    auth = AuthenticationApi(client)
    token = auth.oauth2_access_token(body=Oauth2AccessTokenBody(app_id="7123", secret="s3cret", auth_code="abc"))[
        "data"
    ]
    assert len(token["access_token"]) == 40
    assert ADVERTISER in token["advertiser_ids"]
    advertisers = auth.oauth2_advertiser_get("7123", "s3cret", token["access_token"])["data"]["list"]
    assert advertisers[0]["advertiser_id"] == ADVERTISER
    with pytest.raises(TiktokSDKError, match=r"Error Code: 40110"):
        auth.oauth2_access_token(body=Oauth2AccessTokenBody(app_id="7123", secret="s3cret", auth_code="invalid-abc"))
