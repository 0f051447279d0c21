"""The official Meta SDK (`facebook-business`) against the Meta emulator's automated rules.

The rule is created with `AdAccount.create_ad_rules_library`, run by the emulator's virtual clock, and its history is
read with `AdRule.get_history` and `AdAccount.get_ad_rules_history`, all through the SDK's own objects.
"""

import pytest
import requests
from facebook_business.adobjects.ad import Ad
from facebook_business.adobjects.adaccount import AdAccount
from facebook_business.adobjects.adrule import AdRule
from facebook_business.adobjects.adset import AdSet
from facebook_business.adobjects.campaign import Campaign
from facebook_business.api import FacebookAdsApi
from facebook_business.exceptions import FacebookRequestError
from facebook_business.session import FacebookSession

ACCOUNT = "act_1001"
VERSION = "v21.0"

SPENDERS = {
    "evaluation_type": "SCHEDULE",
    "filters": [
        {"field": "entity_type", "value": "ADSET", "operator": "EQUAL"},
        {"field": "time_preset", "value": "LIFETIME", "operator": "EQUAL"},
        {"field": "spent", "value": 0, "operator": "GREATER_THAN"},
    ],
}


@pytest.fixture
def account(mock_url):
    FacebookSession.GRAPH = mock_url
    api = FacebookAdsApi.init(access_token="TEST", api_version=VERSION, crash_log=False)
    return AdAccount(ACCOUNT, api=api)


def advance(mock_url, duration):
    requests.post(f"{mock_url}/_mock/clock", json={"advance": duration}, timeout=30).raise_for_status()


def delivering_ad_set(account):
    """An active ad set with a $50.00 daily budget and an active ad, so it spends as the clock moves."""
    campaign = account.create_campaign(
        params={
            "name": "Rules",
            "objective": Campaign.Objective.outcome_sales,
            "status": Campaign.Status.active,
            "special_ad_categories": [],
        }
    )
    ad_set = account.create_ad_set(
        params={
            "name": "Spender",
            "campaign_id": campaign["id"],
            "billing_event": AdSet.BillingEvent.impressions,
            "optimization_goal": AdSet.OptimizationGoal.link_clicks,
            "targeting": {"geo_locations": {"countries": ["US"]}},
            "daily_budget": 5000,
            "status": AdSet.Status.active,
        }
    )
    creative = account.create_ad_creative(
        params={
            "name": "Plain",
            "object_story_spec": {
                "page_id": "111222333",
                "link_data": {"link": "https://example.com/signup", "message": "Sign up."},
            },
        }
    )
    account.create_ad(
        params={
            "name": "Ad",
            "adset_id": ad_set["id"],
            "creative": {"creative_id": creative["id"]},
            "status": Ad.Status.active,
        }
    )
    return ad_set


def test_rule_created_by_the_sdk_runs_on_the_clock_and_keeps_history(account, mock_url):
    ad_set = delivering_ad_set(account)
    advance(mock_url, "2h")

    rule = account.create_ad_rules_library(
        params={
            "name": "Pause spenders",
            "evaluation_spec": SPENDERS,
            "execution_spec": {"execution_type": "PAUSE"},
            "schedule_spec": {"schedule_type": "SEMI_HOURLY"},
        }
    )
    assert isinstance(rule, AdRule) and rule["id"]

    library = list(account.get_ad_rules_library(fields=[AdRule.Field.name, AdRule.Field.status]))
    assert [(r["id"], r[AdRule.Field.name], r[AdRule.Field.status]) for r in library] == [
        (rule["id"], "Pause spenders", "ENABLED")
    ]
    read = AdRule(rule["id"]).api_get(fields=[AdRule.Field.evaluation_spec, AdRule.Field.schedule_spec])
    assert read[AdRule.Field.evaluation_spec]["filters"][2]["field"] == "spent"
    assert read[AdRule.Field.schedule_spec]["schedule_type"] == "SEMI_HOURLY"

    preview = AdRule(rule["id"]).create_preview()
    assert [result["object_id"] for result in preview["results"]] == [ad_set["id"]]
    assert AdSet(ad_set["id"]).api_get(fields=[AdSet.Field.status])[AdSet.Field.status] == "ACTIVE"

    advance(mock_url, "31m")

    assert AdSet(ad_set["id"]).api_get(fields=[AdSet.Field.status])[AdSet.Field.status] == "PAUSED"
    history = list(AdRule(rule["id"]).get_history())
    assert len(history) == 1
    entry = history[0]
    assert entry["is_manual"] is False
    result = entry["results"][0]
    assert result["object_id"] == ad_set["id"] and result["object_type"] == "ADSET"
    action = result["actions"][0]
    assert (action["action"], action["field"], action["old_value"], action["new_value"]) == (
        "PAUSED",
        "status",
        "ACTIVE",
        "PAUSED",
    )

    account_history = list(account.get_ad_rules_history(params={"action": "PAUSED"}))
    assert [item["rule_id"] for item in account_history] == [rule["id"]]

    AdRule(rule["id"]).api_update(params={"status": AdRule.Status.disabled})
    AdRule(rule["id"]).create_execute()
    manual = list(AdRule(rule["id"]).get_history())
    # The ad set is already paused, so the manual run selects nothing; hide_no_changes leaves it out.
    assert manual[0]["is_manual"] is True and manual[0]["results"] == []
    changed = list(AdRule(rule["id"]).get_history(params={"hide_no_changes": True}))
    assert [item["is_manual"] for item in changed] == [False]

    AdRule(rule["id"]).api_delete()
    assert list(account.get_ad_rules_library()) == []


def test_bad_spec_is_code_100_naming_the_field(account):
    with pytest.raises(FacebookRequestError) as raised:
        account.create_ad_rules_library(
            params={
                "name": "No scope",
                "evaluation_spec": {"evaluation_type": "SCHEDULE", "filters": []},
                "execution_spec": {"execution_type": "PAUSE"},
            }
        )
    assert raised.value.api_error_code() == 100
    assert "entity_type" in raised.value.api_error_message()


def test_cost_condition_on_a_pause_rule_is_2703_behind_the_switch(account, mock_url):
    cost = {
        "evaluation_type": "SCHEDULE",
        "filters": [
            {"field": "entity_type", "value": "AD", "operator": "EQUAL"},
            {"field": "time_preset", "value": "LAST_3_DAYS", "operator": "EQUAL"},
            {"field": "cost_per_purchase_fb", "value": 1000, "operator": "GREATER_THAN"},
        ],
    }
    params = {"name": "CPA guard", "evaluation_spec": cost, "execution_spec": {"execution_type": "PAUSE"}}
    assert account.create_ad_rules_library(params=params)["id"]

    requests.put(f"{mock_url}/_mock/meta/settings", json={"adRulesRefuseCostPause": True}, timeout=5).raise_for_status()
    with pytest.raises(FacebookRequestError) as raised:
        account.create_ad_rules_library(params=params)
    assert raised.value.api_error_code() == 2703
