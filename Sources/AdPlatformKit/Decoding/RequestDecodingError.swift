/// Why a request body could not be read, naming the field.
public struct RequestDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field, e.g. `budget.currency` or `creatives[1].callToAction`; empty for the document itself.
    public var fieldPath: String
    /// Why, e.g. `unknown currency 'USX'; expected an ISO-4217 code such as USD`.
    public var message: String

    /// Creates an error.
    public init(fieldPath: String, message: String) {
        self.fieldPath = fieldPath
        self.message = message
    }

    /// `budget.currency: unknown currency 'USX'…`.
    public var description: String { fieldPath.isEmpty ? message : "\(fieldPath): \(message)" }
}
