/// The one error every platform module throws.
///
/// The engine decides whether to retry, refresh credentials or fail from ``code`` alone; the other properties
/// carry what the platform said, for people and logs. The shape follows `FileSystemError` in swift-nio: an
/// evolvable code plus context.
public struct AdPlatformError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a small evolvable set of codes. New codes may be added; switch with a default.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case rateLimited, authExpired, authInvalid, permissionDenied, invalidParameter, budgetTooLow
            case notFound, duplicate, unsupported, transient, permanent, malformedResponse
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The platform throttled the call; retry after ``AdPlatformError/retryAfter`` or a backoff.
        public static let rateLimited = Code(.rateLimited)
        /// The access token expired; refresh it and retry.
        public static let authExpired = Code(.authExpired)
        /// The credentials are wrong or revoked; a person must re-authorise.
        public static let authInvalid = Code(.authInvalid)
        /// The credentials are valid but may not do this (missing scope, developer token not approved).
        public static let permissionDenied = Code(.permissionDenied)
        /// A parameter was rejected; ``AdPlatformError/fieldPath`` names it when known.
        public static let invalidParameter = Code(.invalidParameter)
        /// The budget is below the platform's minimum.
        public static let budgetTooLow = Code(.budgetTooLow)
        /// The entity or its parent does not exist.
        public static let notFound = Code(.notFound)
        /// The entity already exists, or the request was a duplicate.
        public static let duplicate = Code(.duplicate)
        /// The platform does not support what was asked (an objective, a media type, an ability).
        public static let unsupported = Code(.unsupported)
        /// A temporary failure: a 5xx, a timeout, a dropped connection. Retry with backoff.
        public static let transient = Code(.transient)
        /// A failure that retrying will not fix.
        public static let permanent = Code(.permanent)
        /// The platform answered with a body this library could not understand.
        public static let malformedResponse = Code(.malformedResponse)

        /// The code's name, e.g. `rateLimited`.
        public var description: String { base.rawValue }
    }

    /// What the engine should do about an error.
    public enum Disposition: String, Sendable, Hashable {
        /// Retry the same call after a delay.
        case retry
        /// Refresh the access token, then retry.
        case refreshCredentials
        /// Give up; retrying will not help.
        case fail
    }

    /// What went wrong.
    public var code: Code
    /// A sentence for a person; for platform errors, the platform's own message.
    public var message: String
    /// The platform that answered, when the error came from one.
    public var platform: PlatformID?
    /// The operation that failed, e.g. `createCampaign`.
    public var operation: String?
    /// The HTTP status of the response, when there was one.
    public var httpStatus: Int?
    /// The platform's own error code, e.g. Meta `100`, TikTok `40002`, Snap `E3003`, Google `fieldError.REQUIRED`.
    public var platformCode: String?
    /// The platform's own subcode, e.g. Meta `1487742`.
    public var platformSubcode: String?
    /// How long the platform asked us to wait, when it said.
    public var retryAfter: Duration?
    /// The field the platform or validation blamed, e.g. `operations[0].create.name`.
    public var fieldPath: String?
    /// The platform's request id, for support tickets.
    public var requestID: String?
    /// The underlying error, such as a transport failure.
    public var cause: (any Error & Sendable)?

    /// Creates an error; only `code` and `message` are required.
    public init(
        code: Code, message: String, platform: PlatformID? = nil, operation: String? = nil, httpStatus: Int? = nil,
        platformCode: String? = nil, platformSubcode: String? = nil, retryAfter: Duration? = nil,
        fieldPath: String? = nil, requestID: String? = nil, cause: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.platform = platform
        self.operation = operation
        self.httpStatus = httpStatus
        self.platformCode = platformCode
        self.platformSubcode = platformSubcode
        self.retryAfter = retryAfter
        self.fieldPath = fieldPath
        self.requestID = requestID
        self.cause = cause
    }

    /// Retry, refresh or fail, decided from ``code`` alone.
    public var disposition: Disposition {
        switch code {
        case .rateLimited, .transient: .retry
        case .authExpired: .refreshCredentials
        default: .fail
        }
    }

    /// One line with the code, platform, operation, platform code and field.
    public var description: String {
        var parts = ["\(code)"]
        if let platform { parts.append("platform=\(platform)") }
        if let operation { parts.append("operation=\(operation)") }
        if let httpStatus { parts.append("http=\(httpStatus)") }
        if let platformCode {
            parts.append("platformCode=\(platformCode)" + (platformSubcode.map { "/\($0)" } ?? ""))
        }
        if let fieldPath { parts.append("field=\(fieldPath)") }
        if let retryAfter { parts.append("retryAfter=\(retryAfter)") }
        return "\(parts.joined(separator: " ")): \(message)"
    }
}
