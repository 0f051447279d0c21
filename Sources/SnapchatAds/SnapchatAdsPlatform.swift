import AdPlatformKit
import Foundation

/// Snapchat through the Snap Marketing API v1: campaign → ad squad → media → creative → ad.
///
/// Every call goes through the transport; requests come from ``SnapchatRequestBuilder`` and answers are read by
/// ``SnapchatResponseParser``. Errors thrown by the transport pass through unchanged. The account's
/// ``AccountContext/accountID`` is the ad account UUID, and its settings must hold `profile_id` for creatives.
public struct SnapchatAdsPlatform: AdPlatform, StagedMediaUploading, StatusChanging, BudgetChanging, MetricsFetching,
    MarkedEntityLookup, EntityReading
{
    /// `snapchat`.
    public static let id: PlatformID = .snapchat

    /// Host, version and page sizes.
    public let configuration: SnapchatAdsConfiguration
    let transport: any HTTPTransport
    let builder: SnapchatRequestBuilder
    let parser: SnapchatResponseParser

    /// Creates the platform on a transport; the configuration defaults to Snap's production host.
    public init(transport: any HTTPTransport, configuration: SnapchatAdsConfiguration = SnapchatAdsConfiguration()) {
        self.transport = transport
        self.configuration = configuration
        self.builder = SnapchatRequestBuilder(configuration: configuration)
        self.parser = SnapchatResponseParser()
    }

    /// ``SnapchatCapabilities/capabilities``.
    public var capabilities: PlatformCapabilities { SnapchatCapabilities.capabilities }

    /// Creates the campaign; its parent is the ad account.
    public func createCampaign(_ spec: CampaignSpec, in account: AccountContext) async throws -> PlatformEntity {
        let response = try await transport.send(try builder.createCampaign(spec, in: account))
        return try parser.entity(.campaign, from: response, operation: "createCampaign")
    }

    /// Creates an ad squad, which carries the budget, under a campaign.
    public func createAdGroup(
        _ spec: AdGroupSpec, under campaign: PlatformEntity, in account: AccountContext
    )
        async throws -> PlatformEntity
    {
        let request = try builder.createAdSquad(spec, campaignID: campaign.id, in: account)
        return try parser.entity(.adGroup, from: try await transport.send(request), operation: "createAdGroup")
    }

    /// Creates the creative, then the ad that shows it, and returns both. In recovery, a creative already
    /// carrying the ad's marker is reused instead of creating a second one.
    public func createAd(
        _ spec: AdSpec, under adGroup: PlatformEntity, in account: AccountContext
    ) async throws
        -> [PlatformEntity]
    {
        let operation = "createAd"
        let creative: PlatformEntity
        if spec.isRecovery,
            let existing = try await findEntity(marked: spec.marker, kind: .creative, under: nil, in: account)
        {
            creative = existing
        } else {
            let response = try await transport.send(try builder.createCreative(spec, in: account))
            creative = try parser.entity(.creative, from: response, operation: operation)
        }
        let request = try builder.createAd(spec, adSquadID: adGroup.id, creativeID: creative.id, in: account)
        let ad = try parser.entity(.ad, from: try await transport.send(request), operation: operation)
        return [creative, ad]
    }
}
