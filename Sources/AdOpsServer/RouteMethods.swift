import HTTPTypes
import Hummingbird
import Synchronization

/// The methods each of the router's paths answers, so a known path asked with another method gets
/// `405 Method Not Allowed` and an `Allow` header, as RFC 9110 wants, rather than a 404 that says the path does
/// not exist.
///
/// Hummingbird's router answers both cases with 404. The table is read from the router itself once every route
/// is added (``fill(from:)``), so it cannot drift from the routes.
final class RouteMethods: Sendable {
    private let routes = Mutex<[(path: RouterPath, method: HTTPRequest.Method)]>([])

    /// An empty table; ``ProblemMiddleware`` holds it before the routes exist.
    init() {}

    /// Reads every route of a router.
    func fill<Context>(from router: Router<Context>) {
        let described = router.routes.map { (path: $0.path, method: $0.method) }
        routes.withLock { $0 = described }
    }

    /// The methods the routes whose pattern matches `path` answer, sorted; empty when none matches.
    func allowed(forPath path: String) -> [HTTPRequest.Method] {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        let methods: [HTTPRequest.Method] = routes.withLock { routes in
            routes.filter { route in Self.matches(route.path, components) }.map(\.method)
        }
        var seen: Set<String> = []
        return methods.filter { seen.insert($0.rawValue).inserted }.sorted { $0.rawValue < $1.rawValue }
    }

    private static func matches(_ pattern: RouterPath, _ components: [Substring]) -> Bool {
        pattern.components.count == components.count
            && zip(pattern.components, components).allSatisfy { element, component in element ~= component }
    }
}
