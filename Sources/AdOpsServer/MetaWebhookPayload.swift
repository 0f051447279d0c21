import AdPlatformKit
import Foundation
import HTTPTypes
import Trafficking

/// Reads a Meta webhook delivery, `{"object":"ad_account","entry":[{"id","time","changes":[{"field","value"}]}]}`,
/// into the changes the engine applies (``WebhookChange``).
///
/// Every change gets an identity, the SHA-256 of its entry's id and time, its field and its value (keys sorted),
/// which is the same in every copy Meta sends of it. A change of `status_changed_ad_objects` (the emulator's status
/// change, see docs/mock-platforms.md) whose value names an `id` and a `status` is an observation of that entity's
/// status; other fields (`with_issues_ad_objects`, …) are remembered but say nothing the engine keeps yet.
enum MetaWebhookPayload {
    /// The fields whose value carries an ad object's configured status.
    static let statusFields: Set<String> = ["status_changed_ad_objects"]

    /// The changes of a delivery; throws a 400 ``Problem`` naming the first field that is not as Meta sends it.
    static func changes(from body: Data) throws -> [WebhookChange] {
        guard let root = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw malformed("body", "expected a JSON object")
        }
        guard let object = root["object"] as? String else { throw malformed("object", "expected a string") }
        guard let entries = root["entry"] as? [Any] else { throw malformed("entry", "expected an array") }
        var changes: [WebhookChange] = []
        for (entryIndex, item) in entries.enumerated() {
            let path = "entry[\(entryIndex)]"
            guard let entry = item as? [String: Any] else { throw malformed(path, "expected an object") }
            guard let entryID = text(entry["id"]) else { throw malformed("\(path).id", "expected a string id") }
            guard let time = (entry["time"] as? NSNumber)?.int64Value else {
                throw malformed("\(path).time", "expected Unix seconds")
            }
            guard let list = entry["changes"] as? [Any] else {
                throw malformed("\(path).changes", "expected an array")
            }
            for (changeIndex, element) in list.enumerated() {
                let changePath = "\(path).changes[\(changeIndex)]"
                guard let change = element as? [String: Any], let field = change["field"] as? String else {
                    throw malformed("\(changePath).field", "expected a string")
                }
                let value = change["value"] ?? NSNull()
                let canonical =
                    (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]))
                    ?? Data()
                let identity = ContentDigest.sha256Hex(
                    Data("\(object)\n\(entryID)\n\(time)\n\(field)\n".utf8) + canonical)
                changes.append(
                    WebhookChange(
                        identity: identity,
                        observation: observation(
                            field: field, value: value, at: Date(timeIntervalSince1970: TimeInterval(time)))))
            }
        }
        return changes
    }

    /// What a change says about an entity's status, when its field carries one.
    static func observation(field: String, value: Any, at time: Date) -> EntityObservation? {
        guard statusFields.contains(field), let value = value as? [String: Any], let id = text(value["id"]),
            let status = (value["status"] as? String).flatMap(deliveryStatus)
        else { return nil }
        return EntityObservation(platform: .meta, platformID: id, status: status, budget: nil, observedAt: time)
    }

    /// Meta's configured status as ours; `ARCHIVED` counts as removed, as the Meta module reads it.
    static func deliveryStatus(_ status: String) -> DeliveryStatus? {
        switch status.uppercased() {
        case "ACTIVE": .active
        case "PAUSED": .paused
        case "DELETED", "ARCHIVED": .removed
        default: nil
        }
    }

    /// A string, or a number written as one (Graph ids come as either).
    private static func text(_ value: Any?) -> String? {
        if let string = value as? String, !string.isEmpty { return string }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }

    private static func malformed(_ field: String, _ message: String) -> Problem {
        Problem(
            status: .badRequest, kind: "malformed-body", title: "Malformed request body",
            detail: "\(field): \(message)",
            violations: [ProblemViolation(field: field, rule: "malformed", message: message)])
    }
}
