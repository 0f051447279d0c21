import AdPlatformKit
import Automation
import Hummingbird
import Logging
import NIOCore
import Trafficking

/// Turns every error a route or middleware throws into a ``Problem`` response, so callers only ever see
/// `application/problem+json` errors, and unexpected errors are logged without reaching the caller.
///
/// It sits outermost, so it also catches the router's own 404 for unknown routes and 401s from
/// ``APIKeyMiddleware``.
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The request-body limit, for the 413 detail.
    let maximumBodyBytes: Int
    /// The router's paths and methods, to tell a wrong method (405) from an unknown path (404).
    let routeMethods: RouteMethods

    /// Creates the middleware. It tells wrong methods from unknown paths only when made by ``AdOpsAPI``,
    /// which knows the routes; otherwise both are 404.
    public init(maximumBodyBytes: Int) {
        self.init(maximumBodyBytes: maximumBodyBytes, routeMethods: RouteMethods())
    }

    /// Creates the middleware with a route table that is filled once the router's routes are added.
    init(maximumBodyBytes: Int, routeMethods: RouteMethods) {
        self.maximumBodyBytes = maximumBodyBytes
        self.routeMethods = routeMethods
    }

    /// Runs the rest of the chain and converts what it throws.
    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = problem(for: error, request: request, context: context)
            if problem.status >= 500 {
                context.logger.error(
                    "request failed",
                    metadata: [
                        "method": "\(request.method)", "path": "\(request.uri.path)",
                        "error": "\(String(reflecting: error))",
                    ])
            }
            return problem.response()
        }
    }

    /// The problem an error stands for.
    func problem(for error: any Error, request: Request, context: Context) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as SubmissionError:
            return SubmissionProblem.problem(for: error, accountField: { $0.map { "accounts[\($0)]" } ?? "accounts" })
        case let error as RequestDecodingError:
            return .malformedBody(error)
        case let refusal as RuleRefusal:
            return RuleRouteProblem.problem(for: refusal)
        case let error as AutomatorError:
            return RuleRouteProblem.problem(for: error)
        case is NIOTooManyBytesError:
            return .payloadTooLarge(limit: maximumBodyBytes)
        case let error as StoreError:
            switch error.code {
            case .notFound: return .notFound(error.message)
            case .conflict:
                return Problem(status: .conflict, kind: "conflict", title: "Conflict", detail: error.message)
            case .corrupt: return .internalError
            }
        case let error as HTTPError:
            if error.status == .notFound {
                let allowed = routeMethods.allowed(forPath: request.uri.path)
                guard allowed.isEmpty else { return .methodNotAllowed(request.method, allowed: allowed) }
                return .notFound("no route for \(request.method) \(request.uri.path)")
            }
            return Problem(
                status: error.status, kind: "http-\(error.status.code)", title: error.status.reasonPhrase,
                detail: error.body ?? error.status.reasonPhrase, headers: error.headers)
        case let error as any HTTPResponseError where error.status.code < 500:
            return Problem(
                status: error.status, kind: "http-\(error.status.code)", title: error.status.reasonPhrase,
                detail: error.status.reasonPhrase)
        default:
            return .internalError
        }
    }
}
