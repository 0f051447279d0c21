/// Why a request body could not be read, naming the field.
public struct RequestDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field, e.g. `budget.currency` or `creatives[1].callToAction`; empty for the document itself.
    public var fieldPath: String
    /// Why, e.g. `unknown currency 'USX'; expected an ISO-4217 code such as USD`.
    public var message: String
    /// The rule a well-formed value breaks, such as `tooPrecise` for `"10.505"` USD; `nil` when the body itself is
    /// malformed. No schema can say how many decimals each currency allows, so the API answers these 422 (a broken
    /// rule) rather than 400 (a malformed body).
    public var brokenRule: String?

    /// Creates an error.
    public init(fieldPath: String, message: String, brokenRule: String? = nil) {
        self.fieldPath = fieldPath
        self.message = message
        self.brokenRule = brokenRule
    }

    /// `budget.currency: unknown currency 'USX'…`.
    public var description: String { fieldPath.isEmpty ? message : "\(fieldPath): \(message)" }
}
