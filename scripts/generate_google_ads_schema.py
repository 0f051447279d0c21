"""Regenerates MockPlatforms/Google/GoogleAdsSchemaData.swift from the official google-ads descriptors.

Run it with the repository's venv, which has the pinned google-ads (Tests/sdk/requirements.txt):

    .venv/bin/python scripts/generate_google_ads_schema.py > MockPlatforms/Google/GoogleAdsSchemaData.swift

The schema holds every message reachable from the requests and responses the emulator serves (REST and gRPC), plus
`common.Metrics`, `common.Segments` and `resources.Customer` for GAQL. Fields of `MutateOperation`,
`MutateOperationResponse` and `GoogleAdsRow` whose resources the emulator does not serve are kept as opaque (`x`),
so they parse and are then refused by name, without pulling the whole API in. Every field carries its proto field
number, which the gRPC face needs to read and write the binary wire format.

It also checks that every field number it writes is the same in every version the library ships (v23–v26), since
one schema serves every version's gRPC service names.
"""

import importlib
import sys

from google.protobuf import descriptor as D

SCHEMA_VERSION = "v23"
CHECKED_VERSIONS = ["v23", "v24", "v25", "v26"]
PREFIX = f"google.ads.googleads.{SCHEMA_VERSION}."

SERVICE_MODULES = [
    "google_ads_service", "campaign_service", "campaign_budget_service", "ad_group_service", "ad_group_ad_service",
    "asset_service", "campaign_criterion_service", "ad_group_criterion_service", "customer_service",
]
ROOTS = [
    ("google_ads_service", "MutateGoogleAdsRequest"), ("google_ads_service", "MutateGoogleAdsResponse"),
    ("google_ads_service", "SearchGoogleAdsRequest"), ("google_ads_service", "SearchGoogleAdsResponse"),
    ("google_ads_service", "SearchGoogleAdsStreamRequest"), ("google_ads_service", "SearchGoogleAdsStreamResponse"),
    ("campaign_service", "MutateCampaignsRequest"), ("campaign_service", "MutateCampaignsResponse"),
    ("campaign_budget_service", "MutateCampaignBudgetsRequest"),
    ("campaign_budget_service", "MutateCampaignBudgetsResponse"),
    ("ad_group_service", "MutateAdGroupsRequest"), ("ad_group_service", "MutateAdGroupsResponse"),
    ("ad_group_ad_service", "MutateAdGroupAdsRequest"), ("ad_group_ad_service", "MutateAdGroupAdsResponse"),
    ("asset_service", "MutateAssetsRequest"), ("asset_service", "MutateAssetsResponse"),
    ("campaign_criterion_service", "MutateCampaignCriteriaRequest"),
    ("campaign_criterion_service", "MutateCampaignCriteriaResponse"),
    ("ad_group_criterion_service", "MutateAdGroupCriteriaRequest"),
    ("ad_group_criterion_service", "MutateAdGroupCriteriaResponse"),
    ("customer_service", "ListAccessibleCustomersRequest"), ("customer_service", "ListAccessibleCustomersResponse"),
]
EXTRA_ROOTS = [("common.types.metrics", "Metrics"), ("common.types.segments", "Segments"),
               ("resources.types.customer", "Customer"), ("errors.types.errors", "GoogleAdsFailure")]

SERVED = ["campaign_budget", "campaign", "ad_group", "ad_group_ad", "campaign_criterion", "ad_group_criterion",
          "asset"]
# Fields of these messages outside the allow-list are opaque: the emulator refuses or never writes them.
ALLOWED = {
    "MutateOperation": {f"{name}_operation" for name in SERVED},
    "MutateOperationResponse": {f"{name}_result" for name in SERVED},
    "GoogleAdsRow": set(SERVED) | {"customer", "metrics", "segments"},
}
# Well-known types that proto3 JSON writes as strings; their wire shape is known to the Swift side by name.
STRING_WKT = {"google.protobuf.FieldMask", "google.protobuf.Duration"}
# Well-known types the Swift wire codec reads and writes (ProtobufWellKnownTypes.swift). Any other would be read as
# an opaque `{}`, so the generator stops instead of writing a schema the gRPC face would get silently wrong.
WIRE_WKT = STRING_WKT | {"google.protobuf.Any"}


def load(version, module, name):
    return getattr(importlib.import_module(f"google.ads.googleads.{version}.{module}"), name).pb().DESCRIPTOR


def roots(version):
    found = [load(version, f"services.types.{module}", name) for module, name in ROOTS]
    found += [load(version, module, name) for module, name in EXTRA_ROOTS]
    return found


def short(name):
    return name[len(PREFIX):] if name.startswith(PREFIX) else name


def enum_ref(name):
    # "enums.FooEnum.Foo" is written "%Foo" to keep lines short; the Swift side expands it again.
    parts = name.split(".")
    if len(parts) == 3 and parts[0] == "enums" and parts[1] == parts[2] + "Enum":
        return "%" + parts[2]
    return name


def opaque(message, field):
    allowed = ALLOWED.get(message.name)
    return allowed is not None and message.full_name.startswith(PREFIX) and field.name not in allowed


def walk(descriptor, messages, enums):
    if descriptor.full_name in messages:
        return
    messages[descriptor.full_name] = descriptor
    for field in descriptor.fields:
        if opaque(descriptor, field):
            continue
        if field.message_type is not None:
            full = field.message_type.full_name
            if full.startswith("google.protobuf.") or field.message_type.GetOptions().map_entry:
                continue
            walk(field.message_type, messages, enums)
        if field.enum_type is not None:
            enums[field.enum_type.full_name] = field.enum_type


T = D.FieldDescriptor
KINDS = {T.TYPE_STRING: "s", T.TYPE_BYTES: "y", T.TYPE_BOOL: "b", T.TYPE_INT32: "i32", T.TYPE_SINT32: "si32",
         T.TYPE_SFIXED32: "sf32", T.TYPE_UINT32: "u32", T.TYPE_FIXED32: "f32", T.TYPE_INT64: "i64",
         T.TYPE_SINT64: "si64", T.TYPE_SFIXED64: "sf64", T.TYPE_UINT64: "u64", T.TYPE_FIXED64: "f64",
         T.TYPE_FLOAT: "f", T.TYPE_DOUBLE: "d"}


def field_line(message, field):
    rep = "*" if field.is_repeated else ""
    if field.message_type is not None:
        full = field.message_type.full_name
        if full in STRING_WKT:
            kind, ref = "s", full
        elif field.message_type.GetOptions().map_entry:
            kind, ref, rep = "x", "", ""
        elif full.startswith("google.protobuf."):
            if full not in WIRE_WKT:
                raise SystemExit(f"{message.full_name}.{field.name} is a {full}, which the wire codec does not handle")
            kind, ref = "x", full
        elif opaque(message, field):
            kind, ref = "x", ""
        else:
            kind, ref = "m", short(full)
    elif field.enum_type is not None:
        kind, ref = "e", enum_ref(short(field.enum_type.full_name))
    else:
        kind, ref = KINDS[field.type], ""
    oneof = field.containing_oneof
    synthetic = oneof is not None and len(oneof.fields) == 1 and oneof.name == "_" + field.name
    group = "@" + oneof.name if oneof is not None and not synthetic else ""
    # proto-plus renames fields named like Python keywords (`type` → `type_`); the wire name is the JSON name.
    name = field.name[:-1] if field.name.endswith("_") and field.json_name == field.name[:-1] else field.name
    return " ".join(token for token in [name, kind + rep, ref, group, f"#{field.number}"] if token)


def render():
    messages, enums = {}, {}
    for root in roots(SCHEMA_VERSION):
        walk(root, messages, enums)
    lines = []
    for name in sorted(messages):
        message = messages[name]
        lines.append("M " + short(name))
        lines.extend(field_line(message, field) for field in message.fields)
    for name in sorted(enums):
        lines.append("E " + enum_ref(short(name)))
        line = ""
        for value in enums[name].values:
            token = f"{value.name}={value.number}"
            if line and len(line) + 1 + len(token) > 100:
                lines.append(line)
                line = token
            else:
                line = f"{line} {token}" if line else token
        if line:
            lines.append(line)
    return messages, enums, lines


def check_numbers(messages):
    """Every schema field must have the same number (and exist with the same name) in every checked version."""
    problems = []
    for version in CHECKED_VERSIONS[1:]:
        pool_prefix = f"google.ads.googleads.{version}."
        for module in SERVICE_MODULES:
            importlib.import_module(f"google.ads.googleads.{version}.services.types.{module}")
        for module, _ in EXTRA_ROOTS:
            importlib.import_module(f"google.ads.googleads.{version}.{module}")
        pool = roots(version)[0].file.pool
        for name, message in messages.items():
            other_name = pool_prefix + name[len(PREFIX):] if name.startswith(PREFIX) else name
            try:
                other = pool.FindMessageTypeByName(other_name)
            except KeyError:
                continue  # a message the later version dropped; its requests cannot name it
            for field in message.fields:
                twin = other.fields_by_name.get(field.name)
                if twin is not None and twin.number != field.number:
                    problems.append(f"{version}: {short(name)}.{field.name} is #{twin.number}, not #{field.number}")
    return problems


HEADER = '''/// The Google Ads API REST and gRPC schema the emulator checks request bodies and GAQL field names against, and
/// reads and writes the gRPC wire format with.
///
/// Generated by `scripts/generate_google_ads_schema.py` from the descriptors of the official `google-ads` Python
/// package (v23 protos; the script checks that every field number is the same in v23–v26): every message reachable
/// from the requests and responses the emulator serves, plus `common.Metrics`, `common.Segments`,
/// `resources.Customer` and `errors.GoogleAdsFailure`. Members of `MutateOperation`, `MutateOperationResponse` and
/// `GoogleAdsRow` for resources the emulator does not serve are kept as opaque (`x`), so they parse and are then
/// refused by name.
///
/// Format, one declaration per line:
/// - `M <message>` starts a message; each following line is a field:
///   `<proto_name> <kind>[*] [<type>] [@<oneof>] #<number>`, where the kind is `s` string, `y` bytes, `b` bool,
///   `i32`/`si32`/`sf32`/`u32`/`f32`/`i64`/`si64`/`sf64`/`u64`/`f64` integers (in their wire encodings), `f`/`d`
///   floats, `e` enum, `m` message, `x` any JSON, and `*` marks a repeated field. A string field with a type is a
///   well-known type that JSON writes as a string (`google.protobuf.FieldMask`).
/// - `E <enum>` starts an enum; the following lines hold its `NAME=number` values.
/// - `%Foo` abbreviates the enum `enums.FooEnum.Foo`.
enum GoogleAdsSchemaData {
    /// The schema text.
    static let text = #"""
'''


def main():
    messages, enums, lines = render()
    problems = check_numbers(messages)
    if problems:
        sys.stderr.write("field numbers differ between versions:\n" + "\n".join(problems) + "\n")
        sys.exit(1)
    text = "\n".join("        " + line for line in lines)
    sys.stdout.write(HEADER + text + '\n        """#\n}\n')
    sys.stderr.write(f"{len(messages)} messages, {len(enums)} enums, {sum(map(len, lines))} characters\n")


if __name__ == "__main__":
    main()
