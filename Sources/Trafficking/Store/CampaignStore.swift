import AdPlatformKit
import Foundation

/// Campaigns of ours, their platform entities at every level (entity mappings) and their creatives' versions.
///
/// A store makes a ``Campaign`` for every job it enqueues, in the same write, and brings it up to date when the job
/// ends (``JobStore/finish(job:owner:outcome:records:)``), in that write too: its launch status, its platform
/// campaign id, and a mapping for every entity the job created. So a campaign never disagrees with its job after a
/// crash.
public protocol CampaignStore: Sendable {
    /// Campaigns matching `filter`, newest first, with their total.
    func campaigns(_ filter: CampaignFilter, page: PageRequest) async throws -> Page<Campaign>
    /// A campaign, or `nil`.
    func campaign(_ id: UUID) async throws -> Campaign?
    /// The campaign a launch job made, or `nil`.
    func campaign(job: UUID) async throws -> Campaign?
    /// A campaign with its entity mappings and every version of its creatives, or `nil`.
    func campaignDetail(_ id: UUID) async throws -> CampaignDetail?
    /// Stores the next version of a creative (a change of copy), made from its latest version, which stays
    /// readable. Throws ``StoreError`` `notFound` when the campaign or the creative does not exist.
    func addCreativeVersion(
        campaign: UUID, creativeKey: String, creative: CreativeDefinition
    ) async throws
        -> CreativeVersion
    /// Applies what a platform said about its entities: each mapping's last-seen status and budget follow the
    /// platform, and the campaign's too at campaign level. A difference from a value we knew is a ``Drift``: it is
    /// logged and the campaign is marked drifted; we never write the platform back. Observations of entities we
    /// do not map, of campaigns with a lifecycle action under way, or older than what we last saw, change
    /// nothing. Applying the same observation twice finds no drift the second time.
    func recordObservations(_ observations: [EntityObservation], source: ObservationSource) async throws -> [Drift]
}
