"""Airtable Web API emulator, driven by the pyairtable client (pinned in requirements.txt).

pyairtable points at the emulator through `Api(token, endpoint_url=…)`. Each test sets its table up through the
control plane (`PUT /_mock/airtable/bases/{base}/tables/{name}`), then works only through pyairtable: create,
list with formulas, paginate, update, upsert, delete and read the schema. pyairtable parses every answer into
its typed dicts and pydantic schema models, so a shape it cannot read fails the test. The rate-limit test lets
pyairtable's own 429 retry ride out the emulator's lockout.
"""

import re

import pytest
import requests
from pyairtable import Api
from pyairtable.formulas import AND, EQ, GT, NOT, OR, Field, match

BASE = "appAdOpsTickets01"
TABLE = "Campaign Tickets"
TOKEN = "patMockToken.0123456789"
RECORD_ID = re.compile(r"^rec[A-Za-z0-9]{14}$")
ISO_MILLIS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")

FIELDS = [
    {"name": "Name", "type": "singleLineText"},
    {"name": "Status", "type": "singleSelect", "options": {"choices": [{"name": "Ready"}, {"name": "Trafficked"}]}},
    {
        "name": "Platforms",
        "type": "multipleSelects",
        "options": {"choices": [{"name": "Meta"}, {"name": "TikTok"}, {"name": "Snapchat"}, {"name": "Google"}]},
    },
    {"name": "Budget", "type": "number", "options": {"precision": 2}},
    {"name": "Approved", "type": "checkbox"},
    {"name": "Launch", "type": "dateTime"},
    {"name": "Campaign ID", "type": "singleLineText"},
]


def settings(mock_url, **values):
    response = requests.put(f"{mock_url}/_mock/airtable/settings", json=values, timeout=5)
    response.raise_for_status()
    return response.json()


@pytest.fixture
def table(mock_url):
    """The tickets table, through pyairtable; the per-base rate limit is lifted unless a test restores it."""
    response = requests.put(
        f"{mock_url}/_mock/airtable/bases/{BASE}/tables/{TABLE}", json={"fields": FIELDS}, timeout=5
    )
    assert response.status_code == 201, response.text
    settings(mock_url, requestsPerSecond=100_000)
    return Api(TOKEN, endpoint_url=mock_url).table(BASE, TABLE)


def seed(table):
    return table.batch_create(
        [
            {"Name": "Winter launch", "Status": "Ready", "Platforms": ["Meta", "TikTok"], "Budget": 1500,
             "Approved": True},
            {"Name": "Spring sale", "Status": "Ready", "Platforms": ["Snapchat"], "Budget": 800},
            {"Name": "Summer teaser", "Status": "Trafficked", "Platforms": ["Google", "Meta"], "Budget": 250.5,
             "Approved": True, "Campaign ID": "120210000000000001"},
        ]
    )


def test_create_and_get(table):
    created = table.create({"Name": "Winter launch", "Budget": 1500.5, "Approved": False, "Launch": "2026-11-21"})
    assert RECORD_ID.match(created["id"])
    assert ISO_MILLIS.match(created["createdTime"])
    # Empty cells (the unchecked box) are left out, as Airtable does.
    assert created["fields"] == {"Name": "Winter launch", "Budget": 1500.5, "Launch": "2026-11-21T00:00:00.000Z"}
    assert table.get(created["id"]) == created


def test_pagination_through_three_pages(table):
    created = table.batch_create([{"Name": f"Ticket {n}"} for n in range(1, 26)])
    assert len(created) == 25
    pages = list(table.iterate(page_size=10))
    assert [len(page) for page in pages] == [10, 10, 5]
    assert [r["id"] for page in pages for r in page] == [r["id"] for r in created]
    assert [r["fields"]["Name"] for r in table.all(max_records=3)] == ["Ticket 1", "Ticket 2", "Ticket 3"]


def test_list_with_formulas(table):
    seed(table)

    def names(formula):
        return [r["fields"]["Name"] for r in table.all(formula=formula)]

    assert names(match({"Status": "Ready"})) == ["Winter launch", "Spring sale"]
    assert names(match({"Status": "Ready", "Approved": True})) == ["Winter launch"]
    assert names(AND(EQ(Field("Status"), "Ready"), GT(Field("Budget"), 1000))) == ["Winter launch"]
    assert names(OR(Field("Status").eq("Trafficked"), NOT(Field("Approved")))) == ["Spring sale", "Summer teaser"]
    assert names("FIND('Meta', {Platforms})") == ["Winter launch", "Summer teaser"]
    assert names("{Campaign ID} = BLANK()") == ["Winter launch", "Spring sale"]
    assert [r["fields"] for r in table.all(fields=["Name"], sort=["-Budget"])] == [
        {"Name": "Winter launch"}, {"Name": "Spring sale"}, {"Name": "Summer teaser"}
    ]
    assert table.first(formula=match({"Name": "Spring sale"}))["fields"]["Budget"] == 800


def test_bad_formula_is_a_422(table):
    seed(table)
    with pytest.raises(requests.HTTPError) as raised:
        table.all(formula="AND({Status} = 'Ready'")
    assert raised.value.response.status_code == 422
    error = raised.value.response.json()["error"]
    assert error["type"] == "INVALID_FILTER_BY_FORMULA"
    assert error["message"].startswith("The formula for filtering records is invalid: ")


def test_update_upsert_and_typecast(table):
    winter, spring, summer = seed(table)
    updated = table.update(winter["id"], {"Status": "Trafficked", "Campaign ID": "120210000000000042"})
    assert updated["fields"]["Campaign ID"] == "120210000000000042"
    assert updated["fields"]["Name"] == "Winter launch"
    replaced = table.update(spring["id"], {"Name": "Spring sale"}, replace=True)
    assert replaced["fields"] == {"Name": "Spring sale"}
    batch = table.batch_update([{"id": r["id"], "fields": {"Budget": 99}} for r in (winter, summer)])
    assert [r["fields"]["Budget"] for r in batch] == [99, 99]

    upserted = table.batch_upsert(
        [{"fields": {"Name": "Summer teaser", "Budget": 300}}, {"fields": {"Name": "Autumn", "Status": "Ready"}}],
        key_fields=["Name"],
    )
    assert upserted["updatedRecords"] == [summer["id"]]
    assert len(upserted["createdRecords"]) == 1

    with pytest.raises(requests.HTTPError) as raised:
        table.create({"Status": "Archived"})
    assert raised.value.response.status_code == 422
    assert raised.value.response.json()["error"]["type"] == "INVALID_MULTIPLE_CHOICE_OPTIONS"
    with pytest.raises(requests.HTTPError) as raised:
        table.create({"Colour": "red"})
    assert raised.value.response.json()["error"] == {
        "type": "UNKNOWN_FIELD_NAME", "message": 'Unknown field name: "Colour"'
    }
    typecast = table.create({"Status": "Archived", "Budget": "12.5"}, typecast=True)
    assert typecast["fields"] == {"Status": "Archived", "Budget": 12.5}
    choices = [c.name for c in table.schema(force=True).field("Status").options.choices]
    assert choices == ["Ready", "Trafficked", "Archived"]


def test_delete(table):
    records = table.batch_create([{"Name": f"T{n}"} for n in range(12)])
    assert table.delete(records[0]["id"]) == {"id": records[0]["id"], "deleted": True}
    deleted = table.batch_delete([r["id"] for r in records[1:]])
    assert [d["id"] for d in deleted] == [r["id"] for r in records[1:]]
    assert all(d["deleted"] for d in deleted)
    assert table.all() == []
    with pytest.raises(requests.HTTPError) as raised:
        table.get(records[0]["id"])
    assert raised.value.response.status_code == 404


def test_schema_through_pyairtable_models(table):
    schema = table.schema()
    assert re.match(r"^tbl[A-Za-z0-9]{14}$", schema.id)
    assert schema.name == TABLE
    assert [f.name for f in schema.fields] == [f["name"] for f in FIELDS]
    assert schema.primary_field_id == schema.fields[0].id
    assert schema.field("Budget").options.precision == 2
    assert schema.view("Grid view").type == "grid"
    assert [b.id for b in Api(TOKEN, endpoint_url=table.api.endpoint_url).bases()] == [BASE]


def test_rate_limit_is_ridden_out_by_pyairtable_retries(mock_url, table):
    settings(mock_url, requestsPerSecond=5, lockoutSeconds=0.2)
    unretried = Api(TOKEN, endpoint_url=mock_url, retry_strategy=None).table(BASE, TABLE)
    statuses = []
    for _ in range(6):
        try:
            unretried.all()
            statuses.append(200)
        except requests.HTTPError as error:
            statuses.append(error.response.status_code)
            body = error.response.json()
            assert body == {
                "errors": [{"error": "RATE_LIMIT_REACHED", "message": "Rate limit exceeded. Please try again later"}]
            }
            assert error.response.headers["Retry-After"] == "1"
    assert statuses == [200] * 5 + [429]
    # pyairtable retries 429s, honouring Retry-After, so a burst of writes still lands.
    created = table.batch_create([{"Name": f"Burst {n}"} for n in range(60)])
    assert len(created) == 60
    assert len(table.all()) == 60
