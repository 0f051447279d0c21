import AdPlatformKit
import Foundation

/// Reads Graph API responses into generic values, without the network. Failures become ``AdPlatformError``s
/// naming ``operation``; a body without the expected shape is `malformedResponse`, saying what was expected.
public struct MetaResponseParser: Sendable {
    /// The operation responses belong to, e.g. `createCampaign`, for the errors thrown.
    public var operation: String

    /// Creates a parser for an operation.
    public init(operation: String) {
        self.operation = operation
    }

    /// The JSON body of a successful response; throws the mapped error for a failure (see ``MetaErrorMapper``).
    public func body(of response: PlatformHTTPResponse) throws(AdPlatformError) -> JSONValue {
        let parsed = try? JSONValue(parsing: response.body)
        if let error = MetaErrorMapper.error(in: response, parsed: parsed, operation: operation) { throw error }
        guard let parsed else {
            let snippet = String(decoding: response.body.prefix(200), as: UTF8.self)
            throw malformed("expected a JSON body from Meta, got \(response.body.count) bytes: \(snippet)", response)
        }
        return parsed
    }

    /// The id of a created entity, from `{"id":"…"}`.
    public func createdID(in body: JSONValue) throws(AdPlatformError) -> String {
        guard let id = body["id"]?.scalarText, !id.isEmpty else {
            throw malformed("expected {\"id\":\"…\"} for a created entity, got \(Self.excerpt(body))")
        }
        return id
    }

    /// Checks an update's `{"success":true}`; `false` fails as `permanent`.
    public func confirmSuccess(in body: JSONValue) throws(AdPlatformError) {
        guard let success = body["success"]?.boolValue else {
            throw malformed("expected {\"success\":true} for an update, got \(Self.excerpt(body))")
        }
        guard success else {
            throw AdPlatformError(
                code: .permanent, message: "Meta answered {\"success\":false}", platform: .meta, operation: operation)
        }
    }

    /// The uploaded image from `{"images":{"<filename>":{"hash":"…","url":"…"}}}`: the entry under the file
    /// name, or the only entry when Meta keyed it differently.
    public func uploadedImage(in body: JSONValue, fileName: String) throws(AdPlatformError) -> UploadedMedia {
        guard let images = body["images"]?.objectValue,
            let entry = images[fileName] ?? (images.count == 1 ? images.values.first : nil),
            let hash = entry["hash"]?.stringValue, !hash.isEmpty
        else {
            throw malformed(
                "expected {\"images\":{\"\(fileName)\":{\"hash\":\"…\"}}} for an image upload, got \(Self.excerpt(body))"
            )
        }
        return UploadedMedia(kind: .image, reference: hash, id: hash, url: entry["url"]?.stringValue)
    }

    /// One entity from a node read or a list item. Images are identified by their hash, the value creatives
    /// refer to them by; their parent, like that of campaigns and creatives, is the ad account.
    public func entity(
        from object: JSONValue, kind: EntityKind, accountNodeID: String
    ) throws(AdPlatformError)
        -> PlatformEntity
    {
        let edge = try MetaEdge.of(kind, operation: operation)
        let idField = kind == .media ? "hash" : "id"
        guard object.objectValue != nil, let id = object[idField]?.scalarText, !id.isEmpty else {
            throw malformed("expected a Meta \(edge.name) object with \"\(idField)\", got \(Self.excerpt(object))")
        }
        var attributes: [String: String] = [:]
        switch kind {
        case .campaign, .adGroup:
            for field in ["objective", "daily_budget", "lifetime_budget"] {
                if let value = object[field]?.scalarText { attributes[field] = value }
            }
        case .ad:
            if let creativeID = object["creative"]?["id"]?.scalarText { attributes["creative_id"] = creativeID }
        case .media:
            attributes["hash"] = id
            if let url = object["url"]?.stringValue { attributes["url"] = url }
        default:
            break
        }
        let parentID = edge.parentField.map { object[$0]?.scalarText } ?? accountNodeID
        return PlatformEntity(
            platform: .meta, kind: kind, id: id, name: object["name"]?.stringValue ?? "",
            status: object["status"]?.stringValue.flatMap(MetaStatus.deliveryStatus(from:)), parentID: parentID,
            attributes: attributes)
    }

    /// A list's page: `{"data":[…],"paging":{"cursors":{"after":"…"},"next":"…"}}`. The next cursor is kept only
    /// when `paging.next` is present, as Meta's SDK decides whether another page exists.
    public func listPage(in body: JSONValue) throws(AdPlatformError) -> MetaListPage {
        guard let items = body["data"]?.arrayValue else {
            throw malformed("expected {\"data\":[…],\"paging\":{…}} for a list, got \(Self.excerpt(body))")
        }
        let paging = body["paging"]
        let hasNext = paging?["next"]?.stringValue.map { !$0.isEmpty } ?? false
        let after = paging?["cursors"]?["after"]?.stringValue
        return MetaListPage(items: items, nextCursor: hasNext ? after : nil)
    }

    /// A list's page as entities of a kind.
    public func entityPage(
        in body: JSONValue, kind: EntityKind, accountNodeID: String
    ) throws(AdPlatformError)
        -> EntityPage
    {
        let page = try listPage(in: body)
        var entities: [PlatformEntity] = []
        for item in page.items {
            entities.append(try entity(from: item, kind: kind, accountNodeID: accountNodeID))
        }
        return EntityPage(entities: entities, nextCursor: page.nextCursor)
    }

    /// A node read of an image, which comes back as a one-item `adimages` list; throws `notFound` when empty.
    public func imageEntity(
        in body: JSONValue, hash: String, accountNodeID: String
    ) throws(AdPlatformError)
        -> PlatformEntity
    {
        let page = try listPage(in: body)
        guard let item = page.items.first(where: { $0["hash"]?.stringValue == hash }) ?? page.items.first else {
            throw AdPlatformError(
                code: .notFound, message: "Meta has no ad image with hash \(hash)", platform: .meta,
                operation: operation)
        }
        return try entity(from: item, kind: .media, accountNodeID: accountNodeID)
    }

    func malformed(_ message: String, _ response: PlatformHTTPResponse? = nil) -> AdPlatformError {
        AdPlatformError(
            code: .malformedResponse, message: message, platform: .meta, operation: operation,
            httpStatus: response?.status)
    }

    static func excerpt(_ value: JSONValue) -> String {
        let text = value.encodedString()
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
