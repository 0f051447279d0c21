import Foundation
import Hummingbird
import Trafficking

/// `GET /sign-in`, `POST /sign-in` and `POST /sign-out`: an API key in, a session cookie out.
///
/// The sign-in form carries a token bound to a short-lived cookie of its own, so a page elsewhere cannot sign a
/// browser in to a session of its choosing (login CSRF); a wrong key gets the form back with a 401 and no hint of
/// how close it was.
struct SignInPage: Sendable {
    /// The plumbing.
    let routes: ConsoleRoutes

    /// The sign-in form's own cookie.
    static let nonceCookie = "adops_sign_in"

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        let environment = routes.environment
        group.get("sign-in") { request, _ in
            if environment.session(of: request) != nil { return environment.redirect(to: "/") }
            return form(next: Self.safeNext(request.uri.queryParameters["next"].map(String.init)), error: nil)
        }
        group.post("sign-in") { request, context in
            let fields = try await FormFields.read(request, context: context, maximumBytes: 16 << 10)
            let next = Self.safeNext(fields["next"])
            guard let nonce = request.cookies[Self.nonceCookie]?.value,
                environment.codec.checks(signInToken: fields["_csrf"], nonce: nonce)
            else {
                return form(
                    next: next, error: "The sign-in form expired; enter the key again.", status: .forbidden)
            }
            guard let key = fields["key"]?.trimmingCharacters(in: .whitespaces), !key.isEmpty else {
                return form(next: next, error: "Enter an API key.", status: .badRequest)
            }
            guard environment.verifier.accepts(key) else {
                return form(next: next, error: "That API key is not accepted.", status: .unauthorized)
            }
            let session = ConsoleSession.start(
                now: environment.now, lifetime: environment.configuration.sessionLifetime)
            var response = environment.redirect(to: next)
            response.setCookie(
                Cookie(
                    name: ConsoleSession.cookieName, value: environment.codec.cookieValue(session),
                    maxAge: Int(environment.configuration.sessionLifetime.components.seconds), path: "/",
                    secure: environment.configuration.secureCookies, httpOnly: true, sameSite: .strict))
            response.setCookie(expired(Self.nonceCookie))
            return response
        }
        group.post("sign-out") { request, context in
            if let session = environment.session(of: request) {
                _ = try await environment.form(request, context: context, session: session)
            }
            var response = environment.redirect(to: "/sign-in")
            response.setCookie(expired(ConsoleSession.cookieName))
            return response
        }

        /// The form, with a fresh nonce cookie and the token bound to it.
        @Sendable func form(next: String, error: String?, status: HTTPResponse.Status = .ok) -> Response {
            let nonce = SessionCodec.randomHex(bytes: 16)
            let body = environment.renderer.page(
                "sign-in", title: "Sign in", section: nil, csrf: nil,
                content: SignInView(next: next, token: environment.codec.signInToken(nonce: nonce), error: error))
            var response = environment.html(body, status: status)
            response.setCookie(
                Cookie(
                    name: Self.nonceCookie, value: nonce, maxAge: 3_600, path: "/sign-in",
                    secure: environment.configuration.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        }

        /// A cookie that the browser drops.
        @Sendable func expired(_ name: String) -> Cookie {
            Cookie(
                name: name, value: "", maxAge: 0, path: name == Self.nonceCookie ? "/sign-in" : "/",
                secure: environment.configuration.secureCookies, httpOnly: true, sameSite: .strict)
        }
    }

    /// Where to go after signing in: a path on this console, never another site (`//evil`, `https://…`).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"),
            !next.contains(where: { $0.isNewline })
        else { return "/" }
        return next
    }
}

/// What the sign-in form shows.
struct SignInView {
    /// Where to go after.
    var next: String
    /// The form's token.
    var token: String
    /// Why the last try failed.
    var error: String?
}
