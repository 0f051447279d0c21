"""The Google Ads emulator's gRPC face, driven by the official `google-ads` client.

`google-ads` speaks gRPC only. `adops mock --grpc-port` serves the same emulator over HTTP/2; these tests point the
unmodified `GoogleAdsClient` at it over TLS (`endpoint="localhost:PORT"`, a self-signed certificate trusted through
`GRPC_DEFAULT_SSL_ROOTS_FILE_PATH`; see conftest.py), and one test builds the plaintext channel the reference calls
"Mode B". Errors arrive as the library's own `GoogleAdsException`, decoded from the
`google.ads.googleads.vNN.errors.googleadsfailure-bin` trailer.
"""

import datetime

import grpc
import pytest
import requests
from google.ads.googleads.client import GoogleAdsClient
from google.ads.googleads.errors import GoogleAdsException
from google.ads.googleads.interceptors import ExceptionInterceptor, MetadataInterceptor
from google.api_core import protobuf_helpers
from google.api_core.exceptions import ResourceExhausted
from google.oauth2.credentials import Credentials

from google.ads.googleads.v26.errors.types.errors import GoogleAdsFailure
from google.ads.googleads.v26.services.services.google_ads_service import GoogleAdsServiceClient
from google.ads.googleads.v26.services.services.google_ads_service.transports import GoogleAdsServiceGrpcTransport

from conftest import running_mock
from test_google import png

CID = "1234567890"


def make_client(endpoint, version="v26", **options):
    settings = {"developer_token": "DEV-TOKEN", "login_customer_id": "1112223333"} | options
    return GoogleAdsClient(
        credentials=Credentials(token="TEST-TOKEN"), endpoint=endpoint, version=version, use_proto_plus=True,
        **settings,
    )


@pytest.fixture
def client(google_grpc_endpoint):
    return make_client(google_grpc_endpoint)


def failure_codes(exception):
    """Each error's code as `("field_error", "REQUIRED")`."""
    codes = []
    for error in exception.failure.errors:
        kind = type(error.error_code).pb(error.error_code).WhichOneof("error_code")
        codes.append((kind, getattr(error.error_code, kind).name))
    return codes


def budget_operation(client, name, micros=50_000_000):
    operation = client.get_type("CampaignBudgetOperation")
    operation.create.name = name
    operation.create.amount_micros = micros
    operation.create.delivery_method = client.enums.BudgetDeliveryMethodEnum.STANDARD
    operation.create.explicitly_shared = False
    return operation


def campaign_operation(client, name, budget, status="ENABLED"):
    operation = client.get_type("CampaignOperation")
    campaign = operation.create
    campaign.name = name
    campaign.status = client.enums.CampaignStatusEnum[status]
    campaign.advertising_channel_type = client.enums.AdvertisingChannelTypeEnum.SEARCH
    campaign.campaign_budget = budget
    campaign.manual_cpc.enhanced_cpc_enabled = False
    campaign.network_settings.target_google_search = True
    campaign.contains_eu_political_advertising = (
        client.enums.EuPoliticalAdvertisingStatusEnum.DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING
    )
    return operation


def create_hierarchy(client, name, status="ENABLED"):
    """Budget, campaign, ad group, image asset and responsive search ad, each through its own service."""
    budgets = client.get_service("CampaignBudgetService")
    budget = budgets.mutate_campaign_budgets(customer_id=CID, operations=[budget_operation(client, f"{name} budget")])
    budget_name = budget.results[0].resource_name
    campaigns = client.get_service("CampaignService")
    campaign = campaigns.mutate_campaigns(
        customer_id=CID, operations=[campaign_operation(client, name, budget_name, status)]
    ).results[0].resource_name

    group_operation = client.get_type("AdGroupOperation")
    group_operation.create.name = f"{name} ad group"
    group_operation.create.campaign = campaign
    group_operation.create.status = client.enums.AdGroupStatusEnum[status]
    group_operation.create.type_ = client.enums.AdGroupTypeEnum.SEARCH_STANDARD
    group_operation.create.cpc_bid_micros = 1_250_000
    ad_group = client.get_service("AdGroupService").mutate_ad_groups(
        customer_id=CID, operations=[group_operation]
    ).results[0].resource_name

    asset_operation = client.get_type("AssetOperation")
    asset_operation.create.name = "hero.png"
    asset_operation.create.type_ = client.enums.AssetTypeEnum.IMAGE
    asset_operation.create.image_asset.data = png(600, 314)
    asset_operation.create.image_asset.mime_type = client.enums.MimeTypeEnum.IMAGE_PNG
    asset = client.get_service("AssetService").mutate_assets(customer_id=CID, operations=[asset_operation])

    ad_operation = client.get_type("AdGroupAdOperation")
    ad_operation.create.ad_group = ad_group
    ad_operation.create.status = client.enums.AdGroupAdStatusEnum[status]
    ad_operation.create.ad.final_urls.append("https://example.test/signup?utm_source=google")
    for text in ("Stream it all", "Start today", "Plans for everyone"):
        headline = client.get_type("AdTextAsset")
        headline.text = text
        ad_operation.create.ad.responsive_search_ad.headlines.append(headline)
    for text in ("Movies and series in one place.", "Cancel anytime."):
        description = client.get_type("AdTextAsset")
        description.text = text
        ad_operation.create.ad.responsive_search_ad.descriptions.append(description)
    ad = client.get_service("AdGroupAdService").mutate_ad_group_ads(customer_id=CID, operations=[ad_operation])
    return {
        "budget": budget_name,
        "campaign": campaign,
        "ad_group": ad_group,
        "asset": asset.results[0].resource_name,
        "ad": ad.results[0].resource_name,
    }


def search(client, query):
    return list(client.get_service("GoogleAdsService").search(customer_id=CID, query=query))


def test_hierarchy_through_each_service_reads_back(client, mock_url):
    names = create_hierarchy(client, "Over gRPC")
    assert names["campaign"].startswith(f"customers/{CID}/campaigns/")
    assert names["ad"].startswith(f"customers/{CID}/adGroupAds/")
    rows = search(client, "SELECT campaign.id, campaign.name, campaign.status, campaign_budget.amount_micros "
                          "FROM campaign")
    assert [(row.campaign.resource_name, row.campaign.name, row.campaign.status.name) for row in rows] == [
        (names["campaign"], "Over gRPC", "ENABLED")
    ]
    assert rows[0].campaign_budget.amount_micros == 50_000_000
    ads = search(client, "SELECT ad_group_ad.ad.responsive_search_ad.headlines, ad_group_ad.status FROM ad_group_ad")
    assert [h.text for h in ads[0].ad_group_ad.ad.responsive_search_ad.headlines] == [
        "Stream it all", "Start today", "Plans for everyone",
    ]
    assets = search(client, "SELECT asset.name, asset.image_asset.full_size.width_pixels FROM asset")
    assert [(a.asset.name, a.asset.image_asset.full_size.width_pixels) for a in assets] == [("hero.png", 600)]
    # gRPC calls are journalled under the REST path they are served by.
    journal = requests.get(f"{mock_url}/_mock/journal", params={"platform": "google"}, timeout=5).json()
    assert any(entry["path"] == f"/v26/customers/{CID}/campaigns:mutate" for entry in journal)


def test_atomic_mutate_with_temporary_ids_and_mutable_resources(client):
    service = client.get_service("GoogleAdsService")
    budget = client.get_type("MutateOperation")
    client.copy_from(budget.campaign_budget_operation, budget_operation(client, "Atomic budget"))
    budget.campaign_budget_operation.create.resource_name = f"customers/{CID}/campaignBudgets/-1"
    campaign = client.get_type("MutateOperation")
    client.copy_from(
        campaign.campaign_operation, campaign_operation(client, "Atomic", f"customers/{CID}/campaignBudgets/-1")
    )
    campaign.campaign_operation.create.resource_name = f"customers/{CID}/campaigns/-2"
    request = client.get_type("MutateGoogleAdsRequest")
    request.customer_id = CID
    request.mutate_operations.extend([budget, campaign])
    request.response_content_type = client.enums.ResponseContentTypeEnum.MUTABLE_RESOURCE
    response = service.mutate(request=request)
    created = response.mutate_operation_responses[1].campaign_result.campaign
    budget_name = response.mutate_operation_responses[0].campaign_budget_result.resource_name
    assert created.campaign_budget == budget_name and "-1" not in budget_name
    assert created.name == "Atomic" and created.id > 0


def test_pause_and_change_budget_with_update_masks(client):
    names = create_hierarchy(client, "Pause me")
    update = client.get_type("CampaignOperation")
    update.update.resource_name = names["campaign"]
    update.update.status = client.enums.CampaignStatusEnum.PAUSED
    client.copy_from(update.update_mask, protobuf_helpers.field_mask(None, update.update._pb))
    client.get_service("CampaignService").mutate_campaigns(customer_id=CID, operations=[update])

    change = client.get_type("CampaignBudgetOperation")
    change.update.resource_name = names["budget"]
    change.update.amount_micros = 75_000_000
    client.copy_from(change.update_mask, protobuf_helpers.field_mask(None, change.update._pb))
    client.get_service("CampaignBudgetService").mutate_campaign_budgets(customer_id=CID, operations=[change])

    row = search(client, "SELECT campaign.status, campaign_budget.amount_micros FROM campaign")[0]
    assert row.campaign.status.name == "PAUSED" and row.campaign_budget.amount_micros == 75_000_000


def test_search_stream_reports_delivery_after_the_clock_moves(client, mock_url):
    now = requests.get(f"{mock_url}/_mock/clock", timeout=5).json()["now"]
    start = datetime.date.fromisoformat(now[:10])
    create_hierarchy(client, "Delivering")
    requests.post(f"{mock_url}/_mock/clock", json={"advance": "3d"}, timeout=5).raise_for_status()
    until = (start + datetime.timedelta(days=3)).isoformat()
    stream = client.get_service("GoogleAdsService").search_stream(
        customer_id=CID,
        query="SELECT campaign.name, segments.date, metrics.impressions, metrics.clicks, metrics.cost_micros "
        f"FROM campaign WHERE segments.date BETWEEN '{start.isoformat()}' AND '{until}' ORDER BY segments.date",
    )
    batches = list(stream)
    rows = [row for batch in batches for row in batch.results]
    assert len(rows) >= 3 and all(row.campaign.name == "Delivering" for row in rows)
    assert sum(row.metrics.impressions for row in rows) > 0
    assert all(0 <= row.metrics.cost_micros <= 50_000_000 for row in rows)
    assert batches[0].field_mask.paths[:2] == ["campaign.name", "segments.date"]


def test_errors_are_google_ads_exceptions_with_the_documented_codes(client):
    campaigns = client.get_service("CampaignService")
    with pytest.raises(GoogleAdsException) as unknown_parent:
        campaigns.mutate_campaigns(
            customer_id=CID,
            operations=[campaign_operation(client, "Orphan", f"customers/{CID}/campaignBudgets/999")],
        )
    assert unknown_parent.value.error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert failure_codes(unknown_parent.value) == [("mutate_error", "RESOURCE_NOT_FOUND")]
    assert unknown_parent.value.request_id

    budgets = client.get_service("CampaignBudgetService")
    with pytest.raises(GoogleAdsException) as too_small:
        budgets.mutate_campaign_budgets(customer_id=CID, operations=[budget_operation(client, "Tiny", micros=5)])
    assert failure_codes(too_small.value) == [("campaign_budget_error", "MONEY_AMOUNT_LESS_THAN_CURRENCY_MINIMUM_CPC")]
    location = [
        (element.field_name, element.index if "index" in element else None)
        for element in too_small.value.failure.errors[0].location.field_path_elements
    ]
    assert location == [("operations", 0), ("create", None), ("amount_micros", None)]

    with pytest.raises(GoogleAdsException) as bad_customer:
        search_service = client.get_service("GoogleAdsService")
        list(search_service.search(customer_id="12-34", query="SELECT campaign.id FROM campaign"))
    assert failure_codes(bad_customer.value) == [("request_error", "INVALID_CUSTOMER_ID")]

    with pytest.raises(GoogleAdsException) as bad_query:
        search(client, "SELECT campaign.nope FROM campaign")
    assert failure_codes(bad_query.value) == [("query_error", "UNRECOGNIZED_FIELD")]


def test_fault_rules_and_rate_limits_reach_grpc_calls(client, mock_url):
    rule = {
        "platform": "google",
        "path": f"/v26/customers/*/campaignBudgets:mutate",
        "kind": "platformError",
        "code": "authorizationError.USER_PERMISSION_DENIED",
        "count": 1,
    }
    requests.post(f"{mock_url}/_mock/faults", json=rule, timeout=5).raise_for_status()
    budgets = client.get_service("CampaignBudgetService")
    with pytest.raises(GoogleAdsException) as denied:
        budgets.mutate_campaign_budgets(customer_id=CID, operations=[budget_operation(client, "Denied")])
    assert denied.value.error.code() == grpc.StatusCode.PERMISSION_DENIED
    assert failure_codes(denied.value) == [("authorization_error", "USER_PERMISSION_DENIED")]
    budgets.mutate_campaign_budgets(customer_id=CID, operations=[budget_operation(client, "Allowed")])

    budget = {"platform": "google", "account": CID, "limit": 1, "windowSeconds": 60}
    requests.post(f"{mock_url}/_mock/rate-limits", json=budget, timeout=5).raise_for_status()
    search(client, "SELECT customer.id FROM customer")
    # The library does not turn RESOURCE_EXHAUSTED into a GoogleAdsException (it is retryable); api_core raises
    # its own ResourceExhausted, and the failure is still in the trailer.
    with pytest.raises(ResourceExhausted) as exhausted:
        search(client, "SELECT customer.id FROM customer")
    assert exhausted.value.response.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    trailers = dict(exhausted.value.response.trailing_metadata())
    failure = GoogleAdsFailure.deserialize(trailers["google.ads.googleads.v26.errors.googleadsfailure-bin"])
    assert 1 <= failure.errors[0].details.quota_error_details.retry_delay.seconds <= 60
    # api_core reads the rich status (grpc-status-details-bin) into `.details`, as against Google.
    details = exhausted.value.details
    assert len(details) == 1
    assert details[0].type_url == "type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure"
    unpacked = GoogleAdsFailure.pb()()
    assert details[0].Unpack(unpacked) and unpacked == GoogleAdsFailure.pb(failure)


def test_list_accessible_customers_and_older_versions(google_grpc_endpoint, client):
    create_hierarchy(client, "Somebody's campaign")
    names = client.get_service("CustomerService").list_accessible_customers().resource_names
    assert f"customers/{CID}" in names
    old = make_client(google_grpc_endpoint, version="v23")
    assert [row.campaign.name for row in search(old, "SELECT campaign.name FROM campaign")] == ["Somebody's campaign"]


def test_missing_developer_token_and_malformed_messages_over_plaintext():
    """The plaintext face with a channel built by hand, as the reference's "Mode B" does."""
    with running_mock("--grpc-port", "0") as (_, target):
        # Plaintext channels carry no call credentials, so the bearer token goes in as call metadata.
        channel = grpc.intercept_channel(
            grpc.insecure_channel(target),
            MetadataInterceptor("DEV-TOKEN", "1112223333", None),
            ExceptionInterceptor("v26", use_proto_plus=True),
        )
        service = GoogleAdsServiceClient(transport=GoogleAdsServiceGrpcTransport(channel=channel))
        rows = service.search(
            customer_id=CID, query="SELECT customer.id FROM customer", metadata=[("authorization", "Bearer T")]
        )
        assert [row.customer.id for row in rows] == [int(CID)]
        with pytest.raises(GoogleAdsException) as unauthenticated:
            list(service.search(customer_id=CID, query="SELECT customer.id FROM customer"))
        assert unauthenticated.value.error.code() == grpc.StatusCode.UNAUTHENTICATED
        assert failure_codes(unauthenticated.value) == [("authentication_error", "AUTHENTICATION_ERROR")]

        # Hand-written SearchGoogleAdsRequest bytes: customer_id (1) and query (2), without a developer token,
        # gzip-compressed on the wire.
        raw = grpc.insecure_channel(target, compression=grpc.Compression.Gzip)
        without_token = raw.unary_unary("/google.ads.googleads.v26.services.GoogleAdsService/Search")
        query = b"SELECT customer.id FROM customer"
        request = b"\x0a" + bytes([len(CID)]) + CID.encode() + b"\x12" + bytes([len(query)]) + query
        with pytest.raises(grpc.RpcError) as missing:
            without_token(request, metadata=[("authorization", "Bearer T")])
        assert missing.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        trailer = dict(missing.value.trailing_metadata())["google.ads.googleads.v26.errors.googleadsfailure-bin"]
        failure = GoogleAdsFailure.deserialize(trailer)
        assert failure.errors[0].error_code.request_error.name == "DEVELOPER_TOKEN_PARAMETER_MISSING"
        with pytest.raises(grpc.RpcError) as truncated:
            without_token(b"\x0a\x40" + CID.encode(), metadata=[("authorization", "Bearer T")])
        assert truncated.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert "customer_id" in truncated.value.details() and "remain" in truncated.value.details()
        with pytest.raises(grpc.RpcError) as unknown:
            raw.unary_unary("/google.ads.googleads.v26.services.NoSuchService/Nothing")(b"")
        assert unknown.value.code() == grpc.StatusCode.UNIMPLEMENTED
