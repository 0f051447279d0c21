/// A protobuf message that could not be read or written: which field, of which message, and why.
struct ProtobufWireError: Error, CustomStringConvertible, Equatable {
    /// What went wrong, naming the field path (`operations[0].create.name`) when there is one.
    var description: String

    /// Creates an error.
    init(_ description: String) { self.description = description }

    /// The same error, with a field path in front of its message.
    func at(_ path: String) -> ProtobufWireError {
        guard !path.isEmpty else { return self }
        return ProtobufWireError("\(path): \(description)")
    }
}
