import AdPlatformKit
import Foundation

extension JobError {
    /// The error code of a job or action waiting for its account's re-authorisation.
    public static let accountRequiresReauthCode = "accountRequiresReauth"

    /// The error a job or action waits with while its account is REQUIRES_REAUTH: it names the account, why (the
    /// platform's refusal, where there was one), and how to release it.
    public static func awaitingReauthorisation(
        account id: UUID, name: String?, because cause: AdPlatformError?, step: String?
    ) -> JobError {
        let account = name.map { "ad account '\($0)' (\(id.uuidString.lowercased()))" } ?? "ad account \(id)"
        let reason = cause.map {
            ": \($0.platform?.rawValue ?? "the platform") refused its credentials (\($0.message))"
        }
        return JobError(
            message: "\(account) requires re-authorisation\(reason ?? ""). The work waits; update its credentials "
                + "with `adops accounts update \(id.uuidString.lowercased()) --access-token … --refresh-token …` "
                + "(or PUT /api/v1/ad_accounts/\(id.uuidString.lowercased())) and it resumes",
            code: accountRequiresReauthCode,
            platformCode: cause?.platformCode.map { code in cause?.platformSubcode.map { "\(code)/\($0)" } ?? code },
            step: step, fieldPath: cause?.fieldPath)
    }
}
