import Hummingbird

/// Serves the console's stylesheet, scripts and icons from the binary. A URL with the file's current version
/// (`?v=…`, as pages link them) may be kept for a year; any other is revalidated by its ETag.
struct AssetRoutes: Sendable {
    /// The files.
    let files: ConsoleFiles

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.get("assets/:name") { request, context in
            let name = try context.parameters.require("name")
            guard let asset = files.assets[name] else {
                throw ConsoleError(.notFound, field: "name", "there is no console asset named \(name)")
            }
            let etag = "\"\(asset.version)\""
            let current = request.uri.queryParameters["v"].map(String.init) == asset.version
            var headers: HTTPFields = [
                .contentType: asset.contentType, .eTag: etag,
                .cacheControl: current ? "public, max-age=31536000, immutable" : "no-cache",
            ]
            if request.headers[.ifNoneMatch] == etag {
                headers[.contentType] = nil
                return Response(status: .notModified, headers: headers)
            }
            return Response(
                status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.data)))
        }
    }
}
