import AdPlatformKit
import Foundation
import HTTPTypes
import Hummingbird
import Trafficking

/// What every console page is given: the engine (the same service layer the REST API calls), the configuration,
/// the renderer and the session codec.
struct ConsoleEnvironment: Sendable {
    /// The engine.
    let engine: TraffickingEngine
    /// The configuration.
    let configuration: ConsoleConfiguration
    /// Renders pages.
    let renderer: PageRenderer
    /// Signs sessions and CSRF tokens.
    let codec: SessionCodec
    /// Checks API keys at sign-in.
    let verifier: APIKeyVerifier
    /// The embedded files.
    let files: ConsoleFiles

    /// The largest form read, in bytes: room for a creative's image as a `data:` URI.
    static let maximumFormBytes = 12 << 20

    /// The store's clock: the console shows the same "today" as the engine, `ADOPS_NOW` included.
    var now: Date { engine.store.clock.now }

    /// The signed-in session of a request, or `nil`.
    func session(of request: Request) -> ConsoleSession? {
        guard let cookie = request.cookies[ConsoleSession.cookieName] else { return nil }
        return codec.session(fromCookie: cookie.value, now: now)
    }

    /// A rendered page as a 200 (or `status`) HTML answer.
    func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// A 303 to `location`, the answer to a form post (Post/Redirect/Get).
    func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A form post's fields, once its CSRF token is checked against the session.
    func form(_ request: Request, context: some RequestContext, session: ConsoleSession) async throws -> FormFields {
        let fields = try await FormFields.read(request, context: context, maximumBytes: Self.maximumFormBytes)
        guard
            codec.checks(
                csrfToken: fields["_csrf"] ?? HTTPField.Name("X-CSRF-Token").flatMap { request.headers[$0] },
                for: session)
        else {
            throw ConsoleError(
                .csrfRejected, field: "_csrf", "the form's security token is missing or expired; reload the page")
        }
        return fields
    }
}
