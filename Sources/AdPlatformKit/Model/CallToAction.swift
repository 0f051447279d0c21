/// The button on an ad, in generic terms. Each platform maps these to its own enum in
/// ``PlatformCapabilities/callToActions``.
public enum CallToAction: String, Sendable, Hashable, ClosedSetDecodable, CodingKeyRepresentable {
    /// Learn more.
    case learnMore
    /// Sign up.
    case signUp
    /// Subscribe.
    case subscribe
    /// Watch now.
    case watchNow
    /// Shop now.
    case shopNow
    /// Download or install.
    case download
    /// Get an offer.
    case getOffer
    /// Book now.
    case bookNow
    /// Contact us.
    case contactUs
    /// Apply now.
    case applyNow

    /// `call to action`.
    public static let valueKind = "call to action"
}
