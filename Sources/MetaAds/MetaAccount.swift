import AdPlatformKit
import Foundation

/// An ad account as Meta's calls need it: the `act_` node id, the token and app secret, and the settings this
/// module reads.
///
/// Settings keys read: `page_id` (required for creatives: the Facebook Page the ad is posted as) and `pixel_id`
/// (optional: the pixel conversion ad sets optimise for).
struct MetaAccount: Sendable {
    /// The node id in paths, always `act_<digits>`.
    let nodeID: String
    /// The account's currency, which budgets and reported spend are in.
    let currency: Currency
    /// The query items that authenticate every request: `access_token`, and `appsecret_proof` with an app secret.
    let authQuery: [(String, String)]
    private let settings: [String: String]

    /// Reads an account context; throws when the id is not `act_123` or `123`, or there is no token.
    init(_ context: AccountContext, operation: String) throws(AdPlatformError) {
        let trimmed = context.accountID.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.hasPrefix("act_") ? String(trimmed.dropFirst(4)) : trimmed
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw AdPlatformError(
                code: .invalidParameter,
                message: "Meta ad account id '\(context.accountID)' must be act_<digits> or <digits>",
                platform: .meta, operation: operation, fieldPath: "account.accountID")
        }
        let token = context.credentials.accessToken
        guard !token.isEmpty else {
            throw AdPlatformError(
                code: .authInvalid, message: "the Meta access token is empty", platform: .meta, operation: operation,
                fieldPath: "account.credentials.accessToken")
        }
        var query = [("access_token", token)]
        // Meta's SDK sends the proof next to the token when an app secret is configured; apps that require it
        // reject calls without it.
        if let secret = context.credentials.clientSecret, !secret.isEmpty {
            query.append(("appsecret_proof", ContentDigest.hmacSHA256Hex(key: secret, message: token)))
        }
        nodeID = "act_" + digits
        currency = context.currency
        authQuery = query
        settings = context.settings
    }

    /// The Facebook Page creatives are posted as; throws `invalidParameter` when the setting is missing.
    func pageID(operation: String) throws(AdPlatformError) -> String {
        guard let page = settings["page_id"]?.trimmingCharacters(in: .whitespaces), !page.isEmpty else {
            throw AdPlatformError(
                code: .invalidParameter,
                message: "Meta creatives need the Facebook Page id in the account setting 'page_id'",
                platform: .meta, operation: operation, fieldPath: "account.settings.page_id")
        }
        return page
    }

    /// The pixel conversion ad sets optimise for, when set.
    var pixelID: String? {
        guard let pixel = settings["pixel_id"]?.trimmingCharacters(in: .whitespaces), !pixel.isEmpty else {
            return nil
        }
        return pixel
    }
}
