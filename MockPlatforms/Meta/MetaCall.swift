import Foundation

/// One Graph call as the emulator routes it, whether it came over HTTP or inside a batch: the method, the path
/// after the version, the merged parameters, any uploaded files, and what is needed to write `paging.next`.
struct MetaCall: Sendable {
    /// `GET`, `POST` or `DELETE` (after any `method=` override, which Graph honours).
    var method: String
    /// The version segment, e.g. `v21.0`.
    var version: String
    /// The path segments after the version, e.g. `["act_1", "campaigns"]`.
    var path: [String]
    /// The parameters.
    var params: MetaParams
    /// Uploaded files (multipart parts with a file name, or attached to a batch).
    var files: [MockMultipartPart]
    /// `http://host:port`, for absolute `paging.next` links.
    var origin: String
    /// The query as sent, in order, for `paging.next` links.
    var query: [(String, String)]
    /// The access token (query, body, or `Authorization` header); `nil` when none was sent.
    var token: String?

    /// The ad account node (`act_<digits>`) a path starts with, if any.
    var accountNode: String? {
        guard let first = path.first, MetaCall.isAccountNode(first) else { return nil }
        return first
    }

    /// Whether a segment is an ad account node, `act_<digits>`.
    static func isAccountNode(_ segment: some StringProtocol) -> Bool {
        segment.hasPrefix("act_") && segment.utf8.count > 4
            && segment.utf8.dropFirst(4).allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// The account digits of an `act_` node.
    static func accountDigits(_ node: String) -> String { String(node.dropFirst(4)) }

    /// A URL for the same call with some query parameters replaced, as Graph writes `paging.next`.
    func link(replacing replacements: [(String, String)]) -> String {
        let names = Set(replacements.map(\.0) + ["after", "before"])
        let kept = query.filter { !names.contains($0.0) } + replacements
        let encoded = kept.map { Self.escape($0.0) + "=" + Self.escape($0.1) }.joined(separator: "&")
        return origin + "/" + ([version] + path).joined(separator: "/") + (encoded.isEmpty ? "" : "?" + encoded)
    }

    private static let unreserved: Set<UInt8> = Set(
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Percent-encodes a query component.
    static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
