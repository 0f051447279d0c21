import NIOConcurrencyHelpers

/// Tokens the control plane revoked (`POST /_mock/oauth/revoke`), as a person revoking an app's access would: the
/// OAuth endpoints then refuse them with each platform's own answer (Snapchat and Google `invalid_grant`, Meta code
/// 190, TikTok 40107), so tests can make a refresh fail the way a revoked grant does. A full reset forgets them.
public final class RevokedTokens: Sendable {
    private let tokens = NIOLockedValueBox(Set<String>())

    /// Creates an empty set.
    public init() {}

    /// Revokes a token (a refresh token, or a Meta access token offered for exchange).
    public func revoke(_ token: String) {
        tokens.withLockedValue { _ = $0.insert(token) }
    }

    /// Whether the token was revoked.
    public func contains(_ token: String) -> Bool {
        tokens.withLockedValue { $0.contains(token) }
    }

    /// How many tokens are revoked.
    public var count: Int { tokens.withLockedValue { $0.count } }

    /// Forgets every revocation.
    public func removeAll() {
        tokens.withLockedValue { $0.removeAll() }
    }
}
