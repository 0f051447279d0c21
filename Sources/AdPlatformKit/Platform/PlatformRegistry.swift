import Foundation

/// The platforms available to the engine and the CLI, by id, on one transport. The engine never names a platform;
/// it asks the registry.
///
/// What a platform is and can do (``RegisteredPlatform``) is readable as is. A module that calls the platform is
/// made per unit of work, through that work's ``ClientPipeline`` (``platform(_:through:)``): a pipeline always has
/// a rate limit, so no call the registry enables skips it in silence.
public struct PlatformRegistry: Sendable {
    /// The transport every pipeline ends in.
    public let transport: any HTTPTransport
    private let platforms: [PlatformID: RegisteredPlatform]

    /// Creates a registry on a transport; a later platform with the same id replaces an earlier one.
    public init(transport: any HTTPTransport, _ platforms: [RegisteredPlatform]) {
        self.transport = transport
        var byID: [PlatformID: RegisteredPlatform] = [:]
        for platform in platforms { byID[platform.id] = platform }
        self.platforms = byID
    }

    /// The registered ids, sorted.
    public var ids: [PlatformID] { platforms.keys.sorted() }

    /// Every registered platform, in id order.
    public var all: [RegisteredPlatform] { ids.compactMap { platforms[$0] } }

    /// The platform with an id, or `nil`.
    public subscript(id: PlatformID) -> RegisteredPlatform? { platforms[id] }

    /// The platform with an id; throws `unsupported`, naming the known ids, when there is none.
    public func registered(_ id: PlatformID) throws(AdPlatformError) -> RegisteredPlatform {
        guard let platform = platforms[id] else {
            throw AdPlatformError(
                code: .unsupported,
                message: "unknown platform '\(id)'; known platforms: \(ids.map(\.rawValue).joined(separator: ", "))")
        }
        return platform
    }

    /// The module of a platform, whose every call goes through `pipeline` and then the registry's transport;
    /// throws `unsupported`, naming the known ids, when there is no such platform.
    public func platform(_ id: PlatformID, through pipeline: ClientPipeline) throws(AdPlatformError) -> any AdPlatform {
        platform(try registered(id), through: pipeline)
    }

    /// The module of a platform looked up before (``registered(_:)``), every call of it through `pipeline` and then
    /// the registry's transport.
    public func platform(_ platform: RegisteredPlatform, through pipeline: ClientPipeline) -> any AdPlatform {
        platform.module(over: pipeline.transport(over: transport))
    }

    /// Parses a comma-separated list such as `meta,tiktok`; throws naming the first unknown id.
    public func platforms(named list: String) throws(AdPlatformError) -> [RegisteredPlatform] {
        var result: [RegisteredPlatform] = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            result.append(try registered(PlatformID(rawValue: name)))
        }
        return result
    }
}
