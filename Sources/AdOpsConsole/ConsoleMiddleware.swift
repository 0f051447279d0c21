import Hummingbird
import Logging

/// Wraps every console route: adds the security headers, and turns a failure into a page that says what was wrong
/// with which field, with the status that matches, instead of a JSON problem or a bare status line.
struct ConsoleMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Renders the error page.
    let environment: ConsoleEnvironment
    /// The headers.
    let headers: SecurityHeaders
    /// Where unexpected failures are logged.
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as ConsoleError {
            response = errorPage(request, status: error.status, title: "Not done", message: error.description)
        } catch let error as any HTTPResponseError {
            response = errorPage(
                request, status: error.status, title: error.status.reasonPhrase, message: error.status.reasonPhrase)
        } catch {
            // The detail may hold internals: it is logged, and the person sees that it failed.
            logger.error("console page \(request.uri.path) failed: \(error)")
            response = errorPage(
                request, status: .internalServerError, title: "Something failed",
                message: "The page could not be shown; the server log has the detail.")
        }
        headers.apply(to: &response.headers)
        return response
    }

    /// The error page, with the navigation when someone is signed in.
    private func errorPage(
        _ request: Request, status: HTTPResponse.Status, title: String, message: String
    ) -> Response {
        let csrf = environment.session(of: request).map(environment.codec.csrfToken(for:))
        let body = environment.renderer.page(
            "error", title: title, section: nil, csrf: csrf,
            content: ErrorView(status: status.code, title: title, message: message, back: "/"))
        return environment.html(body, status: status)
    }
}

/// What the error page shows.
struct ErrorView {
    /// The HTTP status code.
    var status: Int
    /// The heading.
    var title: String
    /// What was wrong, naming the field.
    var message: String
    /// Where to go on.
    var back: String
}
