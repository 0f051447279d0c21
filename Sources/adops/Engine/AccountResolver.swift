import AdPlatformKit
import Foundation
import Trafficking

/// Finds ad accounts the way people name them: by our id or by the platform's own account id (`act_1001`).
struct AccountResolver {
    /// The store holding the accounts.
    let store: any TraffickingStore

    /// Every account that is not deleted, oldest first, optionally of one platform, across all pages.
    func all(platform: PlatformID? = nil) async throws -> [AdAccount] {
        var accounts: [AdAccount] = []
        var page = PageRequest(limit: PageRequest.maximumLimit)
        while true {
            let slice = try await store.accounts(platform: platform, page: page)
            accounts += slice.items
            guard let next = slice.nextOffset else { return accounts }
            page = PageRequest(limit: PageRequest.maximumLimit, offset: next)
        }
    }

    /// The account a reference names: our UUID, or a platform account id that only one account has. Throws a
    /// failed-operation error naming `field` when none or several match.
    func account(_ reference: String, field: String) async throws -> AdAccount {
        if let id = UUID(uuidString: reference), let account = try await store.account(id) {
            return account
        }
        let matches = try await all().filter { $0.platformAccountID == reference }
        switch matches.count {
        case 1:
            return matches[0]
        case 0:
            throw CommandFailure.failed(
                "\(field): no ad account '\(reference)' is registered (see `adops accounts list`)")
        default:
            let listed = matches.map { "\($0.id.uuidString) (\($0.platform))" }.joined(separator: ", ")
            throw CommandFailure.failed(
                "\(field): '\(reference)' is the account id of \(matches.count) accounts; name one by our id: \(listed)"
            )
        }
    }

    /// The accounts to traffic to: the named ones (each on one of `platforms` when that is given), else the first
    /// ACTIVE account of each platform in `platforms`, else of every registered platform that has one.
    /// `accountField` and `platformField` name where the names and platforms came from, for messages.
    func trafficAccounts(
        named references: [String], accountField: String, platforms: [PlatformID]?, platformField: String,
        registered: [PlatformID]
    ) async throws -> [AdAccount] {
        if !references.isEmpty {
            var chosen: [AdAccount] = []
            for reference in references {
                let account = try await account(reference, field: accountField)
                if let platforms, !platforms.contains(account.platform) {
                    throw CommandFailure.usage(
                        "\(accountField) \(reference): it is a \(account.platform) account, but \(platformField) names "
                            + platforms.map(\.rawValue).joined(separator: ", "))
                }
                if !chosen.contains(where: { $0.id == account.id }) { chosen.append(account) }
            }
            return chosen
        }
        let active = try await all().filter { $0.status == .active }
        guard let platforms else {
            let chosen = registered.compactMap { platform in active.first { $0.platform == platform } }
            guard !chosen.isEmpty else {
                throw CommandFailure.failed(
                    "no ACTIVE ad account is registered; add one with `adops accounts add --platform meta …`")
            }
            return chosen
        }
        return try platforms.map { platform in
            guard let account = active.first(where: { $0.platform == platform }) else {
                throw CommandFailure.failed(
                    "\(platformField): no ACTIVE \(platform) ad account is registered; add one with "
                        + "`adops accounts add --platform \(platform) …`")
            }
            return account
        }
    }
}
