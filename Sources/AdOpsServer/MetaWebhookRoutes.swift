import AdPlatformKit
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOFoundationCompat
import Trafficking

/// `GET` and `POST /api/v1/webhooks/meta`: Meta's subscription handshake and its signed deliveries (reference
/// §6.1). Open without an API key, since Meta cannot send one (``APIKeyMiddleware`` exempts the path); the
/// verify token and the signature stand in for it. Both answer 503 until ``MetaWebhookConfiguration`` is set.
struct MetaWebhookRoutes<Context: RequestContext>: Sendable {
    /// The path, exempt from the API key.
    static var path: String { "/api/v1/webhooks/meta" }

    /// `X-Hub-Signature-256`.
    static var signatureHeader: HTTPField.Name? { HTTPField.Name("X-Hub-Signature-256") }

    /// The engine, for its store.
    let engine: TraffickingEngine
    /// The secret and verify token; `nil` when not configured.
    let configuration: MetaWebhookConfiguration?
    /// The request-body limit.
    let maximumBodyBytes: Int

    /// Adds the routes under `group` (`/api/v1`).
    func addRoutes(to group: RouterGroup<Context>) {
        group.get("webhooks/meta", use: handshake)
        group.post("webhooks/meta", use: receive)
    }

    /// `GET ?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…`: the challenge back as text/plain when the token
    /// is ours; 403 otherwise.
    @Sendable func handshake(_ request: Request, context: Context) async throws -> Response {
        let configuration = try configured()
        let query = request.uri.queryParameters
        guard let mode = query.get("hub.mode"), mode == "subscribe" else {
            throw Problem.invalidParameter("hub.mode", "expected subscribe")
        }
        guard let challenge = query.get("hub.challenge"), !challenge.isEmpty, challenge.utf8.count <= 256 else {
            throw Problem.invalidParameter("hub.challenge", "expected the challenge to echo (at most 256 bytes)")
        }
        guard let token = query.get("hub.verify_token"),
            Self.equalInConstantTime(Data(token.utf8), Data(configuration.verifyToken.utf8))
        else {
            throw Self.forbidden("hub.verify_token", "the verify token is not the one configured")
        }
        return Response(
            status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: challenge)))
    }

    /// `POST`: verifies `X-Hub-Signature-256` over the raw body, then applies the delivery's new changes at once;
    /// answers 200 with counts, so Meta does not retry. A replayed delivery answers 200 too, with its changes counted
    /// as duplicates.
    @Sendable func receive(_ request: Request, context: Context) async throws -> Response {
        let configuration = try configured()
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maximumBodyBytes {
            throw Problem.payloadTooLarge(limit: maximumBodyBytes)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBodyBytes)
        } catch is NIOTooManyBytesError {
            throw Problem.payloadTooLarge(limit: maximumBodyBytes)
        }
        let body = Data(buffer: buffer)
        let header = Self.signatureHeader.flatMap { request.headers[$0] }
        do throws(MetaWebhookSignature.Failure) {
            try MetaWebhookSignature.verify(header: header, body: body, secret: configuration.appSecret)
        } catch {
            throw Self.forbidden("X-Hub-Signature-256", error.message)
        }
        let changes = try MetaWebhookPayload.changes(from: body)
        let report = try await engine.store.applyWebhookChanges(
            changes, from: .meta, receivedAt: engine.store.clock.now)
        return try JSONBody.response(WebhookReceiptResource(report))
    }

    /// The configuration, or a 503 naming the settings to set.
    private func configured() throws -> MetaWebhookConfiguration {
        guard let configuration else {
            throw Problem(
                status: .serviceUnavailable, kind: "webhook-not-configured", title: "Webhook not configured",
                detail: "Meta webhooks are not configured: set ADOPS_META_APP_SECRET and "
                    + "ADOPS_META_WEBHOOK_VERIFY_TOKEN")
        }
        return configuration
    }

    /// 403, naming what was refused.
    static func forbidden(_ field: String, _ message: String) -> Problem {
        Problem(
            status: .forbidden, kind: "forbidden", title: "Forbidden", detail: "\(field): \(message)",
            violations: [ProblemViolation(field: field, rule: "forbidden", message: message)])
    }

    /// Compares two byte strings without stopping at the first difference (lengths are not secret).
    static func equalInConstantTime(_ lhs: Data, _ rhs: Data) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
        return difference == 0
    }
}
