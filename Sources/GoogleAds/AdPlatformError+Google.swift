import AdPlatformKit

extension AdPlatformError {
    /// An error this module raises itself, before or after a call, tagged with the platform and operation.
    static func google(
        _ code: Code, _ message: String, operation: String, httpStatus: Int? = nil, fieldPath: String? = nil,
        cause: (any Error & Sendable)? = nil
    ) -> AdPlatformError {
        AdPlatformError(
            code: code, message: message, platform: .google, operation: operation, httpStatus: httpStatus,
            fieldPath: fieldPath, cause: cause)
    }
}
