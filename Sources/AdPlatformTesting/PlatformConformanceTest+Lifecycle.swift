import AdPlatformKit
import Foundation
import MockPlatforms
import Testing

extension PlatformConformanceTest {
    /// The bid each strategy kind is tried with.
    func sampleBid(_ kind: BidStrategy.Kind) -> BidStrategy {
        switch kind {
        case .automatic: .automatic
        case .bidCap: .bidCap(Money(minorUnits: 150, currency: subject.account.currency))
        case .costCap: .costCap(Money(minorUnits: 1_200, currency: subject.account.currency))
        case .targetROAS: .targetROAS(ReturnOnAdSpend(basisPoints: 25_000))
        }
    }

    /// On the campaign and the first ad group: every bid strategy the capability data lists is set and read back
    /// through the module, over sockets; a listed strategy the entity's own settings rule out (a bid cap on a
    /// TikTok ad group billed by conversions) must fail as `invalidParameter` naming the bid, and at least one cap
    /// or target must take. Every strategy the data does not list is refused by the data and by the module,
    /// before any call, naming the platform and the capability.
    public func bids(_ launched: Launched) async throws {
        let kinds: [BidStrategy.Kind] = [.costCap, .bidCap, .targetROAS, .automatic]
        for (level, entity) in [(EntityKind.campaign, launched.campaign), (.adGroup, launched.adGroups[0])] {
            let supported = platform.capabilities.lifecycle.level(level)?.bidStrategies ?? []
            var taken: [BidStrategy.Kind] = []
            for kind in kinds {
                let bid = sampleBid(kind)
                guard supported.contains(kind) else {
                    try await expectRefused(.bid(bid), at: level, capability: "bid.\(kind.rawValue)") {
                        try await platform.setBid(bid, of: entity, in: account)
                    }
                    continue
                }
                do {
                    try await platform.setBid(bid, of: entity, in: account)
                } catch let error as AdPlatformError where error.code == .invalidParameter && kind != .automatic {
                    #expect(
                        error.fieldPath?.hasPrefix("bid") == true || error.platformCode != nil,
                        "\(id): \(kind) on the \(level) was refused without naming the bid: \(error)")
                    continue
                }
                let read = try await platform.bid(of: entity, in: account)
                #expect(read == bid, "\(id): \(level) bid set to \(bid), read back \(read)")
                taken.append(kind)
            }
            if !supported.isEmpty {
                #expect(taken.contains(.automatic), "\(id): the \(level) takes an automatic bid")
                #expect(
                    taken.contains { $0 != .automatic },
                    "\(id): the \(level) takes at least one cap or target of \(supported.map(\.rawValue).sorted())")
            }
        }
    }

    /// On the campaign and the first ad group: the targeting fields the capability data lists are changed, only
    /// those, and read back; a second change of one field leaves the others as they were; an age range outside
    /// the platform's limits and fields the level does not hold are refused before any call.
    public func targeting(_ launched: Launched) async throws {
        for (level, entity) in [(EntityKind.campaign, launched.campaign), (.adGroup, launched.adGroups[0])] {
            let fields = platform.capabilities.lifecycle.level(level)?.targetingFields ?? []
            let everything = TargetingChange(
                countries: ["US", "GB"], ageRange: AgeRange(minimum: 25, maximum: 44), genders: [.female])
            guard !fields.isEmpty else {
                try await expectRefused(.targeting(everything), at: level, capability: "targeting.countries") {
                    try await platform.changeTargeting(everything, of: entity, in: account)
                }
                continue
            }
            let change = TargetingChange(
                countries: fields.contains(.countries) ? everything.countries : nil,
                ageRange: fields.contains(.ageRange) ? everything.ageRange : nil,
                genders: fields.contains(.genders) ? everything.genders : nil)
            try await platform.changeTargeting(change, of: entity, in: account)
            let read = try await platform.targeting(of: entity, in: account)
            expectTargeting(read, matches: change, at: level, step: "after the change")

            // Only what a change gives changes: a second change of one field keeps the first change's others.
            if let field = change.fields.last {
                var second = TargetingChange()
                switch field {
                case .countries: second.countries = ["US"]
                case .ageRange: second.ageRange = AgeRange(minimum: 35, maximum: 44)
                case .genders: second.genders = []
                }
                try await platform.changeTargeting(second, of: entity, in: account)
                var expected = change
                expected.countries = second.countries ?? change.countries
                expected.ageRange = second.ageRange ?? change.ageRange
                expected.genders = second.genders ?? change.genders
                expectTargeting(
                    try await platform.targeting(of: entity, in: account), matches: expected, at: level,
                    step: "after a second change of \(field.rawValue) alone")
            }
            for field in [TargetingField.countries, .ageRange, .genders] where !fields.contains(field) {
                var other = TargetingChange()
                switch field {
                case .countries: other.countries = ["US"]
                case .ageRange: other.ageRange = AgeRange(minimum: 25, maximum: 44)
                case .genders: other.genders = [.male]
                }
                try await expectRefused(.targeting(other), at: level, capability: "targeting.\(field.rawValue)") {
                    try await platform.changeTargeting(other, of: entity, in: account)
                }
            }
            if fields.contains(.ageRange), let limits = platform.capabilities.lifecycle.ageLimits, limits.minimum > 1 {
                let tooYoung = TargetingChange(ageRange: AgeRange(minimum: limits.minimum - 1, maximum: limits.minimum))
                let refusal = platform.capabilities.lifecycleRefusal(for: .targeting(tooYoung), at: level)
                #expect(
                    refusal?.reason == .invalidValue,
                    "\(id): ages below \(limits.minimum) are refused: \(String(describing: refusal))")
                await #expect(throws: AdPlatformError.self, "\(id): the module refuses ages below its limit") {
                    try await platform.changeTargeting(tooYoung, of: entity, in: account)
                }
            }
        }
    }

    /// Archives a campaign made for the purpose where the capability data says the platform can: it reads back as
    /// removed, stops delivering in the emulator, and cannot be activated again. Where the data says it cannot,
    /// the refusal names the platform and `status.archive`, and a module that conforms to ``Archiving`` anyway
    /// refuses it too.
    public func archive(_ launched: Launched) async throws {
        var spec = launched.plan.campaign
        spec.marker = IdempotencyMarker(scope: "archive-\(UUID())", step: "campaign")
        spec.name = spec.marker.apply(to: "Archive")
        let campaign = try await platform.createCampaign(spec, in: account)
        let mapping = platform.capabilities.lifecycle.archive
        let supported = platform.capabilities.lifecycle.campaign.statusActions.contains(.archive)
        #expect(
            supported == (mapping.kind != .unsupported),
            "\(id): the campaign level's archive support agrees with the archive mapping \(mapping)")
        guard supported else {
            try await expectRefused(.status(.archive), at: .campaign, capability: "status.archive") {
                guard let archiving = platform as? any Archiving else {
                    throw AdPlatformError(code: .unsupported, message: "not Archiving", platform: id)
                }
                try await archiving.archive(campaign, in: account)
            }
            return
        }
        guard let archiving = platform as? any Archiving else {
            Issue.record("\(id): the capability data says it archives (\(mapping)), but the module is not Archiving")
            return
        }
        try await platform.setStatus(.active, of: campaign, in: account)
        try await archiving.archive(campaign, in: account)
        let read = try await platform.readEntity(.campaign, id: campaign.id, in: account)
        #expect(
            read.status == .removed,
            "\(id): an archived campaign reads as removed, read \(String(describing: read.status))")
        let stored = mock.mock.world.entity(id.rawValue, campaign.id)
        #expect(stored?.isActive == false, "\(id): an archived campaign stops delivering in the emulator")
        if !mapping.reversible {
            await #expect(throws: AdPlatformError.self, "\(id): an archived campaign cannot be activated again") {
                try await platform.setStatus(.active, of: campaign, in: account)
            }
        }
    }

    /// The action is refused by the capability data (naming the platform and the capability) and by the module,
    /// which throws `unsupported` before any call.
    func expectRefused(
        _ action: LifecycleChange, at level: EntityKind, capability: String, call: () async throws -> Void
    ) async throws {
        let refusal = platform.capabilities.lifecycleRefusal(for: action, at: level)
        #expect(
            refusal?.reason == .unsupported && refusal?.capability == capability
                && refusal?.message.contains(platform.capabilities.displayName) == true
                && refusal?.message.contains(capability) == true,
            "\(id): \(action) at the \(level) is refused by the data, naming \(capability): \(String(describing: refusal))"
        )
        do {
            try await call()
            Issue.record("\(id): \(action) at the \(level) was not refused by the module")
        } catch let error as AdPlatformError {
            #expect(error.code == .unsupported, "\(id): \(action) at the \(level) refused as unsupported: \(error)")
        }
    }

    private func expectTargeting(_ read: Targeting, matches change: TargetingChange, at level: EntityKind, step: String)
    {
        if let countries = change.countries {
            #expect(
                Set(read.countries) == Set(countries),
                "\(id): \(level) countries \(step): set \(countries), read \(read.countries)")
        }
        if let ages = change.ageRange {
            #expect(
                read.ageRange == ages,
                "\(id): \(level) ages \(step): set \(ages), read \(String(describing: read.ageRange))")
        }
        if let genders = change.genders {
            #expect(
                Set(read.genders) == Set(genders),
                "\(id): \(level) genders \(step): set \(genders), read \(read.genders)")
        }
    }
}
