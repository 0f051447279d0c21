import Crypto
import Foundation
import Trafficking

/// Checks Meta's `X-Hub-Signature-256: sha256=<hex>` header: the HMAC-SHA256 of the raw request body under the app
/// secret, compared in constant time (swift-crypto's `isValidAuthenticationCode`), so the time taken says nothing
/// about how much of a forged signature was right.
enum MetaWebhookSignature {
    /// Why a signature is refused, for the 403 problem.
    enum Failure: Error, Equatable {
        /// No header.
        case missing
        /// Not `sha256=` and 64 hex digits.
        case malformed
        /// Well-formed, but not the body's HMAC under the secret.
        case mismatch

        /// What to tell the caller.
        var message: String {
            switch self {
            case .missing: "the X-Hub-Signature-256 header is missing"
            case .malformed: "the X-Hub-Signature-256 header is not sha256= and 64 hex digits"
            case .mismatch: "the X-Hub-Signature-256 header is not the HMAC-SHA256 of the body under the app secret"
            }
        }
    }

    /// Verifies `header` over `body`; throws the reason it is refused.
    static func verify(header: String?, body: Data, secret: String) throws(Failure) {
        guard let header = header?.trimmingCharacters(in: .whitespaces) else { throw .missing }
        let prefix = "sha256="
        guard header.lowercased().hasPrefix(prefix),
            let digest = HexBytes.decode(String(header.dropFirst(prefix.count))),
            digest.count == SHA256.byteCount
        else { throw .malformed }
        let key = SymmetricKey(data: Data(secret.utf8))
        guard HMAC<SHA256>.isValidAuthenticationCode(digest, authenticating: body, using: key) else {
            throw .mismatch
        }
    }
}
