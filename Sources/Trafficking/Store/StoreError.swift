/// A store operation that could not be done, naming what and why.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The record does not exist (or is deleted).
        case notFound
        /// The change conflicts with the record's state, e.g. retrying a running job.
        case conflict
        /// Stored data could not be read back (a corrupt row, or credentials encrypted with another key).
        case corrupt
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}
