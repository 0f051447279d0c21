import Foundation
import Hummingbird
import NIOCore

/// `GET /api/v1/openapi.yaml`: the OpenAPI 3 document describing this API, from the module's resources.
struct OpenAPIRoutes<Context: RequestContext>: Sendable {
    /// The document, read once when the router is built; `nil` if the resource is missing from the bundle.
    let document: ByteBuffer?

    /// Reads the bundled document.
    init() {
        document = Bundle.module.url(forResource: "openapi", withExtension: "yaml")
            .flatMap { try? Data(contentsOf: $0) }
            .map { ByteBuffer(bytes: $0) }
    }

    /// Adds the route under `group` (`/api/v1`).
    func addRoutes(to group: RouterGroup<Context>) {
        group.get("openapi.yaml", use: serve)
    }

    /// The document as `application/yaml`.
    @Sendable func serve(_ request: Request, context: Context) async throws -> Response {
        guard let document else { throw Problem.internalError }
        return Response(
            status: .ok,
            headers: [.contentType: "application/yaml", .contentLength: String(document.readableBytes)],
            body: ResponseBody(byteBuffer: document))
    }
}
