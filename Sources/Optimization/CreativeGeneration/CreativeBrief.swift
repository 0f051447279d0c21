import AdPlatformKit
import Foundation
import Trafficking

/// What a generator writes variations from: the product, the brand, what it offers, and the lines each angle draws
/// on. Only the brand, product, benefit and landing page are required; the generator falls back to them where an
/// angle's own line is missing.
public struct CreativeBrief: Sendable, Hashable, Codable {
    /// The prefix of the variations' keys: `<key>-v1-meta`.
    public var key: String
    /// The advertiser as shown (TikTok display name, Snapchat brand name).
    public var brandName: String
    /// The product or service, e.g. `Disney+`.
    public var product: String
    /// What it does for the viewer, e.g. `Stream new originals every week`.
    public var benefit: String
    /// Evidence others use it, e.g. `Loved by millions of families`.
    public var socialProof: String?
    /// Why now, e.g. `Offer ends Sunday`.
    public var urgency: String?
    /// The viewer's problem, e.g. `Nothing to watch tonight?`.
    public var problem: String?
    /// How the product answers it, e.g. `Thousands of films, one subscription`.
    public var solution: String?
    /// The button asked for; mapped per platform, or the nearest the platform has.
    public var callToAction: CallToAction
    /// The landing page.
    public var landingURL: String
    /// Images and videos to choose from; each platform gets the kinds it shows.
    public var media: [MediaReference]

    /// Creates a brief.
    public init(
        key: String, brandName: String, product: String, benefit: String, socialProof: String? = nil,
        urgency: String? = nil, problem: String? = nil, solution: String? = nil,
        callToAction: CallToAction = .learnMore, landingURL: String, media: [MediaReference] = []
    ) {
        self.key = key
        self.brandName = brandName
        self.product = product
        self.benefit = benefit
        self.socialProof = socialProof
        self.urgency = urgency
        self.problem = problem
        self.solution = solution
        self.callToAction = callToAction
        self.landingURL = landingURL
        self.media = media
    }
}
