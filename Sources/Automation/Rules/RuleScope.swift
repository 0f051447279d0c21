import AdPlatformKit
import Foundation
import Trafficking

/// Which entities a rule looks at: one level (campaign, ad group or ad), narrowed by accounts, platforms,
/// campaigns, name and labels. Every list left empty matches all.
///
/// In the rule format: `{"level": "adGroup", "platforms": ["meta"], "nameContains": ["prospecting"]}`.
public struct RuleScope: Sendable, Hashable, Codable {
    /// The level the rule evaluates and acts on.
    public var level: ActionLevel
    /// Our ad accounts; empty for all.
    public var accounts: [UUID]
    /// Platforms; empty for all.
    public var platforms: [PlatformID]
    /// Campaigns of ours; empty for all.
    public var campaigns: [UUID]
    /// The entity's name contains at least one of these, ignoring case; empty for any name.
    public var nameContains: [String]
    /// The entity's name contains none of these, ignoring case.
    public var nameExcludes: [String]
    /// The entity carries at least one of these labels; empty for any.
    public var labels: [String]

    /// Creates a scope.
    public init(
        level: ActionLevel, accounts: [UUID] = [], platforms: [PlatformID] = [], campaigns: [UUID] = [],
        nameContains: [String] = [], nameExcludes: [String] = [], labels: [String] = []
    ) {
        self.level = level
        self.accounts = accounts
        self.platforms = platforms
        self.campaigns = campaigns
        self.nameContains = nameContains
        self.nameExcludes = nameExcludes
        self.labels = labels
    }

    private enum CodingKeys: String, CodingKey {
        case level, accounts, platforms, campaigns, nameContains, nameExcludes, labels
    }

    /// Decodes a scope; only `level` is required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        level = try container.decode(ActionLevel.self, forKey: .level)
        accounts = try container.decodeIfPresent([UUID].self, forKey: .accounts) ?? []
        platforms = try container.decodeIfPresent([PlatformID].self, forKey: .platforms) ?? []
        campaigns = try container.decodeIfPresent([UUID].self, forKey: .campaigns) ?? []
        nameContains = try container.decodeIfPresent([String].self, forKey: .nameContains) ?? []
        nameExcludes = try container.decodeIfPresent([String].self, forKey: .nameExcludes) ?? []
        labels = try container.decodeIfPresent([String].self, forKey: .labels) ?? []
    }

    /// Encodes the level and the lists that are not empty.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(level, forKey: .level)
        if !accounts.isEmpty { try container.encode(accounts, forKey: .accounts) }
        if !platforms.isEmpty { try container.encode(platforms, forKey: .platforms) }
        if !campaigns.isEmpty { try container.encode(campaigns, forKey: .campaigns) }
        if !nameContains.isEmpty { try container.encode(nameContains, forKey: .nameContains) }
        if !nameExcludes.isEmpty { try container.encode(nameExcludes, forKey: .nameExcludes) }
        if !labels.isEmpty { try container.encode(labels, forKey: .labels) }
    }
}
