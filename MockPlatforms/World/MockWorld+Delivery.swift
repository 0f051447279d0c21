import Foundation

extension MockWorld {
    /// Delivery of an entity (summed over the ads under it) between two instants, counted per UTC day.
    ///
    /// An ad delivers while it, its ad group and its campaign are all active, within every schedule in that
    /// chain, after its creation and before the virtual now. Its daily spend is a seeded share (55–94%) of its
    /// part of the nearest budget above it, so spend never exceeds budget; impressions follow from a seeded CPM
    /// (4–12 units) and clicks from a seeded CTR (0.5–2.5%). The same seed, clock and calls give the same figures.
    public func delivery(_ platform: String, entityID: String, from start: Date, to end: Date) -> DeliveryTotals {
        withState { state in
            let key = WorldState.key(platform, entityID)
            guard let root = state.entities[key] else { return DeliveryTotals() }
            return Self.leaves(under: root, in: state).reduce(DeliveryTotals()) { total, leaf in
                total + Self.delivery(of: leaf, from: start, to: end, in: state)
            }
        }
    }

    /// Delivery of one entity per UTC day, for platforms that report by day.
    public func dailyDelivery(
        _ platform: String, entityID: String, from start: Date, to end: Date
    )
        -> [(day: Date, totals: DeliveryTotals)]
    {
        var result: [(Date, DeliveryTotals)] = []
        var day = Self.dayStart(start)
        while day < end {
            let next = day.addingTimeInterval(86_400)
            result.append((day, delivery(platform, entityID: entityID, from: max(day, start), to: min(next, end))))
            day = next
        }
        return result
    }

    static func dayStart(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
    }

    /// The ads under an entity (or the entity itself when it is one), walking the index's children of every kind.
    /// Callers only sum or count them, so their order does not matter.
    static func leaves(under root: MockEntity, in state: WorldState) -> [MockEntity] {
        if root.role == .leaf { return [root] }
        var visited: Set<String> = [root.id]
        var found: [MockEntity] = []
        var frontier = [root.id]
        while let next = frontier.popLast() {
            let children = state.index.children(root.platform, of: next).compactMap {
                state.entities[WorldState.key(root.platform, $0)]
            }
            for child in children where !visited.contains(child.id) {
                visited.insert(child.id)
                if child.role == .leaf { found.append(child) } else { frontier.append(child.id) }
            }
        }
        return found
    }

    static func chain(of leaf: MockEntity, in state: WorldState) -> [MockEntity] {
        var chain = [leaf]
        var current = leaf
        while let parentID = current.parentID, let parent = state.entities[WorldState.key(leaf.platform, parentID)],
            chain.count < 8
        {
            chain.append(parent)
            current = parent
        }
        return chain
    }

    /// Conversions count over `[start, end)` as asked: events arrive at the virtual now, never later, so an
    /// event at exactly now is included. Delivery stops at the virtual now.
    static func delivery(
        of leaf: MockEntity, from start: Date, to requestedEnd: Date, in state: WorldState
    )
        -> DeliveryTotals
    {
        var totals = DeliveryTotals()
        for event in state.pixelEvents
        where event.isConversion && event.platform == leaf.platform && event.attributedAdID == leaf.id
            && event.receivedAt >= start && event.receivedAt < requestedEnd
        {
            totals.conversions += 1
            totals.revenueMicros += event.valueMicros ?? 0
        }
        let end = min(requestedEnd, state.now)
        guard start < end else { return totals }
        let chain = chain(of: leaf, in: state)
        guard let owner = chain.first(where: { $0.dailyBudgetMicros != nil || $0.lifetimeBudgetMicros != nil }) else {
            return totals
        }
        var windows = [(leaf.createdAt, end)]
        for member in chain {
            windows = intersect(windows, member.activeIntervals.map { ($0.start, $0.end ?? end) })
            if member.scheduleStart != nil || member.scheduleEnd != nil {
                windows = intersect(
                    windows, [(member.scheduleStart ?? .distantPast, member.scheduleEnd ?? .distantFuture)])
            }
        }
        windows = intersect(windows, [(start, end)])
        guard !windows.isEmpty else { return totals }
        let dailyRate: Int64
        if let daily = owner.dailyBudgetMicros {
            dailyRate = daily
        } else {
            let scheduleStart = chain.compactMap(\.scheduleStart).max() ?? owner.createdAt
            let scheduleEnd = chain.compactMap(\.scheduleEnd).min() ?? scheduleStart.addingTimeInterval(30 * 86_400)
            let days = max(1, Int64((scheduleEnd.timeIntervalSince(scheduleStart) / 86_400).rounded(.up)))
            dailyRate = (owner.lifetimeBudgetMicros ?? 0) / days
        }
        let sharers = max(1, leaves(under: owner, in: state).filter { !$0.deleted }.count)
        let share = dailyRate / Int64(sharers)
        var day = dayStart(start)
        while day < end {
            let dayEnd = day.addingTimeInterval(86_400)
            let seconds = intersect(windows, [(day, dayEnd)]).reduce(0.0) { $0 + $1.1.timeIntervalSince($1.0) }
            if seconds > 0 {
                let hash = SplitMix64.hash(state.seed, leaf.platform, leaf.id, String(Int(day.timeIntervalSince1970)))
                let utilisation = 0.55 + Double(hash % 40) / 100
                let spend = Int64(Double(share) * utilisation * seconds / 86_400) / 10_000 * 10_000
                let cpm = 4_000_000 + Int64((hash >> 8) % 8_000_000)
                let impressions = spend * 1_000 / cpm
                let clickThroughBasisPoints = 50 + Int64((hash >> 24) % 200)
                totals.spendMicros += spend
                totals.impressions += impressions
                totals.clicks += impressions * clickThroughBasisPoints / 10_000
            }
            day = dayEnd
        }
        return totals
    }

    static func intersect(_ a: [(Date, Date)], _ b: [(Date, Date)]) -> [(Date, Date)] {
        var result: [(Date, Date)] = []
        for (aStart, aEnd) in a {
            for (bStart, bEnd) in b {
                let start = max(aStart, bStart)
                let end = min(aEnd, bEnd)
                if start < end { result.append((start, end)) }
            }
        }
        return result
    }
}
