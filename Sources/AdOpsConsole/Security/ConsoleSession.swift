import Crypto
import Foundation

/// A signed-in browser: a random id and an expiry, carried in a signed cookie, so any process holding the session
/// key can check it without a session table. The CSRF token is derived from the id, so it changes with every
/// sign-in and cannot be guessed without the key.
struct ConsoleSession: Sendable, Hashable {
    /// The cookie's name.
    static let cookieName = "adops_session"

    /// Random, 128 bits, hex.
    var id: String
    /// When it stops being accepted.
    var expires: Date

    /// A new session lasting `lifetime` from `now`.
    static func start(now: Date, lifetime: Duration) -> ConsoleSession {
        ConsoleSession(id: SessionCodec.randomHex(bytes: 16), expires: now + TimeInterval(lifetime.components.seconds))
    }
}

/// Signs and checks session cookies and CSRF tokens with HMAC-SHA256 under the console's session key.
struct SessionCodec: Sendable {
    /// The key's bytes (`SymmetricKey` is not `Sendable`).
    let key: Data

    /// The cookie value: `<id>.<expiry seconds>.<hex HMAC of both>`.
    func cookieValue(_ session: ConsoleSession) -> String {
        let payload = "\(session.id).\(Int64(session.expires.timeIntervalSince1970))"
        return payload + "." + mac("session|" + payload)
    }

    /// The session a cookie value names, if its signature holds and it has not expired at `now`.
    func session(fromCookie value: String, now: Date) -> ConsoleSession? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let seconds = Int64(parts[1]) else { return nil }
        let payload = "\(parts[0]).\(parts[1])"
        guard constantTimeEqual(mac("session|" + payload), String(parts[2])) else { return nil }
        let expires = Date(timeIntervalSince1970: TimeInterval(seconds))
        guard expires > now else { return nil }
        return ConsoleSession(id: String(parts[0]), expires: expires)
    }

    /// The CSRF token of a session: what every form that changes something carries back.
    func csrfToken(for session: ConsoleSession) -> String { mac("csrf|" + session.id) }

    /// Whether a presented token is the session's.
    func checks(csrfToken presented: String?, for session: ConsoleSession) -> Bool {
        guard let presented else { return false }
        return constantTimeEqual(csrfToken(for: session), presented)
    }

    /// The token the sign-in form carries, bound to the random value of its own short-lived cookie, so a page
    /// elsewhere cannot sign a browser in to a session of its choosing.
    func signInToken(nonce: String) -> String { mac("sign-in|" + nonce) }

    /// Whether a sign-in form's token is the one bound to its cookie's nonce.
    func checks(signInToken presented: String?, nonce: String) -> Bool {
        guard let presented else { return false }
        return constantTimeEqual(signInToken(nonce: nonce), presented)
    }

    /// Hex HMAC-SHA256 of a text.
    private func mac(_ text: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: key)).map {
            String(format: "%02x", $0)
        }.joined()
    }

    /// Compares two texts without stopping at the first difference.
    private func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    /// Random bytes as hex, from the system's secure generator.
    static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }
            .joined()
    }
}
