import AdPlatformKit

/// One page of a `googleAds:search` response.
public struct GoogleSearchPage: Sendable, Hashable {
    /// The `GoogleAdsRow` objects, as JSON.
    public var rows: [JSONValue]
    /// The token for the next page; `nil` on the last page.
    public var nextPageToken: String?

    /// Creates a page.
    public init(rows: [JSONValue], nextPageToken: String?) {
        self.rows = rows
        self.nextPageToken = nextPageToken
    }
}
