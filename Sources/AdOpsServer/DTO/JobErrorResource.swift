import Trafficking

/// Why a job failed or stopped part-way, as the API returns it.
struct JobErrorResource: Encodable, Sendable {
    /// The message, as the platform gave it where it did.
    var message: String
    /// The error class, e.g. `invalidParameter`.
    var code: String
    /// The platform's own code, e.g. Meta `100`.
    var platformCode: String?
    /// The step that failed, e.g. `adGroup/families`.
    var step: String?
    /// The request field the platform blamed.
    var field: String?

    private enum CodingKeys: String, CodingKey {
        case message, code
        case platformCode = "platform_code"
        case step, field
    }

    /// The resource for a job error.
    init(_ error: JobError) {
        message = error.message
        code = error.code
        platformCode = error.platformCode
        step = error.step
        field = error.fieldPath
    }
}
