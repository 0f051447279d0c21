import Foundation

/// A `multipart/form-data` body, for image and media uploads.
public struct MultipartFormData: Sendable {
    /// The boundary between parts; deterministic by default so request fixtures are stable.
    public let boundary: String
    private var body = Data()

    /// Creates an empty body with a boundary.
    public init(boundary: String = "adops-boundary-7d3f9a2c41e8") {
        self.boundary = boundary
    }

    /// Adds a plain text field.
    public mutating func addField(name: String, value: String) {
        appendLine("--\(boundary)")
        appendLine("Content-Disposition: form-data; name=\"\(quoted(name))\"")
        appendLine("")
        appendLine(value)
    }

    /// Adds a file field with its file name and content type.
    public mutating func addFile(name: String, fileName: String, contentType: String, data: Data) {
        appendLine("--\(boundary)")
        appendLine("Content-Disposition: form-data; name=\"\(quoted(name))\"; filename=\"\(quoted(fileName))\"")
        appendLine("Content-Type: \(contentType)")
        appendLine("")
        body.append(data)
        appendLine("")
    }

    /// The value for the `Content-Type` header.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The finished body, with the closing boundary.
    public var data: Data {
        var finished = body
        finished.append(Data("--\(boundary)--\r\n".utf8))
        return finished
    }

    private mutating func appendLine(_ line: String) {
        body.append(Data((line + "\r\n").utf8))
    }

    private func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: "")
    }
}
