import AdPlatformKit
import Foundation

/// Sends a rule's signed webhooks, retrying what may succeed later: a connection that failed, a 429 or a 5xx, up
/// to ``attempts`` times with a doubling pause. A 4xx other than 429 is the receiver refusing, and is not retried.
///
/// The delivery id (`X-AdOps-Delivery`) stays the same across retries, so a receiver that saw the first attempt
/// can drop the repeat.
public struct WebhookSender: Sendable {
    /// How the bytes travel.
    public let transport: any HTTPTransport
    /// How many times one delivery is tried, at least once.
    public var attempts: Int
    /// The pause after the first failure; each later pause doubles.
    public var backoff: Duration

    /// A sender over `transport`.
    public init(transport: any HTTPTransport, attempts: Int = 3, backoff: Duration = .seconds(1)) {
        self.transport = transport
        self.attempts = max(1, attempts)
        self.backoff = backoff
    }

    /// POSTs the delivery, retrying as described, and says what the receiver answered last.
    public func send(_ delivery: WebhookDelivery) async -> PlatformResponse {
        guard let url = URL(string: delivery.url), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host != nil
        else {
            return PlatformResponse(succeeded: false, message: "'\(delivery.url)' is not an http or https URL")
        }
        var headers = HTTPHeaderFields()
        for (name, value) in delivery.headers.sorted(by: { $0.key < $1.key }) { headers[name] = value }
        let request = PlatformHTTPRequest(method: .post, url: url, headers: headers, body: delivery.body)
        var pause = backoff
        var last = PlatformResponse(succeeded: false, message: "not sent")
        for attempt in 1...attempts {
            let retryable: Bool
            do {
                let response = try await transport.send(request)
                let note = "HTTP \(response.status) from \(url.host ?? delivery.url) on attempt \(attempt)"
                if response.isSuccess { return PlatformResponse(succeeded: true, message: note) }
                last = PlatformResponse(succeeded: false, message: note)
                retryable = response.status == 429 || response.status >= 500
            } catch {
                last = PlatformResponse(succeeded: false, message: "attempt \(attempt) failed: \(error)")
                retryable = true
            }
            guard retryable, attempt < attempts else { break }
            try? await Task.sleep(for: pause)
            pause *= 2
        }
        return last
    }
}
