import AdPlatformKit
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The emulators of every platform, their control plane and the landing pages, behind one HTTP responder.
///
/// ```swift
/// try await MockPlatforms.withRunning { mock in
///     let meta = MetaAdsPlatform(transport: transport, configuration: .init(baseURL: mock.baseURL))
///     …
/// }
/// ```
public final class MockPlatforms: Sendable {
    /// The shared state.
    public let world: MockWorld
    /// The request journal.
    public let journal: RequestJournal
    /// Fault rules.
    public let faults: FaultInjector
    /// Rate-limit budgets.
    public let rateLimits: RateLimiter
    /// The platform emulators, in dispatch order.
    public let emulators: [any PlatformEmulator]
    /// The configuration it was made with.
    public let configuration: MockPlatformsConfiguration
    /// The Meta emulator's webhook subscriptions and deliveries, when the Meta emulator is among ``emulators``.
    public let metaWebhooks: MetaWebhooks?
    let landing: LandingPages
    let logger: Logger

    /// Creates the emulators; loads the state file when one is configured and exists.
    public init(
        configuration: MockPlatformsConfiguration = MockPlatformsConfiguration(),
        emulators: [any PlatformEmulator] = BuiltInEmulators.all, logger: Logger = Logger(label: "adops-mock")
    ) throws {
        self.configuration = configuration
        world = MockWorld(seed: configuration.seed, now: configuration.clock.now)
        journal = RequestJournal(capacity: configuration.journalCapacity)
        faults = FaultInjector(seed: configuration.seed)
        rateLimits = RateLimiter()
        self.emulators = emulators
        metaWebhooks = emulators.lazy.compactMap { ($0 as? MetaEmulator)?.webhooks }.first
        self.logger = logger
        landing = LandingPages(
            directory: try LandingPages.locate(
                explicit: configuration.landingPagesDirectory, environment: ProcessInfo.processInfo.environment),
            livePixelIDs: configuration.livePixelIDs)
        if let path = configuration.stateFile, FileManager.default.fileExists(atPath: path) {
            try loadState(from: path)
        }
    }

    /// Loads a state file written by ``saveState(to:)``.
    public func loadState(from path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        world.restore(try decoder.decode(WorldState.self, from: data))
    }

    /// Writes the world to a file atomically.
    public func saveState(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(world.snapshot()).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Answers one request: the control plane under `/_mock/`, landing pages by host or path, else the platform
    /// whose paths it is, with faults, rate limits and the journal applied.
    public func respond(to request: MockRequest, context channel: (any Channel)?) async -> MockResponse {
        await respond(to: request, claimedBy: emulators.first { $0.claims(request) }, context: channel)
    }

    /// Answers a request whose emulator the caller already looked up (the HTTP responder does, for the body
    /// limit), so the lookup happens once per request.
    func respond(
        to request: MockRequest, claimedBy emulator: (any PlatformEmulator)?, context channel: (any Channel)?
    )
        async -> MockResponse
    {
        // The control plane comes first, so pages served by host name can post pixel events to their own origin.
        if request.path == "/_mock" || request.path.hasPrefix("/_mock/") {
            return await ControlPlane(mock: self).handle(request)
        }
        if let site = landing.site(forHost: request.header("host")) {
            return landing.serve(site: site, path: request.path, query: request.query)
        }
        if request.path.hasPrefix("/landing/") || request.path == "/landing" {
            return landing.serve(path: request.path, query: request.query)
        }
        guard let emulator else {
            return .json(
                .object([
                    (
                        "error",
                        .object([
                            ("message", .string("No emulator serves \(request.method) \(request.path)")),
                            (
                                "known_prefixes",
                                .array(
                                    [
                                        "/vNN.N/ (Meta)", "/open_api/v1.3/ (TikTok)", "/v1/ (Snapchat)",
                                        "/vNN/customers/ (Google Ads)", "/v0/ (Airtable)", "/_mock/", "/landing/",
                                    ].map(MockJSON.string))
                            ),
                        ])
                    )
                ]), status: 404)
        }
        return await serve(request, by: emulator, channel: channel)
    }

    private func serve(
        _ request: MockRequest, by emulator: any PlatformEmulator, channel: (any Channel)?
    ) async
        -> MockResponse
    {
        let started = ContinuousClock.now
        let arrived = request.receivedAt
        let account = emulator.accountID(for: request)
        let decision = faults.decide(platform: emulator.platform, method: request.method, path: request.path)
        if decision.latencyMilliseconds > 0 {
            try? await Task.sleep(for: .milliseconds(decision.latencyMilliseconds))
        }
        var response: MockResponse
        var usage: RateLimitUsage?
        if let rule = decision.rule, rule.kind != .dropResponse {
            switch rule.kind {
            case .drop:
                response = .dropped
            default:
                response = emulator.faultResponse(
                    InjectedFault(status: rule.status, code: rule.code, subcode: rule.subcode, message: rule.message),
                    for: request)
            }
        } else {
            usage = account.flatMap { rateLimits.consume(platform: emulator.platform, account: $0) }
            if let usage, usage.exceeded {
                response = emulator.rateLimitedResponse(usage, for: request)
            } else {
                response = await emulator.handle(request, world: world)
                if decision.rule?.kind == .dropResponse { response = .dropped }
            }
        }
        if let usage, !response.dropsConnection {
            response = response.adding(emulator.usageHeaders(usage, for: request))
        }
        let elapsed = ContinuousClock.now - started
        journal.record(
            time: arrived, platform: emulator.platform, method: request.method, path: request.path,
            status: response.dropsConnection ? 0 : response.status,
            durationMicroseconds: Int(
                elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000),
            account: account, fault: decision.rule?.id)
        if response.dropsConnection, let channel {
            channel.close(mode: .all, promise: nil)
        }
        return response
    }
}
