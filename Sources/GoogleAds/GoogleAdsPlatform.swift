import AdPlatformKit

/// Google Ads through its REST API: search campaigns with a campaign budget, search ad groups with keywords,
/// and responsive search ads.
///
/// Every call goes through the ``HTTPTransport``; requests come from ``GoogleRequestBuilder`` and responses are
/// read by ``GoogleResponseParser`` and ``GoogleErrorMapper``. Entity attributes this module sets and reads:
/// `resourceName` on every entity, `budgetResourceName` on campaigns, `campaignResourceName` on ad groups read
/// back, `marker` on ads read back.
public struct GoogleAdsPlatform: AdPlatform {
    /// `google`.
    public static let id: PlatformID = .google

    /// The capability table, ``GoogleCapabilities/capabilities``.
    public var capabilities: PlatformCapabilities { GoogleCapabilities.capabilities }

    /// Host and API version.
    public let configuration: GoogleAdsConfiguration
    /// Builds every request.
    public let requests: GoogleRequestBuilder
    let transport: any HTTPTransport

    /// Creates the platform on a transport; the configuration defaults to the production API.
    public init(transport: any HTTPTransport, configuration: GoogleAdsConfiguration = GoogleAdsConfiguration()) {
        self.transport = transport
        self.configuration = configuration
        self.requests = GoogleRequestBuilder(configuration: configuration)
    }

    /// Creates the budget, the campaign and its country criteria in one atomic `googleAds:mutate`. The returned
    /// campaign has the campaign id as ``PlatformEntity/id`` and the `resourceName`, `budgetResourceName` and
    /// `countries` (comma-separated ISO codes) attributes.
    public func createCampaign(_ spec: CampaignSpec, in account: AccountContext) async throws -> PlatformEntity {
        let operation = "createCampaign"
        let request = try requests.createCampaign(spec, countries: spec.targeting.countries, in: account)
        let body = try await send(request, operation: operation)
        let campaign = try GoogleResponseParser.mutateResourceName(
            body, resultKey: "campaignResult", operation: operation)
        let budget = try GoogleResponseParser.mutateResourceName(
            body, resultKey: "campaignBudgetResult", operation: operation)
        return PlatformEntity(
            platform: .google, kind: .campaign, id: try id(of: campaign, operation: operation), name: spec.name,
            status: spec.status,
            attributes: [
                "resourceName": campaign, "budgetResourceName": budget,
                "countries": spec.targeting.countries.joined(separator: ","),
            ])
    }

    /// Creates the ad group, its keywords and any location criteria the campaign still lacks in one atomic
    /// `googleAds:mutate`. Google targets locations per campaign, so an ad group that targets extra countries adds
    /// them to its campaign. The campaign's countries come from its `countries` attribute, or, for a campaign
    /// read back from Google without it, from a search.
    public func createAdGroup(
        _ spec: AdGroupSpec, under campaign: PlatformEntity, in account: AccountContext
    )
        async throws -> PlatformEntity
    {
        let operation = "createAdGroup"
        var existing: Set<String> = []
        if let known = campaign.attributes["countries"] {
            let countries = known.split(separator: ",").map(String.init)
            existing = Set(
                try requests.locationResourceNames(
                    forCountries: countries, fieldPath: "targeting.countries", operation: operation))
        } else if !spec.targeting.countries.isEmpty {
            _ = try requests.locationResourceNames(
                forCountries: spec.targeting.countries, fieldPath: "targeting.countries", operation: operation)
            let query = try GoogleQueryBuilder.campaignLocationsQuery(campaignID: campaign.id)
            try await searchPages(query, in: account, operation: operation) { page in
                existing.formUnion(GoogleResponseParser.geoTargetConstants(in: page.rows))
                return false
            }
        }
        let request = try requests.createAdGroup(spec, under: campaign, existingLocations: existing, in: account)
        let body = try await send(request, operation: operation)
        let adGroup = try GoogleResponseParser.mutateResourceName(
            body, resultKey: "adGroupResult", operation: operation)
        var attributes = ["resourceName": adGroup]
        attributes["campaignResourceName"] = campaign.attributes["resourceName"]
        return PlatformEntity(
            platform: .google, kind: .adGroup, id: try id(of: adGroup, operation: operation), name: spec.name,
            status: spec.status, parentID: campaign.id, attributes: attributes)
    }

    /// Creates the responsive search ad. Returns the ad alone: Google has no separate creative, so
    /// ``AdSpec/isRecovery`` changes nothing here.
    public func createAd(
        _ spec: AdSpec, under adGroup: PlatformEntity, in account: AccountContext
    ) async throws
        -> [PlatformEntity]
    {
        let operation = "createAd"
        let body = try await send(try requests.createAd(spec, under: adGroup, in: account), operation: operation)
        let resourceName = try GoogleResponseParser.firstResultResourceName(body, operation: operation)
        return [
            PlatformEntity(
                platform: .google, kind: .ad, id: try id(of: resourceName, operation: operation), name: spec.name,
                status: spec.status,
                parentID: GoogleResourceName.adGroupID(ofAdGroupAd: resourceName) ?? adGroup.id,
                attributes: ["resourceName": resourceName, "marker": spec.marker.value])
        ]
    }

    /// Sends a request and returns its JSON body; a non-2xx response throws the mapped error, and transport
    /// errors pass through unchanged.
    func send(_ request: PlatformHTTPRequest, operation: String) async throws -> JSONValue {
        let response = try await transport.send(request)
        guard response.isSuccess else { throw GoogleErrorMapper.error(from: response, operation: operation) }
        return try GoogleResponseParser.body(response, operation: operation)
    }

    /// Runs a search page by page until `visit` returns true or the pages run out. A page token that repeats
    /// stops the walk as malformed rather than looping for ever.
    func searchPages(
        _ query: String, in account: AccountContext, operation: String,
        visit: (GoogleSearchPage) throws -> Bool
    ) async throws {
        var token: String?
        var seen: Set<String> = []
        repeat {
            let request = try requests.search(query, pageToken: token, in: account, operation: operation)
            let page = try GoogleResponseParser.searchPage(
                try await send(request, operation: operation), operation: operation)
            if try visit(page) { return }
            token = page.nextPageToken
            if let token, !seen.insert(token).inserted {
                throw AdPlatformError.google(
                    .malformedResponse, "Google Ads repeated the page token '\(token)'", operation: operation)
            }
        } while token != nil
    }

    /// The id at the end of a resource name; malformed when there is none.
    func id(of resourceName: String, operation: String) throws -> String {
        guard let id = GoogleResourceName.id(of: resourceName), GoogleResourceName.isNumericID(id) else {
            throw AdPlatformError.google(
                .malformedResponse, "expected a resource name ending in an id, got '\(resourceName)'",
                operation: operation)
        }
        return id
    }
}
