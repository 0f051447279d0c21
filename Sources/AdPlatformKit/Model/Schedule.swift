import Foundation

/// When a campaign runs. Times are instants; platforms that take local or UTC strings get them converted.
///
/// Instants are written as ISO-8601 strings (`2026-12-01T00:00:00Z`) whatever the encoder's date strategy, so a
/// request encoded anywhere (a stored job, an Airtable ticket) decodes again with ``TraffickingRequestDecoder``.
public struct Schedule: Sendable, Hashable, Codable {
    /// The first instant of delivery.
    public var start: Date
    /// The last instant of delivery; required for lifetime budgets.
    public var end: Date?

    /// Creates a schedule.
    public init(start: Date, end: Date? = nil) {
        self.start = start
        self.end = end
    }

    private enum CodingKeys: String, CodingKey {
        case start, end
    }

    /// Reads ISO-8601 strings (with or without fractional seconds, or a bare date); other encodings go through the
    /// decoder's date strategy.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        start = try Self.instant(in: container, forKey: .start)
        end =
            try container.contains(.end) && !container.decodeNil(forKey: .end)
            ? Self.instant(in: container, forKey: .end) : nil
    }

    /// Writes ISO-8601 strings in UTC.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start.formatted(.iso8601), forKey: .start)
        try container.encodeIfPresent(end?.formatted(.iso8601), forKey: .end)
    }

    private static func instant(
        in container: KeyedDecodingContainer<CodingKeys>, forKey key: CodingKeys
    ) throws
        -> Date
    {
        guard let text = try? container.decode(String.self, forKey: key) else {
            return try container.decode(Date.self, forKey: key)
        }
        guard let date = TraffickingRequestDecoder.parseDate(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "'\(text)' is not an ISO-8601 date such as 2026-12-01T00:00:00Z")
        }
        return date
    }
}
