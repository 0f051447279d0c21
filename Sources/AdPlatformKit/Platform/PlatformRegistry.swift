import Foundation

/// The platforms available to the engine and the CLI, by id. The engine never names a platform; it asks the
/// registry.
public struct PlatformRegistry: Sendable {
    private let platforms: [PlatformID: any AdPlatform]

    /// Creates a registry; a later platform with the same id replaces an earlier one.
    public init(_ platforms: [any AdPlatform]) {
        var byID: [PlatformID: any AdPlatform] = [:]
        for platform in platforms { byID[platform.id] = platform }
        self.platforms = byID
    }

    /// The registered ids, sorted.
    public var ids: [PlatformID] { platforms.keys.sorted() }

    /// Every registered platform, in id order.
    public var all: [any AdPlatform] { ids.compactMap { platforms[$0] } }

    /// The platform with an id, or `nil`.
    public subscript(id: PlatformID) -> (any AdPlatform)? { platforms[id] }

    /// The platform with an id; throws `unsupported`, naming the known ids, when there is none.
    public func platform(_ id: PlatformID) throws(AdPlatformError) -> any AdPlatform {
        guard let platform = platforms[id] else {
            throw AdPlatformError(
                code: .unsupported,
                message: "unknown platform '\(id)'; known platforms: \(ids.map(\.rawValue).joined(separator: ", "))")
        }
        return platform
    }

    /// Parses a comma-separated list such as `meta,tiktok`; throws naming the first unknown id.
    public func platforms(named list: String) throws(AdPlatformError) -> [any AdPlatform] {
        var result: [any AdPlatform] = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            result.append(try platform(PlatformID(rawValue: name)))
        }
        return result
    }
}
