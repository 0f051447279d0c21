import Foundation

/// Ground truth the tests set: per-entity performance from a day on, and conversions added to past days.
extension MockWorld {
    /// Sets an entity's performance from `truth.from`'s day on, replacing what it had set from that day; earlier
    /// days keep the truth they had. Rates are clamped to 0…1 and money to non-negative amounts on use, so a
    /// caller that skipped validation gets odd figures, never a crash.
    ///
    /// Throws when the entity does not exist or takes no part in delivery (a creative, a budget).
    @discardableResult
    public func setPerformance(
        _ truth: PerformanceTruth, platform: String, entityID: String
    ) throws(GroundTruthError) -> [PerformanceTruth] {
        var version = truth
        version.from = Self.dayStart(truth.from)
        return try withState { state -> Result<[PerformanceTruth], GroundTruthError> in
            guard let entity = Self.deliveringEntity(platform, entityID, in: state) else {
                return .failure(Self.unknown(platform, entityID, in: state))
            }
            let key = WorldState.key(entity.platform, entity.id)
            var versions = state.performance[key] ?? []
            versions.removeAll { $0.from >= version.from }
            // An empty version after nothing is nothing; kept otherwise, as the end of what came before.
            if !(version.isEmpty && versions.isEmpty) { versions.append(version) }
            state.performance[key] = versions.isEmpty ? nil : versions
            state.finishedDays.removeAll()
            return .success(versions)
        }.get()
    }

    /// The versions of an entity's performance, oldest first; empty when none was set.
    public func performanceVersions(platform: String, entityID: String) -> [PerformanceTruth] {
        withState { $0.performance[WorldState.key(platform, entityID)] ?? [] }
    }

    /// Every entity with performance set, as `(platform, id, versions)`, sorted by platform and id.
    public func allPerformance() -> [(platform: String, entityID: String, versions: [PerformanceTruth])] {
        withState { state in
            state.performance.keys.sorted().compactMap { key in
                let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
                guard parts.count == 2, let versions = state.performance[key] else { return nil }
                return (parts[0], parts[1], versions)
            }
        }
    }

    /// The performance each ad under an entity (or the ad itself) delivers with on a day, resolved up its chain.
    public func effectivePerformance(
        platform: String, entityID: String, on day: Date
    ) throws(GroundTruthError) -> [EffectivePerformance] {
        let reader = deliveryInputs[platform]
        return try withState { state -> Result<[EffectivePerformance], GroundTruthError> in
            guard let entity = Self.deliveringEntity(platform, entityID, in: state) else {
                return .failure(Self.unknown(platform, entityID, in: state))
            }
            var model = DeliveryModel(state: state, platform: platform, reader: reader)
            let midnight = Self.dayStart(day)
            return .success(model.leaves(under: entity).map { model.performance(of: $0, day: midnight) })
        }.get()
    }

    /// Adds conversions to a past day of an entity, as a platform restating its figures does. On a campaign or
    /// ad group they are split among the ads under it that existed that day (oldest first, in creation order;
    /// the count evenly with the remainder to the first, the value in proportion). `valueMicros` defaults to
    /// the count times each ad's value per conversion that day. Returns what each ad got.
    ///
    /// Throws when the entity is unknown or delivers nothing, when the day is after the virtual today or before
    /// the entity existed, or when no ad under it existed that day.
    @discardableResult
    public func addLateConversions(
        platform: String, entityID: String, day: Date, count: Int64, valueMicros: Int64?
    ) throws(GroundTruthError) -> [LateConversion] {
        let reader = deliveryInputs[platform]
        let midnight = Self.dayStart(day)
        return try withState { state -> Result<[LateConversion], GroundTruthError> in
            guard let entity = Self.deliveringEntity(platform, entityID, in: state) else {
                return .failure(Self.unknown(platform, entityID, in: state))
            }
            guard count > 0 else {
                return .failure(GroundTruthError(field: "count", message: "must be a whole number ≥ 1"))
            }
            if let valueMicros, valueMicros < 0 {
                return .failure(GroundTruthError(field: "value", message: "must not be negative"))
            }
            guard midnight <= Self.dayStart(state.now) else {
                return .failure(
                    GroundTruthError(
                        field: "date",
                        message: "is after the virtual today, \(Self.dayText(state.now)); only past days restate"))
            }
            let nextDay = midnight.addingTimeInterval(86_400)
            guard entity.createdAt < nextDay else {
                return .failure(
                    GroundTruthError(
                        field: "date",
                        message: "is before \(entity.id) existed (created \(Self.dayText(entity.createdAt)))"))
            }
            var model = DeliveryModel(state: state, platform: platform, reader: reader)
            let ads = model.leaves(under: entity).filter { $0.createdAt < nextDay }.sorted {
                ($0.createdAt, $0.id) < ($1.createdAt, $1.id)
            }
            guard !ads.isEmpty else {
                return .failure(
                    GroundTruthError(field: "entityId", message: "\(entity.id) had no ads on \(Self.dayText(midnight))")
                )
            }
            let share = count / Int64(ads.count)
            let remainder = count % Int64(ads.count)
            var added: [LateConversion] = []
            var valueLeft = valueMicros ?? 0
            for (index, ad) in ads.enumerated() {
                let adCount = share + (Int64(index) < remainder ? 1 : 0)
                guard adCount > 0 else { continue }
                let adValue: Int64
                if let valueMicros {
                    // Proportional, with what rounding leaves over going to the last ad that gets any.
                    let last = Int64(index) == min(Int64(ads.count), count) - 1
                    adValue = last ? valueLeft : valueMicros / count * adCount
                    valueLeft -= adValue
                } else {
                    adValue = adCount * model.performance(of: ad, day: midnight).valuePerConversionMicros
                }
                let late = LateConversion(
                    platform: platform, adID: ad.id, day: midnight, count: adCount, valueMicros: adValue,
                    addedAt: state.now)
                state.lateConversions[WorldState.key(platform, ad.id), default: []].append(late)
                added.append(late)
            }
            return .success(added)
        }.get()
    }

    /// The late conversions of an entity's ads (or of everything on a platform, or everything), in the order
    /// they were added.
    public func lateConversions(platform: String? = nil, entityID: String? = nil) -> [LateConversion] {
        let reader = platform.flatMap { deliveryInputs[$0] }
        return withState { state in
            var keys = state.lateConversions.keys.filter { key in platform.map { key.hasPrefix($0 + "/") } ?? true }
            if let platform, let entityID, let entity = state.entities[WorldState.key(platform, entityID)] {
                var model = DeliveryModel(state: state, platform: platform, reader: reader)
                let ads = Set(model.leaves(under: entity).map { WorldState.key(platform, $0.id) })
                keys = keys.filter(ads.contains)
            } else if entityID != nil {
                return []
            }
            return keys.flatMap { state.lateConversions[$0] ?? [] }.sorted {
                ($0.addedAt, $0.platform, $0.adID, $0.day) < ($1.addedAt, $1.platform, $1.adID, $1.day)
            }
        }
    }

    /// An entity that takes part in delivery (not a creative, media or budget); `nil` otherwise.
    private static func deliveringEntity(_ platform: String, _ id: String, in state: WorldState) -> MockEntity? {
        guard let entity = state.entities[WorldState.key(platform, id)], entity.role != .passive else { return nil }
        return entity
    }

    /// Why an id names no delivering entity, naming `entityId`.
    private static func unknown(_ platform: String, _ id: String, in state: WorldState) -> GroundTruthError {
        guard let entity = state.entities[WorldState.key(platform, id)] else {
            return GroundTruthError(field: "entityId", message: "no \(platform) entity '\(id)'")
        }
        return GroundTruthError(
            field: "entityId",
            message: "\(platform) \(entity.kind) '\(id)' takes no part in delivery; use its ad, ad group or campaign")
    }

    /// `YYYY-MM-DD` of an instant, in UTC.
    static func dayText(_ date: Date) -> String {
        let (year, month, day) = CivilCalendar.civil(
            fromDays: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
