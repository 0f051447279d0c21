"""The Google Ads emulator checked with the official `google-ads` message types.

The `google-ads` library speaks gRPC only, so requests are built with its proto-plus types and serialised with
`json_format.MessageToJson`, sent over REST with `requests`, and every answer is parsed *strictly* (unknown fields
fail) with `json_format.Parse` into the official response type. Errors are parsed into `GoogleAdsFailure`.
The OAuth refresh goes through `google-auth`, the library `google-ads` uses for credentials.
"""

import datetime
import json
import struct
import zlib

import google.auth.exceptions
import google.auth.transport.requests
import pytest
import requests
from google.ads.googleads.v23.common.types.ad_asset import AdTextAsset
from google.ads.googleads.v23.errors.types.errors import GoogleAdsFailure
from google.ads.googleads.v23.services.types.ad_group_ad_service import (
    AdGroupAdOperation,
    MutateAdGroupAdsRequest,
    MutateAdGroupAdsResponse,
)
from google.ads.googleads.v23.services.types.asset_service import (
    AssetOperation,
    MutateAssetsRequest,
    MutateAssetsResponse,
)
from google.ads.googleads.v23.services.types.campaign_budget_service import (
    CampaignBudgetOperation,
    MutateCampaignBudgetsRequest,
    MutateCampaignBudgetsResponse,
)
from google.ads.googleads.v23.services.types.campaign_service import (
    CampaignOperation,
    MutateCampaignsRequest,
    MutateCampaignsResponse,
)
from google.ads.googleads.v23.services.types.customer_service import ListAccessibleCustomersResponse
from google.ads.googleads.v23.services.types.google_ads_service import (
    MutateGoogleAdsRequest,
    MutateGoogleAdsResponse,
    MutateOperation,
    SearchGoogleAdsRequest,
    SearchGoogleAdsResponse,
    SearchGoogleAdsStreamRequest,
    SearchGoogleAdsStreamResponse,
)
from google.oauth2.credentials import Credentials
from google.protobuf import field_mask_pb2, json_format

VERSION = "v23"
CID = "1234567890"
HEADERS = {
    "Authorization": "Bearer TEST-TOKEN",
    "developer-token": "DEV-TOKEN",
    "login-customer-id": "1112223333",
    "Content-Type": "application/json",
}
FAILURE_TYPE = f"type.googleapis.com/google.ads.googleads.{VERSION}.errors.GoogleAdsFailure"


# ---------------------------------------------------------------- helpers


def to_json(message):
    return json_format.MessageToJson(type(message).pb(message))


def post(url, method, message=None, *, body=None, headers=HEADERS):
    data = to_json(message) if message is not None else body
    return requests.post(f"{url}/{VERSION}/customers/{CID}/{method}", data=data, headers=headers, timeout=10)


def parse(response_type, text):
    """Strict parse: json_format.Parse raises on any field the official type does not have."""
    return json_format.Parse(text, response_type.pb()())


def parse_failure(response, status):
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == status
    detail = dict(error["details"][0])
    assert detail.pop("@type") == FAILURE_TYPE
    return error, json_format.Parse(json.dumps(detail), GoogleAdsFailure.pb()())


def field_path(google_ads_error):
    return [
        (element.field_name, element.index if element.HasField("index") else None)
        for element in google_ads_error.location.field_path_elements
    ]


def code(google_ads_error):
    """The error code as `{"fieldError": "REQUIRED"}`."""
    return json_format.MessageToDict(google_ads_error.error_code)


def today(url):
    now = requests.get(f"{url}/_mock/clock", timeout=5).json()["now"]
    return datetime.date.fromisoformat(now[:10])


def advance(url, duration):
    requests.post(f"{url}/_mock/clock", json={"advance": duration}, timeout=5).raise_for_status()


def search(url, query, **fields):
    request = SearchGoogleAdsRequest(customer_id=CID, query=query, **fields)
    response = post(url, "googleAds:search", request)
    assert response.status_code == 200, response.text
    return parse(SearchGoogleAdsResponse, response.text)


def hierarchy_request(name, *, status="ENABLED", budget_micros=50_000_000):
    """Budget, campaign, ad group, responsive search ad, a location and a keyword, linked by temporary ids."""
    request = MutateGoogleAdsRequest(customer_id=CID)

    budget = MutateOperation()
    budget.campaign_budget_operation.create.resource_name = f"customers/{CID}/campaignBudgets/-1"
    budget.campaign_budget_operation.create.name = f"{name} budget"
    budget.campaign_budget_operation.create.amount_micros = budget_micros
    budget.campaign_budget_operation.create.delivery_method = "STANDARD"

    campaign = MutateOperation()
    create = campaign.campaign_operation.create
    create.resource_name = f"customers/{CID}/campaigns/-2"
    create.name = name
    create.status = status
    create.advertising_channel_type = "SEARCH"
    create.campaign_budget = f"customers/{CID}/campaignBudgets/-1"
    create.manual_cpc.enhanced_cpc_enabled = False
    create.network_settings.target_google_search = True
    create.contains_eu_political_advertising = "DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING"

    ad_group = MutateOperation()
    group = ad_group.ad_group_operation.create
    group.resource_name = f"customers/{CID}/adGroups/-3"
    group.name = f"{name} ad group"
    group.campaign = f"customers/{CID}/campaigns/-2"
    group.status = status
    group.type_ = "SEARCH_STANDARD"
    group.cpc_bid_micros = 1_250_000

    ad = MutateOperation()
    ad_create = ad.ad_group_ad_operation.create
    ad_create.ad_group = f"customers/{CID}/adGroups/-3"
    ad_create.status = status
    ad_create.ad.final_urls.append("https://example.test/signup?utm_source=google")
    for text in ("Stream it all", "Start today", "Plans for everyone"):
        ad_create.ad.responsive_search_ad.headlines.append(AdTextAsset(text=text))
    for text in ("Movies and series in one place.", "Cancel anytime."):
        ad_create.ad.responsive_search_ad.descriptions.append(AdTextAsset(text=text))
    ad_create.ad.responsive_search_ad.path1 = "movies"

    location = MutateOperation()
    location.campaign_criterion_operation.create.campaign = f"customers/{CID}/campaigns/-2"
    location.campaign_criterion_operation.create.location.geo_target_constant = "geoTargetConstants/2840"

    keyword = MutateOperation()
    keyword.ad_group_criterion_operation.create.ad_group = f"customers/{CID}/adGroups/-3"
    keyword.ad_group_criterion_operation.create.keyword.text = "streaming service"
    keyword.ad_group_criterion_operation.create.keyword.match_type = "BROAD"

    request.mutate_operations.extend([budget, campaign, ad_group, ad, location, keyword])
    return request


def create_hierarchy(url, name, **options):
    response = post(url, "googleAds:mutate", hierarchy_request(name, **options))
    assert response.status_code == 200, response.text
    return parse(MutateGoogleAdsResponse, response.text)


# ---------------------------------------------------------------- tests


def test_atomic_create_resolves_temporary_ids(mock_url):
    parsed = create_hierarchy(mock_url, "Winter launch [ao-1a2b3c4d5e]")
    names = [
        parsed.mutate_operation_responses[0].campaign_budget_result.resource_name,
        parsed.mutate_operation_responses[1].campaign_result.resource_name,
        parsed.mutate_operation_responses[2].ad_group_result.resource_name,
        parsed.mutate_operation_responses[3].ad_group_ad_result.resource_name,
        parsed.mutate_operation_responses[4].campaign_criterion_result.resource_name,
        parsed.mutate_operation_responses[5].ad_group_criterion_result.resource_name,
    ]
    assert all(name.startswith(f"customers/{CID}/") and "-" not in name for name in names), names
    budget_id = names[0].rsplit("/", 1)[1]
    campaign_id = names[1].rsplit("/", 1)[1]
    ad_group_id = names[2].rsplit("/", 1)[1]
    assert names[3].startswith(f"customers/{CID}/adGroupAds/{ad_group_id}~")
    assert names[4] == f"customers/{CID}/campaignCriteria/{campaign_id}~2840"

    rows = search(
        mock_url,
        f"SELECT campaign.id, campaign.name, campaign.status, campaign.campaign_budget, campaign_budget.amount_micros "
        f"FROM campaign WHERE campaign.id = {campaign_id}",
    ).results
    assert len(rows) == 1
    assert rows[0].campaign.campaign_budget == f"customers/{CID}/campaignBudgets/{budget_id}"
    assert rows[0].campaign_budget.amount_micros == 50_000_000

    ads = search(
        mock_url,
        "SELECT ad_group_ad.resource_name, ad_group_ad.ad.id, ad_group_ad.ad.final_urls, "
        "ad_group_ad.ad.responsive_search_ad.headlines, ad_group.name, campaign.id "
        f"FROM ad_group_ad WHERE ad_group.id = {ad_group_id}",
    ).results
    assert len(ads) == 1
    assert ads[0].ad_group_ad.ad.resource_name == f"customers/{CID}/ads/{ads[0].ad_group_ad.ad.id}"
    assert [h.text for h in ads[0].ad_group_ad.ad.responsive_search_ad.headlines][0] == "Stream it all"
    assert ads[0].campaign.id == int(campaign_id)


def test_atomic_failure_stores_nothing_and_locates_the_field(mock_url):
    request = hierarchy_request("Half done")
    request.mutate_operations[1].campaign_operation.create.name = ""
    response = post(mock_url, "googleAds:mutate", request)
    error, failure = parse_failure(response, 400)
    assert error["status"] == "INVALID_ARGUMENT"
    assert code(failure.errors[0]) == {"fieldError": "REQUIRED"}
    assert field_path(failure.errors[0]) == [
        ("mutate_operations", 1),
        ("campaign_operation", None),
        ("create", None),
        ("name", None),
    ]
    assert failure.request_id
    empty = search(mock_url, "SELECT campaign_budget.id FROM campaign_budget WHERE campaign_budget.name LIKE '%Half%'")
    assert len(empty.results) == 0


def test_service_mutates_status_update_and_mutable_resource(mock_url):
    budgets = MutateCampaignBudgetsRequest(customer_id=CID)
    operation = CampaignBudgetOperation()
    operation.create.name = "Service budget"
    operation.create.amount_micros = 20_000_000
    budgets.operations.append(operation)
    response = post(mock_url, "campaignBudgets:mutate", budgets)
    assert response.status_code == 200, response.text
    budget_name = parse(MutateCampaignBudgetsResponse, response.text).results[0].resource_name

    campaigns = MutateCampaignsRequest(customer_id=CID, response_content_type="MUTABLE_RESOURCE")
    operation = CampaignOperation()
    operation.create.name = "Service campaign"
    operation.create.status = "ENABLED"
    operation.create.advertising_channel_type = "SEARCH"
    operation.create.campaign_budget = budget_name
    operation.create.target_spend.cpc_bid_ceiling_micros = 2_000_000
    campaigns.operations.append(operation)
    response = post(mock_url, "campaigns:mutate", campaigns)
    assert response.status_code == 200, response.text
    created = parse(MutateCampaignsResponse, response.text).results[0]
    assert created.campaign.name == "Service campaign"
    assert created.campaign.status == 2  # ENABLED
    assert created.campaign.bidding_strategy_type == 9  # TARGET_SPEND

    pause = MutateCampaignsRequest(customer_id=CID)
    operation = CampaignOperation()
    operation.update.resource_name = created.resource_name
    operation.update.status = "PAUSED"
    operation.update_mask.CopyFrom(field_mask_pb2.FieldMask(paths=["status"]))
    pause.operations.append(operation)
    response = post(mock_url, "campaigns:mutate", pause)
    assert response.status_code == 200, response.text
    assert parse(MutateCampaignsResponse, response.text).results[0].resource_name == created.resource_name

    rows = search(
        mock_url, f"SELECT campaign.status FROM campaign WHERE campaign.resource_name = '{created.resource_name}'"
    )
    assert [row.campaign.status for row in rows.results] == [3]  # PAUSED

    remove = MutateCampaignsRequest(customer_id=CID)
    operation = CampaignOperation(remove=created.resource_name)
    remove.operations.append(operation)
    assert post(mock_url, "campaigns:mutate", remove).status_code == 200
    live = search(mock_url, "SELECT campaign.id FROM campaign WHERE campaign.status != 'REMOVED'")
    assert len(live.results) == 0


def test_search_like_and_between_report_delivery(mock_url):
    start = today(mock_url)
    parsed = create_hierarchy(mock_url, "Spring promo [ao-77]", budget_micros=40_000_000)
    campaign_id = parsed.mutate_operation_responses[1].campaign_result.resource_name.rsplit("/", 1)[1]
    advance(mock_url, "3d")
    since, until = start.isoformat(), (start + datetime.timedelta(days=3)).isoformat()
    rows = search(
        mock_url,
        "SELECT campaign.id, campaign.name, metrics.impressions, metrics.clicks, metrics.cost_micros, "
        "metrics.conversions, metrics.ctr FROM campaign "
        f"WHERE campaign.name LIKE '%[[]ao-77]%' AND segments.date BETWEEN '{since}' AND '{until}'",
    )
    assert rows.field_mask.paths == [
        "campaign.id",
        "campaign.name",
        "metrics.impressions",
        "metrics.clicks",
        "metrics.cost_micros",
        "metrics.conversions",
        "metrics.ctr",
    ]
    assert len(rows.results) == 1
    metrics = rows.results[0].metrics
    assert rows.results[0].campaign.id == int(campaign_id)
    assert metrics.impressions > 0 and metrics.clicks > 0
    assert 0 < metrics.cost_micros <= 40_000_000 * 4
    assert 0 < metrics.ctr < 1

    by_day = search(
        mock_url,
        "SELECT campaign.id, segments.date, metrics.cost_micros FROM campaign "
        f"WHERE segments.date BETWEEN '{since}' AND '{until}' ORDER BY segments.date",
    )
    days = [row.segments.date for row in by_day.results]
    assert days == sorted(days) and len(days) >= 3
    assert all(row.metrics.cost_micros <= 40_000_000 for row in by_day.results)
    assert sum(row.metrics.cost_micros for row in by_day.results) == metrics.cost_micros


def test_search_stream_is_an_array_of_stream_responses(mock_url):
    create_hierarchy(mock_url, "Stream me")
    advance(mock_url, "2d")
    request = SearchGoogleAdsStreamRequest(
        customer_id=CID,
        query="SELECT campaign.name, segments.date, metrics.impressions FROM campaign "
        "WHERE segments.date DURING LAST_7_DAYS",
        summary_row_setting="SUMMARY_ROW_WITH_RESULTS",
    )
    response = post(mock_url, "googleAds:searchStream", request)
    assert response.status_code == 200, response.text
    batches = response.json()
    assert isinstance(batches, list) and batches
    parsed = [parse(SearchGoogleAdsStreamResponse, json.dumps(batch)) for batch in batches]
    rows = [row for batch in parsed for row in batch.results]
    assert rows and all(row.campaign.name == "Stream me" and row.metrics.impressions > 0 for row in rows)
    assert parsed[-1].summary_row.metrics.impressions == sum(row.metrics.impressions for row in rows)
    assert parsed[0].request_id


def test_search_stream_errors_are_array_wrapped(mock_url):
    request = SearchGoogleAdsStreamRequest(
        customer_id=CID, query="SELECT campaign.id FROM campaign WHERE segments.date DURING LAST_8_DAYS"
    )
    response = post(mock_url, "googleAds:searchStream", request)
    assert response.status_code == 400
    body = response.json()
    assert isinstance(body, list)
    detail = dict(body[0]["error"]["details"][0])
    detail.pop("@type")
    failure = json_format.Parse(json.dumps(detail), GoogleAdsFailure.pb()())
    assert code(failure.errors[0]) == {"queryError": "INVALID_VALUE_WITH_DURING_OPERATOR"}


def test_responsive_search_ad_limits(mock_url):
    parsed = create_hierarchy(mock_url, "Ads home")
    ad_group = parsed.mutate_operation_responses[2].ad_group_result.resource_name
    request = MutateAdGroupAdsRequest(customer_id=CID)
    operation = AdGroupAdOperation()
    operation.create.ad_group = ad_group
    operation.create.ad.final_urls.append("https://example.test/")
    for text in ("A headline that is far too long to fit", "Two", "Two"):
        operation.create.ad.responsive_search_ad.headlines.append(AdTextAsset(text=text))
    operation.create.ad.responsive_search_ad.descriptions.append(AdTextAsset(text="Only one description."))
    request.operations.append(operation)
    response = post(mock_url, "adGroupAds:mutate", request)
    _, failure = parse_failure(response, 400)
    codes = {(e.error_code.WhichOneof("error_code"), tuple(field_path(e))) for e in failure.errors}
    assert (
        "ad_error",
        (
            ("operations", 0),
            ("create", None),
            ("ad", None),
            ("responsive_search_ad", None),
            ("headlines", 0),
            ("text", None),
        ),
    ) in codes
    assert any(kind == "asset_error" for kind, _ in codes)  # the duplicate "Two"
    assert any(kind == "collection_size_error" for kind, _ in codes)  # one description

    good = MutateAdGroupAdsRequest(customer_id=CID, response_content_type="MUTABLE_RESOURCE")
    operation = AdGroupAdOperation()
    operation.create.ad_group = ad_group
    operation.create.status = "PAUSED"
    operation.create.ad.final_urls.append("https://example.test/")
    for text in ("全角の見出し", "Second", "Third"):
        operation.create.ad.responsive_search_ad.headlines.append(AdTextAsset(text=text))
    for text in ("One.", "Two."):
        operation.create.ad.responsive_search_ad.descriptions.append(AdTextAsset(text=text))
    good.operations.append(operation)
    response = post(mock_url, "adGroupAds:mutate", good)
    assert response.status_code == 200, response.text
    result = parse(MutateAdGroupAdsResponse, response.text).results[0]
    assert result.ad_group_ad.ad.type_ == 15  # RESPONSIVE_SEARCH_AD


def test_quota_fault_carries_retry_delay(mock_url):
    rule = {
        "platform": "google",
        "path": f"/{VERSION}/customers/*/googleAds:search",
        "kind": "platformError",
        "code": "quotaError.RESOURCE_EXHAUSTED",
        "count": 1,
    }
    requests.post(f"{mock_url}/_mock/faults", json=rule, timeout=5).raise_for_status()
    query = SearchGoogleAdsRequest(customer_id=CID, query="SELECT campaign.id FROM campaign")
    response = post(mock_url, "googleAds:search", query)
    error, failure = parse_failure(response, 429)
    assert error["status"] == "RESOURCE_EXHAUSTED"
    assert code(failure.errors[0]) == {"quotaError": "RESOURCE_EXHAUSTED"}
    assert failure.errors[0].details.quota_error_details.retry_delay.seconds == 30
    assert post(mock_url, "googleAds:search", query).status_code == 200


def test_rate_limit_budget_answers_resource_exhausted(mock_url):
    budget = {"platform": "google", "account": CID, "limit": 1, "windowSeconds": 60}
    requests.post(f"{mock_url}/_mock/rate-limits", json=budget, timeout=5).raise_for_status()
    query = SearchGoogleAdsRequest(customer_id=CID, query="SELECT customer.id FROM customer")
    first = post(mock_url, "googleAds:search", query)
    assert first.status_code == 200
    assert parse(SearchGoogleAdsResponse, first.text).results[0].customer.id == int(CID)
    _, failure = parse_failure(post(mock_url, "googleAds:search", query), 429)
    delay = failure.errors[0].details.quota_error_details.retry_delay.seconds
    assert 1 <= delay <= 60


def test_authentication_errors(mock_url):
    query = SearchGoogleAdsRequest(customer_id=CID, query="SELECT campaign.id FROM campaign")
    no_token = {k: v for k, v in HEADERS.items() if k != "Authorization"}
    error, failure = parse_failure(post(mock_url, "googleAds:search", query, headers=no_token), 401)
    assert error["status"] == "UNAUTHENTICATED"
    assert code(failure.errors[0]) == {"authenticationError": "AUTHENTICATION_ERROR"}
    no_developer_token = {k: v for k, v in HEADERS.items() if k != "developer-token"}
    _, failure = parse_failure(post(mock_url, "googleAds:search", query, headers=no_developer_token), 400)
    assert code(failure.errors[0]) == {"requestError": "DEVELOPER_TOKEN_PARAMETER_MISSING"}


def test_gateway_refuses_unknown_fields_and_bad_gaql(mock_url):
    body = json.dumps({"query": "SELECT campaign.id FROM campaign", "bogus": 1})
    response = post(mock_url, "googleAds:search", body=body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["details"][0]["@type"] == "type.googleapis.com/google.rpc.BadRequest"
    assert 'Unknown name "bogus"' in error["message"]
    query = SearchGoogleAdsRequest(customer_id=CID, query="SELECT campaign.nope FROM campaign")
    response = post(mock_url, "googleAds:search", query)
    _, failure = parse_failure(response, 400)
    assert code(failure.errors[0]) == {"queryError": "UNRECOGNIZED_FIELD"}
    query = SearchGoogleAdsRequest(customer_id=CID, query="SELECT campaign.id FROM campaign", page_size=5)
    response = post(mock_url, "googleAds:search", query)
    _, failure = parse_failure(response, 400)
    assert code(failure.errors[0]) == {"requestError": "PAGE_SIZE_NOT_SUPPORTED"}


def test_list_accessible_customers(mock_url):
    create_hierarchy(mock_url, "Somebody's campaign")
    response = requests.get(f"{mock_url}/{VERSION}/customers:listAccessibleCustomers", headers=HEADERS, timeout=10)
    assert response.status_code == 200, response.text
    names = parse(ListAccessibleCustomersResponse, response.text).resource_names
    assert f"customers/{CID}" in names


def test_oauth_refresh_through_google_auth(mock_url):
    credentials = Credentials(
        None, refresh_token="1//refresh", client_id="client.apps.googleusercontent.com", client_secret="secret",
        token_uri=f"{mock_url}/token",
    )
    credentials.refresh(google.auth.transport.requests.Request())
    assert credentials.token.startswith("ya29.")
    revoked = Credentials(
        None, refresh_token="revoked-token", client_id="client", client_secret="secret", token_uri=f"{mock_url}/token"
    )
    with pytest.raises(google.auth.exceptions.RefreshError) as raised:
        revoked.refresh(google.auth.transport.requests.Request())
    assert "invalid_grant" in str(raised.value)


@pytest.mark.parametrize("version,status", [("v16", 404), ("v26", 200), ("v27", 404)])
def test_versions(mock_url, version, status):
    query = SearchGoogleAdsRequest(customer_id=CID, query="SELECT customer.id FROM customer")
    response = requests.post(
        f"{mock_url}/{version}/customers/{CID}/googleAds:search", data=to_json(query), headers=HEADERS, timeout=10
    )
    assert response.status_code == status, response.text
    if status == 404:
        assert version in response.json()["error"]["message"]
        assert response.json()["error"]["details"][0]["@type"].endswith(f".{version}.errors.GoogleAdsFailure")


def png(width, height):
    """A valid RGB PNG of one colour."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x10\x80\xf0" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def test_mutable_resources_and_partial_failure_parse_strictly(mock_url):
    request = hierarchy_request("Mutable everything")
    request.response_content_type = "MUTABLE_RESOURCE"
    response = post(mock_url, "googleAds:mutate", request)
    assert response.status_code == 200, response.text
    results = parse(MutateGoogleAdsResponse, response.text).mutate_operation_responses
    budget = results[0].campaign_budget_result
    assert budget.campaign_budget.amount_micros == 50_000_000 and budget.campaign_budget.explicitly_shared
    campaign = results[1].campaign_result.campaign
    assert campaign.campaign_budget == budget.resource_name and campaign.end_date_time == "2037-12-30 23:59:59"
    assert results[3].ad_group_ad_result.ad_group_ad.ad.type_ == 15  # RESPONSIVE_SEARCH_AD
    criterion = results[4].campaign_criterion_result.campaign_criterion
    assert criterion.location.geo_target_constant == "geoTargetConstants/2840" and criterion.criterion_id == 2840
    assert results[5].ad_group_criterion_result.ad_group_criterion.keyword.text == "streaming service"

    budgets = MutateCampaignBudgetsRequest(customer_id=CID, partial_failure=True)
    for name, micros in (("Kept", 10_000_000), ("Refused", 5)):
        operation = CampaignBudgetOperation()
        operation.create.name = name
        operation.create.amount_micros = micros
        budgets.operations.append(operation)
    response = post(mock_url, "campaignBudgets:mutate", budgets)
    assert response.status_code == 200, response.text
    parsed = parse(MutateCampaignBudgetsResponse, response.text)
    assert parsed.results[0].resource_name and not parsed.results[1].resource_name
    failure = GoogleAdsFailure.pb()()
    assert parsed.partial_failure_error.details[0].Unpack(failure)
    assert code(failure.errors[0]) == {"campaignBudgetError": "MONEY_AMOUNT_LESS_THAN_CURRENCY_MINIMUM_CPC"}
    assert field_path(failure.errors[0]) == [("operations", 1), ("create", None), ("amount_micros", None)]


def test_image_asset_upload(mock_url):
    image = png(600, 314)
    request = MutateAssetsRequest(customer_id=CID, response_content_type="MUTABLE_RESOURCE")
    operation = AssetOperation()
    operation.create.name = "hero.png"
    operation.create.type_ = "IMAGE"
    operation.create.image_asset.data = image
    operation.create.image_asset.mime_type = "IMAGE_PNG"
    request.operations.append(operation)
    response = post(mock_url, "assets:mutate", request)
    assert response.status_code == 200, response.text
    asset = parse(MutateAssetsResponse, response.text).results[0].asset
    assert asset.type_ == 4  # IMAGE
    assert asset.image_asset.file_size == len(image)
    assert (asset.image_asset.full_size.width_pixels, asset.image_asset.full_size.height_pixels) == (600, 314)
    rows = search(
        mock_url, "SELECT asset.id, asset.name, asset.image_asset.full_size.url FROM asset WHERE asset.type = IMAGE"
    )
    assert [row.asset.name for row in rows.results] == ["hero.png"]
