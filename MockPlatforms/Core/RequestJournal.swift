import Foundation
import NIOConcurrencyHelpers

/// One request the emulators answered.
public struct JournalEntry: Sendable, Codable, Hashable {
    /// Increasing number.
    public var sequence: Int
    /// Real time it arrived.
    public var time: Date
    /// The platform that answered, or `control`/`landing`.
    public var platform: String
    /// The method.
    public var method: String
    /// The path, without the query (tokens travel in Meta's query, and are never journaled).
    public var path: String
    /// The status answered (0 for a dropped connection).
    public var status: Int
    /// How long it took, in microseconds.
    public var durationMicroseconds: Int
    /// The ad account, when known.
    public var account: String?
    /// The fault rule that fired, if any.
    public var fault: String?
}

/// A bounded journal of requests: the newest ``capacity`` entries, queryable by platform, path, status and time.
public final class RequestJournal: Sendable {
    private struct Ring {
        var entries: [JournalEntry] = []
        var head = 0
        var nextSequence = 1
    }

    /// How many entries are kept.
    public let capacity: Int
    private let ring = NIOLockedValueBox(Ring())

    /// Creates a journal keeping the newest `capacity` entries (10,000 by default).
    public init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
    }

    /// Appends an entry, overwriting the oldest when full.
    public func record(
        time: Date, platform: String, method: String, path: String, status: Int, durationMicroseconds: Int,
        account: String?, fault: String?
    ) {
        ring.withLockedValue { ring in
            let entry = JournalEntry(
                sequence: ring.nextSequence, time: time, platform: platform, method: method, path: path,
                status: status, durationMicroseconds: durationMicroseconds, account: account, fault: fault)
            ring.nextSequence += 1
            if ring.entries.count < capacity {
                ring.entries.append(entry)
            } else {
                ring.entries[ring.head] = entry
                ring.head = (ring.head + 1) % capacity
            }
        }
    }

    /// Entries, oldest first, matching every filter given; `path` matches as a substring, `status` exactly or
    /// as a class (`4xx`).
    public func query(
        platform: String? = nil, method: String? = nil, path: String? = nil, status: String? = nil,
        since: Date? = nil, until: Date? = nil, limit: Int? = nil
    ) -> [JournalEntry] {
        let ordered = ring.withLockedValue { ring in Array(ring.entries[ring.head...] + ring.entries[..<ring.head]) }
        let matching = ordered.filter { entry in
            (platform == nil || entry.platform == platform) && (method == nil || entry.method == method?.uppercased())
                && (path == nil || entry.path.contains(path ?? "")) && Self.status(entry.status, matches: status)
                && (since == nil || entry.time >= since ?? entry.time)
                && (until == nil || entry.time <= until ?? entry.time)
        }
        guard let limit, limit < matching.count else { return matching }
        return Array(matching.suffix(limit))
    }

    /// How many entries are held.
    public var count: Int { ring.withLockedValue { $0.entries.count } }

    /// Forgets every entry.
    public func clear() {
        ring.withLockedValue { ring in
            ring.entries.removeAll()
            ring.head = 0
        }
    }

    static func status(_ status: Int, matches filter: String?) -> Bool {
        guard let filter, !filter.isEmpty else { return true }
        if filter.count == 3, filter.hasSuffix("xx"), let first = filter.first?.wholeNumberValue {
            return status / 100 == first
        }
        return Int(filter) == status
    }
}
