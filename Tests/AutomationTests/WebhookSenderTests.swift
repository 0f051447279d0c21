import AdPlatformKit
import AdPlatformTesting
import Automation
import Foundation
import Synchronization
import Testing

/// Webhooks are retried while a retry may help, and not otherwise.
@Suite("Webhook sender")
struct WebhookSenderTests {
    static let delivery = WebhookDelivery(
        url: "http://127.0.0.1:9/hooks", headers: ["X-AdOps-Delivery": "d-1"], body: Data("{}".utf8))

    @Test("A 503 and a dropped connection are retried until a 2xx; the same delivery id goes each time")
    func retriesUntilSuccess() async {
        let transport = ScriptedTransport()
        transport.enqueue(PlatformHTTPResponse(status: 503))
        let calls = Counter()
        let sender = WebhookSender(transport: transport, attempts: 3, backoff: .zero)
        let flaky = WebhookSender(
            transport: ScriptedTransport { _ in
                if calls.next() == 1 { throw AdPlatformError(code: .transient, message: "connection refused") }
                return PlatformHTTPResponse(status: 204)
            }, attempts: 3, backoff: .zero)
        transport.enqueue(PlatformHTTPResponse(status: 200))

        let response = await sender.send(Self.delivery)
        #expect(response.succeeded && response.message.contains("attempt 2"))
        #expect(transport.requests.map { $0.headers["X-AdOps-Delivery"] } == ["d-1", "d-1"])
        #expect(transport.requests.allSatisfy { $0.method == .post && $0.body == Data("{}".utf8) })
        #expect(await flaky.send(Self.delivery).succeeded)
        #expect(calls.value == 2)
    }

    @Test("A 400 is the receiver refusing: not retried; three 500s give up with the last answer")
    func refusalsAndGivingUp() async {
        let refusing = ScriptedTransport()
        refusing.enqueue(PlatformHTTPResponse(status: 400))
        let refused = await WebhookSender(transport: refusing, backoff: .zero).send(Self.delivery)
        #expect(!refused.succeeded && refused.message.contains("HTTP 400") && refusing.requests.count == 1)

        let failing = ScriptedTransport { _ in PlatformHTTPResponse(status: 500) }
        let failed = await WebhookSender(transport: failing, attempts: 3, backoff: .zero).send(Self.delivery)
        #expect(!failed.succeeded && failed.message.contains("attempt 3") && failing.requests.count == 3)
    }

    @Test("A URL that is not http or https is reported, and nothing is sent")
    func badURL() async {
        let transport = ScriptedTransport()
        var delivery = Self.delivery
        delivery.url = "ftp://example.com/hook"
        let response = await WebhookSender(transport: transport).send(delivery)
        #expect(!response.succeeded && response.message.contains("not an http or https URL"))
        #expect(transport.requests.isEmpty)
    }
}

/// A thread-safe count of calls.
private final class Counter: Sendable {
    private let count = Mutex(0)
    func next() -> Int {
        count.withLock {
            $0 += 1; return $0
        }
    }
    var value: Int { count.withLock { $0 } }
}
