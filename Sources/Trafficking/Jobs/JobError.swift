import AdPlatformKit

/// Why a job failed or stopped part-way: the platform's message and codes.
public struct JobError: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The message, as the platform gave it where it did.
    public var message: String
    /// The error class, e.g. `invalidParameter`.
    public var code: String
    /// The platform's own error code, e.g. Meta `100`, TikTok `40002`.
    public var platformCode: String?
    /// The step that failed, e.g. `adGroup/families`.
    public var step: String?
    /// The request field the platform blamed, where it named one.
    public var fieldPath: String?

    /// Creates an error.
    public init(
        message: String, code: String, platformCode: String? = nil, step: String? = nil, fieldPath: String? = nil
    ) {
        self.message = message
        self.code = code
        self.platformCode = platformCode
        self.step = step
        self.fieldPath = fieldPath
    }

    /// Describes a platform error at a step.
    public init(_ error: AdPlatformError, step: String?) {
        self.init(
            message: error.message, code: error.code.description,
            platformCode: error.platformCode.map { code in error.platformSubcode.map { "\(code)/\($0)" } ?? code },
            step: step, fieldPath: error.fieldPath)
    }

    /// `message (code, platform code, step)`.
    public var description: String {
        var details = [code]
        if let platformCode { details.append("platform code \(platformCode)") }
        if let step { details.append("step \(step)") }
        return "\(message) (\(details.joined(separator: ", ")))"
    }
}
