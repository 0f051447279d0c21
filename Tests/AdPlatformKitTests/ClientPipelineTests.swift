import AdPlatformKit
import AdPlatformTesting
import Foundation
import Synchronization
import Testing

/// The client pipeline: middleware order, the required rate limit, and a registry that hands out callable modules
/// only through a pipeline.
@Suite("Client pipeline")
struct ClientPipelineTests {
    @Test("calls meet the rate limit first, then the middlewares in order; answers come back in reverse")
    func order() async throws {
        let trace = Trace()
        let transport = ScriptedTransport { request in
            trace.note("transport \(request.headers["X-Stages"] ?? "")")
            return PlatformHTTPResponse(status: 200)
        }
        let pipeline = ClientPipeline(
            rateLimit: TracingRateLimit(trace: trace),
            [TracingMiddleware(name: "usage", trace: trace), TracingMiddleware(name: "log", trace: trace)])
        let url = try #require(URL(string: "https://ads.example/v1/ping"))
        let response = try await pipeline.transport(over: transport).send(PlatformHTTPRequest(method: .get, url: url))
        #expect(response.status == 200)
        #expect(
            trace.lines == [
                "rate in", "usage in", "log in", "transport rate,usage,log", "log out", "usage out", "rate out",
            ])
    }

    @Test("a registry's platforms are descriptions, not modules; a module comes only through a pipeline")
    func registryNeedsAPipeline() async throws {
        let transport = ScriptedTransport { _ in PlatformHTTPResponse(status: 200, body: Data("pong".utf8)) }
        let registry = PlatformRegistry(transport: transport, [RegisteredPlatform { CallingPlatform(transport: $0) }])
        let registered = try #require(registry["calling"])
        // Capabilities and abilities are readable without a pipeline; the description itself cannot be called.
        #expect(registered.capabilities.displayName == "SearchAds")
        #expect(registered.supports(CallingPlatform.self))
        #expect(!registered.supports((any MetricsFetching).self))
        #expect(!((registered as Any) is any AdPlatform))

        let trace = Trace()
        let module = try registry.platform(
            "calling", through: ClientPipeline(rateLimit: TracingRateLimit(trace: trace)))
        let calling = try #require(module as? CallingPlatform)
        #expect(try await calling.ping() == "pong")
        #expect(trace.lines == ["rate in", "rate out"], "the module's call went through the pipeline's rate limit")
        #expect(transport.requests.count == 1)
    }
}

/// Lines noted by the stages of a pipeline, in order.
final class Trace: Sendable {
    private let noted = Mutex<[String]>([])
    func note(_ line: String) { noted.withLock { $0.append(line) } }
    var lines: [String] { noted.withLock { $0 } }
}

/// A middleware that notes the call going in and the answer coming out, and stamps the request with its name.
struct TracingMiddleware: ClientMiddleware {
    let name: String
    let trace: Trace

    func intercept(
        _ request: PlatformHTTPRequest, next: @Sendable (PlatformHTTPRequest) async throws -> PlatformHTTPResponse
    ) async throws -> PlatformHTTPResponse {
        trace.note("\(name) in")
        var stamped = request
        stamped.headers["X-Stages"] = [request.headers["X-Stages"], name].compactMap { $0 }.joined(separator: ",")
        let response = try await next(stamped)
        trace.note("\(name) out")
        return response
    }
}

/// A rate limit that only traces.
struct TracingRateLimit: RateLimitMiddleware {
    let trace: Trace

    func intercept(
        _ request: PlatformHTTPRequest, next: @Sendable (PlatformHTTPRequest) async throws -> PlatformHTTPResponse
    ) async throws -> PlatformHTTPResponse {
        try await TracingMiddleware(name: "rate", trace: trace).intercept(request, next: next)
    }
}

/// A platform whose one call goes through its transport.
struct CallingPlatform: AdPlatform {
    static let id: PlatformID = "calling"
    let transport: any HTTPTransport
    var capabilities: PlatformCapabilities { TestCapabilities.search }

    func ping() async throws -> String {
        let url = URL(string: "https://ads.example/v1/ping") ?? URL(fileURLWithPath: "/")
        return String(
            decoding: try await transport.send(PlatformHTTPRequest(method: .get, url: url)).body, as: UTF8.self)
    }

    func createCampaign(_ spec: CampaignSpec, in account: AccountContext) async throws -> PlatformEntity {
        PlatformEntity(platform: Self.id, kind: .campaign, id: try await ping(), name: spec.name)
    }
    func createAdGroup(
        _ spec: AdGroupSpec, under campaign: PlatformEntity, in account: AccountContext
    ) async throws -> PlatformEntity {
        PlatformEntity(platform: Self.id, kind: .adGroup, id: try await ping(), name: spec.name)
    }
    func createAd(
        _ spec: AdSpec, under adGroup: PlatformEntity, in account: AccountContext
    ) async throws -> [PlatformEntity] {
        [PlatformEntity(platform: Self.id, kind: .ad, id: try await ping(), name: spec.name)]
    }
}
