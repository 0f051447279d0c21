import Foundation

/// A platform as the registry holds it: what it is and can do, readable without a pipeline, and how to make its
/// module over a transport. It is not itself an ``AdPlatform``: a module that calls the platform comes only from
/// ``PlatformRegistry/platform(_:through:)``, through a ``ClientPipeline``.
public struct RegisteredPlatform: Sendable {
    /// Makes the module over a transport.
    private let make: @Sendable (any HTTPTransport) -> any AdPlatform
    /// A module over a transport that refuses every call, kept only to answer what the platform is and can do.
    private let specimen: any AdPlatform

    /// Registers a platform by the way its module is made over a transport, e.g.
    /// `RegisteredPlatform { MetaAdsPlatform(transport: $0, configuration: meta) }`.
    public init<Platform: AdPlatform>(_ make: @escaping @Sendable (any HTTPTransport) -> Platform) {
        self.make = { make($0) }
        specimen = make(UnpipedTransport(platform: Platform.id))
    }

    /// The platform's id.
    public var id: PlatformID { specimen.id }

    /// The platform's limits, maps and hierarchy.
    public var capabilities: PlatformCapabilities { specimen.capabilities }

    /// Whether the platform's module has an ability, e.g. `supports((any MetricsFetching).self)`.
    public func supports<Ability>(_ ability: Ability.Type) -> Bool { specimen is Ability }

    /// The usage readings in an answer of this platform's; empty where the platform sends no usage headers.
    public func usageSignals(in response: PlatformHTTPResponse, at now: Date) -> [UsageSignal] {
        (specimen as? any UsageReporting)?.usageSignals(in: response, at: now) ?? []
    }

    /// The module over a transport; only the registry, which puts the pipeline in front, asks.
    func module(over transport: any HTTPTransport) -> any AdPlatform { make(transport) }
}
