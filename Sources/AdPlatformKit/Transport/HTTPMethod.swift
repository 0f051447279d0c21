/// The HTTP methods the platform APIs use.
public enum HTTPMethod: String, Sendable, Hashable, Codable {
    /// GET.
    case get = "GET"
    /// POST.
    case post = "POST"
    /// PUT.
    case put = "PUT"
    /// PATCH.
    case patch = "PATCH"
    /// DELETE.
    case delete = "DELETE"
}
