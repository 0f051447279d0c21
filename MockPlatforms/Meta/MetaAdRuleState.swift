import Foundation

/// What a rule remembers between runs, stored on its entity under `_state` (so `/_mock/state` saves it): when it was
/// last evaluated, its history (newest last, bounded), and per object how often it acted, when last, and what an
/// edge-triggered or milestone trigger last saw.
struct MetaAdRuleState: Sendable {
    /// Per object the rule has looked at.
    struct Object: Sendable {
        /// How many times the rule changed the object (`execution_count_limit` counts these).
        var changes = 0
        /// When the rule last acted on it (`action_frequency` waits from here).
        var lastAction: Date?
        /// Whether a STATS_CHANGE trigger's condition held at the last evaluation.
        var matched = false
        /// The last multiple a STATS_MILESTONE trigger reached.
        var milestone: Int64 = 0
    }

    /// The newest history entries kept per rule, so a rule firing every half hour keeps its memory bounded.
    static let historyCapacity = 500

    /// When the rule was last evaluated by the schedule or a trigger; its creation before that.
    var lastEvaluated: Date
    /// The last history entry's sequence number.
    var sequence = 0
    /// History entries, oldest first, each with its `_seq`.
    var history: [MockJSON] = []
    /// Per object id.
    var objects: [String: Object] = [:]

    /// A new rule's state.
    init(createdAt: Date) { lastEvaluated = createdAt }

    /// The state stored on a rule entity.
    init(_ entity: MockEntity) {
        let json = entity.fields["_state"]
        lastEvaluated =
            json?["last_evaluated"]?.int64.map { Date(timeIntervalSince1970: TimeInterval($0)) }
            ?? entity.createdAt
        sequence = Int(json?["sequence"]?.int64 ?? 0)
        history = json?["history"]?.array ?? []
        for (id, value) in json?["objects"]?.members ?? [] {
            objects[id] = Object(
                changes: Int(value["changes"]?.int64 ?? 0),
                lastAction: value["last_action"]?.int64.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                matched: value["matched"]?.bool ?? false, milestone: value["milestone"]?.int64 ?? 0)
        }
    }

    /// Appends a history entry, giving it the next sequence number and dropping the oldest beyond the capacity.
    mutating func record(_ entry: MockJSON) {
        sequence += 1
        history.append(entry.setting("_seq", .int(sequence)))
        if history.count > Self.historyCapacity { history.removeFirst(history.count - Self.historyCapacity) }
    }

    /// The state as stored.
    var json: MockJSON {
        let objectMembers = objects.keys.sorted().compactMap { id -> (String, MockJSON)? in
            guard let object = objects[id] else { return nil }
            var members: [(String, MockJSON)] = [
                ("changes", .int(object.changes)), ("matched", .bool(object.matched)),
                ("milestone", .int(object.milestone)),
            ]
            if let last = object.lastAction { members.append(("last_action", .int(MetaTime.epochSeconds(last)))) }
            return (id, .object(members))
        }
        return .object([
            ("last_evaluated", .int(MetaTime.epochSeconds(lastEvaluated))), ("sequence", .int(sequence)),
            ("history", .array(history)), ("objects", .object(objectMembers)),
        ])
    }
}
