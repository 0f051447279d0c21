import Foundation

/// An event a landing page's pixel slot sent to the emulator.
public struct PixelEvent: Sendable, Codable, Hashable {
    /// A number unique within the world.
    public var sequence: Int
    /// The platform whose slot sent it.
    public var platform: String
    /// The platform's event name, e.g. `PageView`, `CompleteRegistration`, `SIGN_UP`, `page_view`.
    public var event: String
    /// Whether it is a conversion (anything but a page view).
    public var isConversion: Bool
    /// The page it came from.
    public var page: String
    /// Click ids the page found in its URL (`fbclid`, `ttclid`, `ScCid`, `gclid`).
    public var clickIDs: [String: String]
    /// `utm_*` parameters the page found.
    public var utm: [String: String]
    /// A conversion value in micros of the account currency, when sent.
    public var valueMicros: Int64?
    /// Virtual time it arrived.
    public var receivedAt: Date
    /// The ad it was attributed to, by click id or UTM; `nil` when none matched.
    public var attributedAdID: String?
    /// How it was attributed: `clickID`, `utm`, or `nil`.
    public var attribution: String?
}

/// A click the emulator minted for an ad, so a landing-page visit can be traced back to it.
public struct ClickRecord: Sendable, Codable, Hashable {
    /// The platform.
    public var platform: String
    /// The ad clicked.
    public var adID: String
    /// Virtual time of the click.
    public var at: Date
}
