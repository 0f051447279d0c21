import AdPlatformKit
import Foundation

/// Reads Snap Marketing API answers into generic values, without the network.
///
/// Success envelopes look like `{"request_status":"SUCCESS","request_id":…,"campaigns":[{"sub_request_status":
/// "SUCCESS","campaign":{…}}]}`; Snap writes the statuses in upper or lower case, and both are accepted. Every
/// failure becomes an ``AdPlatformError`` through ``SnapchatErrorMapper``.
///
/// A parsed ``PlatformEntity`` carries, in ``PlatformEntity/attributes``, every scalar field Snap returned
/// other than `id` and `name`, under Snap's own name (for example `objective`, `daily_budget_micro`,
/// `creative_id`, `media_status`); its parent is `ad_account_id`, `campaign_id` or `ad_squad_id`.
public struct SnapchatResponseParser: Sendable {
    /// The mapper used for error answers.
    public let errorMapper: SnapchatErrorMapper

    /// Creates a parser.
    public init(errorMapper: SnapchatErrorMapper = SnapchatErrorMapper()) {
        self.errorMapper = errorMapper
    }

    /// The entities of a create, update, read or list answer, in order.
    public func entities(
        _ kind: EntityKind, from response: PlatformHTTPResponse, operation: String
    )
        throws(AdPlatformError) -> [PlatformEntity]
    {
        let collection = try Self.collection(kind, operation: operation)
        let json = try envelope(response, operation: operation, expected: Self.expectedEnvelope(collection))
        return try objects(in: json, collection: collection, response: response, operation: operation).map {
            (object) throws(AdPlatformError) in
            try entity(from: object, collection: collection, response: response, operation: operation)
        }
    }

    /// The single entity of a create or read answer.
    public func entity(
        _ kind: EntityKind, from response: PlatformHTTPResponse, operation: String
    )
        throws(AdPlatformError) -> PlatformEntity
    {
        let collection = try Self.collection(kind, operation: operation)
        let object = try rawEntity(kind, from: response, operation: operation)
        return try entity(from: object, collection: collection, response: response, operation: operation)
    }

    /// The single entity of an answer as Snap wrote it, for updates that send the whole entity back.
    public func rawEntity(
        _ kind: EntityKind, from response: PlatformHTTPResponse, operation: String
    )
        throws(AdPlatformError) -> [String: JSONValue]
    {
        let collection = try Self.collection(kind, operation: operation)
        let expected = Self.expectedEnvelope(collection)
        let json = try envelope(response, operation: operation, expected: expected)
        guard let first = try objects(in: json, collection: collection, response: response, operation: operation).first
        else {
            throw errorMapper.malformed(expected: "one item in \(expected)", in: response, operation: operation)
        }
        return first
    }

    /// One page of a list answer; the next cursor comes from `paging.next_link` (see ``cursor(fromNextLink:)``).
    public func page(
        _ kind: EntityKind, from response: PlatformHTTPResponse, operation: String
    )
        throws(AdPlatformError) -> EntityPage
    {
        let collection = try Self.collection(kind, operation: operation)
        let json = try envelope(response, operation: operation, expected: Self.expectedEnvelope(collection))
        let entities = try objects(in: json, collection: collection, response: response, operation: operation).map {
            (object) throws(AdPlatformError) in
            try entity(from: object, collection: collection, response: response, operation: operation)
        }
        let nextCursor = json["paging"]?["next_link"]?.stringValue.flatMap(Self.cursor(fromNextLink:))
        return EntityPage(entities: entities, nextCursor: nextCursor)
    }

    /// The cursor for the page after this one: the `cursor` query parameter of Snap's `next_link`, or the whole
    /// link when it has none; `nil` for an empty link. The module never follows `next_link` as given, since Snap's
    /// links have pointed at other hosts; ``SnapchatRequestBuilder`` rebuilds the call on the configured host.
    public static func cursor(fromNextLink link: String) -> String? {
        let trimmed = link.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard let url = URL(string: trimmed), let query = url.query(percentEncoded: true) else { return trimmed }
        let cursor = FormURLEncoding.decode(query).first { $0.name == "cursor" }?.value
        return cursor.flatMap { $0.isEmpty ? nil : $0 } ?? trimmed
    }

    /// The outcome of the second media call, `POST /v1/media/{id}/upload`.
    ///
    /// Its shape is not documented: `{"request_status":"SUCCESS","result":{…}}` and the plural
    /// `{"media":[{"sub_request_status":…,"media":{…}}]}` are both accepted, and `request_status` SUCCESS means
    /// done. A `download_link` in either becomes ``UploadedMedia/url``.
    public func uploadedMedia(
        kind: MediaReference.Kind, mediaID: String, from response: PlatformHTTPResponse, operation: String
    ) throws(AdPlatformError) -> UploadedMedia {
        let expected = "{\"request_status\":\"SUCCESS\",\"result\":{…}} or {\"media\":[{\"media\":{…}}]}"
        let json = try envelope(response, operation: operation, expected: expected)
        var link = json["result"]?["download_link"]?.stringValue
        if json["media"]?.arrayValue != nil {
            let objects = try objects(in: json, collection: .media, response: response, operation: operation)
            link = link ?? objects.first?["download_link"]?.stringValue
        } else if json["request_status"]?.stringValue?.uppercased() != "SUCCESS" {
            throw errorMapper.malformed(expected: expected, in: response, operation: operation)
        }
        return UploadedMedia(kind: kind, reference: mediaID, id: mediaID, url: link)
    }

    /// Checks a `DELETE` answer: a 2xx with an empty body or a non-error envelope.
    public func confirmDeletion(
        _ kind: EntityKind, from response: PlatformHTTPResponse, operation: String
    )
        throws(AdPlatformError)
    {
        if response.isSuccess, response.body.isEmpty { return }
        let collection = try Self.collection(kind, operation: operation)
        let json = try envelope(response, operation: operation, expected: "{\"request_status\":\"SUCCESS\"}")
        if json[collection.pluralKey] != nil {
            _ = try objects(in: json, collection: collection, response: response, operation: operation)
        }
    }

    /// One row of metrics from a stats answer, summing `total_stats` (TOTAL granularity) or the days of
    /// `timeseries_stats` (DAY granularity).
    ///
    /// Clicks are swipes; conversions are `conversion_sign_ups` plus `conversion_purchases`; spend and revenue
    /// (`conversion_purchases_value`) are micros, rounded half to even to the currency's minor unit.
    public func metricRow(
        level: EntityKind, entityID: String, currency: Currency, from response: PlatformHTTPResponse,
        operation: String
    ) throws(AdPlatformError) -> MetricRow {
        let expected = "{\"total_stats\":[{\"total_stat\":{\"stats\":{…}}}]} or {\"timeseries_stats\":[…]}"
        let json = try envelope(response, operation: operation, expected: expected)
        let requestID = json["request_id"]?.scalarText
        var totals = SnapchatStatTotals()
        var statsObjects: [JSONValue] = []
        if let items = json["total_stats"]?.arrayValue {
            for item in items {
                try checkSubRequest(item, response: response, requestID: requestID, operation: operation)
                guard let stats = item["total_stat"]?["stats"], stats.objectValue != nil else {
                    throw errorMapper.malformed(expected: expected, in: response, operation: operation)
                }
                statsObjects.append(stats)
            }
        } else if let items = json["timeseries_stats"]?.arrayValue {
            for item in items {
                try checkSubRequest(item, response: response, requestID: requestID, operation: operation)
                guard let days = item["timeseries_stat"]?["timeseries"]?.arrayValue else {
                    throw errorMapper.malformed(expected: expected, in: response, operation: operation)
                }
                for day in days {
                    guard let stats = day["stats"], stats.objectValue != nil else {
                        throw errorMapper.malformed(expected: expected, in: response, operation: operation)
                    }
                    statsObjects.append(stats)
                }
            }
        } else {
            throw errorMapper.malformed(expected: expected, in: response, operation: operation)
        }
        for stats in statsObjects {
            if let field = totals.add(stats) {
                throw errorMapper.malformed(
                    expected: "a number in stats.\(field)", in: response, operation: operation)
            }
        }
        return MetricRow(
            platform: .snapchat, level: level, entityID: entityID, impressions: totals.impressions,
            clicks: totals.swipes, spend: Money.rounding(micros: totals.spendMicros, currency: currency),
            conversions: totals.conversions,
            revenue: Money.rounding(micros: totals.revenueMicros, currency: currency))
    }

    // MARK: - Envelopes

    /// The JSON of a 2xx answer whose `request_status` is not `ERROR`; anything else throws.
    func envelope(
        _ response: PlatformHTTPResponse, operation: String, expected: String
    ) throws(AdPlatformError)
        -> JSONValue
    {
        guard response.isSuccess else { throw errorMapper.error(for: response, operation: operation) }
        let json: JSONValue
        do {
            json = try JSONValue(parsing: response.body)
        } catch {
            throw errorMapper.malformed(expected: expected, in: response, operation: operation, cause: error)
        }
        guard json.objectValue != nil else {
            throw errorMapper.malformed(expected: expected, in: response, operation: operation)
        }
        if json["request_status"]?.stringValue?.uppercased() == "ERROR" {
            throw errorMapper.error(for: response, operation: operation)
        }
        return json
    }

    /// The entity objects of an envelope's plural array, after checking each item's `sub_request_status`.
    func objects(
        in json: JSONValue, collection: SnapchatEntityCollection, response: PlatformHTTPResponse, operation: String
    ) throws(AdPlatformError) -> [[String: JSONValue]] {
        let expected = Self.expectedEnvelope(collection)
        guard let items = json[collection.pluralKey]?.arrayValue else {
            throw errorMapper.malformed(expected: expected, in: response, operation: operation)
        }
        let requestID = json["request_id"]?.scalarText
        var objects: [[String: JSONValue]] = []
        for item in items {
            try checkSubRequest(item, response: response, requestID: requestID, operation: operation)
            guard let object = item[collection.singularKey]?.objectValue else {
                throw errorMapper.malformed(expected: expected, in: response, operation: operation)
            }
            objects.append(object)
        }
        return objects
    }

    func checkSubRequest(
        _ item: JSONValue, response: PlatformHTTPResponse, requestID: String?, operation: String
    ) throws(AdPlatformError) {
        guard let status = item["sub_request_status"]?.stringValue else { return }
        if status.uppercased() != "SUCCESS" {
            throw errorMapper.subRequestError(item: item, in: response, requestID: requestID, operation: operation)
        }
    }

    private func entity(
        from object: [String: JSONValue], collection: SnapchatEntityCollection, response: PlatformHTTPResponse,
        operation: String
    ) throws(AdPlatformError) -> PlatformEntity {
        guard let id = object["id"]?.scalarText, !id.isEmpty else {
            throw errorMapper.malformed(
                expected: "an id in each \(collection.singularKey)", in: response, operation: operation)
        }
        var attributes: [String: String] = [:]
        for (key, value) in object where key != "id" && key != "name" {
            if let text = value.scalarText { attributes[key] = text }
        }
        return PlatformEntity(
            platform: .snapchat, kind: collection.kind, id: id, name: object["name"]?.stringValue ?? "",
            status: Self.status(of: object), parentID: object[collection.parentKey]?.scalarText,
            attributes: attributes)
    }

    static func status(of object: [String: JSONValue]) -> DeliveryStatus? {
        if object["deleted"]?.boolValue == true { return .removed }
        switch object["status"]?.stringValue?.uppercased() {
        case "ACTIVE": return .active
        case "PAUSED": return .paused
        case "DELETED": return .removed
        default: return nil
        }
    }

    static func collection(_ kind: EntityKind, operation: String) throws(AdPlatformError) -> SnapchatEntityCollection {
        guard let collection = SnapchatEntityCollection(kind) else {
            throw AdPlatformError(
                code: .unsupported, message: "Snapchat has no \(kind) entity", platform: .snapchat,
                operation: operation)
        }
        return collection
    }

    private static func expectedEnvelope(_ collection: SnapchatEntityCollection) -> String {
        "{\"request_status\":\"SUCCESS\",\"\(collection.pluralKey)\":[{\"sub_request_status\":\"SUCCESS\","
            + "\"\(collection.singularKey)\":{\"id\":…}}]}"
    }
}
