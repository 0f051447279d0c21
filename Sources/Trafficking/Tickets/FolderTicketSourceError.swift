/// A folder ticket source could not do its work: the folder is missing or unreadable, or a result file could not be
/// written. Problems with single tickets are ``TicketProblem``s instead, and do not stop the others.
public struct FolderTicketSourceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The folder or file.
    public var path: String
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `/tickets: no such folder`.
    public var description: String { "\(path): \(message)" }
}
