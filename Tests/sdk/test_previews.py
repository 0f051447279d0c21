"""Ad previews (ops-anchors §5) through the official SDKs, against the emulator.

Meta: `AdAccount.get_generate_previews` with the creative spec inline, and `Ad.get_previews` /
`AdCreative.get_previews` for saved objects; each answers `AdPreview` objects whose `body` is an `<iframe>` whose
page the emulator serves. TikTok's SDK has no preview call, so `creative/ads_preview/create/` is posted with plain
`requests`, as a TikTok client would.
"""

import html
import re

import pytest
import requests
from facebook_business.adobjects.ad import Ad
from facebook_business.adobjects.adcreative import AdCreative
from facebook_business.adobjects.adimage import AdImage
from facebook_business.adobjects.adpreview import AdPreview
from facebook_business.exceptions import FacebookRequestError

from test_meta import ACCOUNT, account, api, create_hierarchy, png  # noqa: F401 (fixtures)
from test_tiktok import ADVERTISER, TOKEN, client  # noqa: F401 (fixture)
from test_tiktok import create_hierarchy as create_tiktok_hierarchy

HOSTILE_HEADLINE = "<script>alert('x')</script> Stream now"


def iframe_page(body):
    """The page an `<iframe src=…>` points at, fetched as a browser would."""
    match = re.search(r'<iframe src="([^"]+)"', body)
    assert match, body
    return requests.get(html.unescape(match.group(1)), timeout=5)


def upload_image(tmp_path):
    path = tmp_path / "preview.png"
    path.write_bytes(png())
    image = AdImage(parent_id=ACCOUNT)
    image[AdImage.Field.filename] = str(path)
    image.remote_create()
    return image[AdImage.Field.hash]


@pytest.mark.parametrize(
    "ad_format",
    [
        AdPreview.AdFormat.desktop_feed_standard,
        AdPreview.AdFormat.mobile_feed_standard,
        AdPreview.AdFormat.instagram_standard,
        AdPreview.AdFormat.instagram_story,
    ],
)
def test_meta_generate_previews(account, tmp_path, ad_format):
    image_hash = upload_image(tmp_path)
    previews = account.get_generate_previews(
        params={
            "creative": {
                "object_story_spec": {
                    "page_id": "111222333",
                    "link_data": {
                        "image_hash": image_hash,
                        "link": "https://example.com/signup?utm_source=facebook",
                        "message": "Tom & Jerry",
                        "name": HOSTILE_HEADLINE,
                        "call_to_action": {"type": "SIGN_UP"},
                    },
                }
            },
            "ad_format": ad_format,
        }
    )
    previews = list(previews)
    assert len(previews) == 1 and isinstance(previews[0], AdPreview)
    page = iframe_page(previews[0][AdPreview.Field.body])
    assert page.status_code == 200
    assert page.headers["Content-Type"].startswith("text/html")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Stream now" in page.text
    assert "<script" not in page.text
    assert "Tom &amp; Jerry" in page.text and "Sponsored" in page.text and "Sign up" in page.text
    assert image_hash in page.text


def test_meta_previews_of_ad_and_creative(account, tmp_path):
    _, _, image, creative, ad = create_hierarchy(account, tmp_path)
    for node in (Ad(ad["id"]), AdCreative(creative["id"])):
        previews = list(node.get_previews(params={"ad_format": AdPreview.AdFormat.instagram_story}))
        assert len(previews) == 1
        page = iframe_page(previews[0][AdPreview.Field.body])
        assert page.status_code == 200
        assert "Stream it all" in page.text and image[AdImage.Field.hash] in page.text


def test_meta_preview_errors(account, tmp_path):
    _, _, _, _, ad = create_hierarchy(account, tmp_path)
    with pytest.raises(FacebookRequestError) as unknown:
        list(Ad(ad["id"]).get_previews(params={"ad_format": "BILLBOARD"}))
    assert unknown.value.api_error_code() == 100
    assert "ad_format" in unknown.value.api_error_message()
    assert "MOBILE_FEED_STANDARD" in unknown.value.api_error_message()

    with pytest.raises(FacebookRequestError) as missing:
        list(account.get_generate_previews(params={"ad_format": AdPreview.AdFormat.desktop_feed_standard}))
    assert missing.value.api_error_code() == 100
    assert "creative" in missing.value.api_error_message()


def post_preview(mock_url, body, token=TOKEN):
    response = requests.post(
        f"{mock_url}/open_api/v1.3/creative/ads_preview/create/",
        json=body,
        headers={"Access-Token": token},
        timeout=5,
    )
    assert response.status_code == 200
    return response.json()


def test_tiktok_ads_preview(client, mock_url, tmp_path):
    _, _, image, ad = create_tiktok_hierarchy(client, mock_url, tmp_path)
    image_id = image["data"]["image_id"]
    created = post_preview(
        mock_url,
        {
            "advertiser_id": ADVERTISER,
            "preview_type": "ADS_CREATION",
            "placement": "PLACEMENT_TIKTOK",
            "preview_format": "IN_FEED",
            "ad_format": "SINGLE_IMAGE",
            "image_ids": [image_id],
            "ad_text": HOSTILE_HEADLINE,
            "display_name": "StreamCo",
            "call_to_action": "SIGN_UP",
            "landing_page_url": "https://example.com/signup?utm_source=tiktok",
        },
    )
    assert created["code"] == 0 and created["message"] == "OK" and created["request_id"]
    data = created["data"]
    assert data["tips"][0]["placement"] == "PLACEMENT_TIKTOK"
    page = requests.get(data["preview_link"], timeout=5)
    assert page.status_code == 200
    assert "&lt;script&gt;" in page.text and "<script" not in page.text
    assert iframe_page(data["iframe"]).text == page.text

    existing = post_preview(
        mock_url, {"advertiser_id": ADVERTISER, "preview_type": "AD", "ad_id": ad["data"]["ad_ids"][0]}
    )
    assert existing["code"] == 0
    assert "Stream the new season tonight." in requests.get(existing["data"]["preview_link"], timeout=5).text


def test_tiktok_ads_preview_errors(client, mock_url):
    missing = post_preview(mock_url, {"advertiser_id": ADVERTISER, "preview_type": "ADS_CREATION"})
    assert missing["code"] == 40002 and missing["message"].startswith("ad_format:")
    card = post_preview(mock_url, {"advertiser_id": ADVERTISER, "preview_type": "CARD"})
    assert card["code"] == 40002 and card["message"].startswith("preview_type:")
    unknown = post_preview(mock_url, {"advertiser_id": ADVERTISER, "preview_type": "AD", "ad_id": "1"})
    assert unknown["code"] == 40007 and unknown["message"].startswith("ad_id:")
