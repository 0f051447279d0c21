import HTTPTypes

/// Why the console could not show or do what was asked, naming the input at fault; shown to the person as a page
/// with the matching status.
public struct ConsoleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable, Codable {
        /// A template of the build does not parse (a defect, found when the console starts).
        case brokenTemplate
        /// A form or query field is missing or wrong.
        case invalidField
        /// What the URL names does not exist.
        case notFound
        /// The form's CSRF token is missing or not this session's.
        case csrfRejected
        /// The API key given at sign-in is not accepted.
        case signInRejected
        /// The engine refused the change (e.g. a campaign not yet launched).
        case refused
    }

    /// The kind of failure.
    public var code: Code
    /// The input at fault: a form field, `id`, `_csrf`.
    public var field: String
    /// What went wrong, for a person.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, field: String, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }

    /// The status the page answers with.
    var status: HTTPResponse.Status {
        switch code {
        case .brokenTemplate: .internalServerError
        case .invalidField: .badRequest
        case .notFound: .notFound
        case .csrfRejected: .forbidden
        case .signInRejected: .unauthorized
        case .refused: .conflict
        }
    }
}
