import Hummingbird

/// Any other GET outside the API: the console's own "no such page", in HTML with the navigation, instead of the
/// API's JSON answer. `**` is the router's least specific route, and the router never backs up to it from a
/// constant that matched, so every page and every `/api/v1/…` path (known or not) keeps its own answer.
struct NotFoundPage: Sendable {
    /// Adds the catch-all to the console's group.
    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.get("**") { request, _ -> Response in
            throw ConsoleError(.notFound, field: "path", "there is no page at \(request.uri.path)")
        }
    }
}
