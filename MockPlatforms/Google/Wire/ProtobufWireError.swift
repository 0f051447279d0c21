/// A protobuf message that could not be read or written: which field, of which message, and why.
struct ProtobufWireError: Error, CustomStringConvertible, Equatable {
    /// The field path from the outermost message, as `["operations[0]", "create", "name"]`.
    var path: [String] = []
    /// Why it failed.
    var reason: String

    /// An error at the message being read; callers add the fields that lead to it with ``at(_:)``.
    init(_ reason: String) { self.reason = reason }

    /// `operations[0].create.name: a string that is not valid UTF-8`.
    var description: String { path.isEmpty ? reason : "\(path.joined(separator: ".")): \(reason)" }

    /// The same error, inside a field of an enclosing message.
    func at(_ field: String) -> ProtobufWireError {
        var copy = self
        copy.path.insert(field, at: 0)
        return copy
    }
}
