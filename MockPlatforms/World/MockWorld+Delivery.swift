import Foundation

extension MockWorld {
    /// Delivery of an entity (summed over the ads under it) between two instants, counted per UTC day.
    ///
    /// An ad delivers while it, its ad group and its campaign are all active, within every schedule in that
    /// chain, after its creation and before the virtual now. It spends its share of the nearest budget above it,
    /// at the pacing, CPM, click-through and conversion rates, value per conversion and saturation its ground
    /// truth sets (``DeliveryModel`` has the formulas), and its audience's size moves its CPM. Late conversions
    /// and pixel events attributed to its ads add to the conversions. The same seed, clock and calls give the same
    /// figures, and a past day reads the same whatever changed after it.
    public func delivery(_ platform: String, entityID: String, from start: Date, to end: Date) -> DeliveryTotals {
        let reader = deliveryInputs[platform]
        return withState { state in
            guard let root = state.entities[WorldState.key(platform, entityID)] else { return DeliveryTotals() }
            return DeliveryModel.reading(&state, platform: platform, reader: reader) { model in
                model.totals(of: root, from: start, to: end)
            }
        }
    }

    /// Delivery of many entities over many ranges, from one model, so that what they share (ads, chains, each
    /// budget owner's day) is worked out once: what a report of many rows asks. Each answer equals
    /// ``delivery(_:entityID:from:to:)`` of its range.
    public func deliveries(
        _ platform: String, _ ranges: [(entityID: String, from: Date, to: Date)]
    ) -> [DeliveryTotals] {
        let reader = deliveryInputs[platform]
        return withState { state in
            let entities = state.entities
            return DeliveryModel.reading(&state, platform: platform, reader: reader) { model in
                ranges.map { range in
                    guard let root = entities[WorldState.key(platform, range.entityID)] else { return DeliveryTotals() }
                    return model.totals(of: root, from: range.from, to: range.to)
                }
            }
        }
    }

    /// Delivery of one entity per UTC day, for platforms that report by day.
    public func dailyDelivery(
        _ platform: String, entityID: String, from start: Date, to end: Date
    )
        -> [(day: Date, totals: DeliveryTotals)]
    {
        let reader = deliveryInputs[platform]
        return withState { state in
            guard let root = state.entities[WorldState.key(platform, entityID)] else {
                return Self.days(from: start, to: end).map { ($0, DeliveryTotals()) }
            }
            // One model for every day, so what the days share (the ads, their chains, budgets) is found once.
            return DeliveryModel.reading(&state, platform: platform, reader: reader) { model in
                Self.days(from: start, to: end).map { day in
                    (day, model.totals(of: root, from: max(day, start), to: min(day.addingTimeInterval(86_400), end)))
                }
            }
        }
    }

    /// The UTC days `[start, end)` touches, as their midnights.
    static func days(from start: Date, to end: Date) -> [Date] {
        var result: [Date] = []
        var day = dayStart(start)
        while day < end {
            result.append(day)
            day = day.addingTimeInterval(86_400)
        }
        return result
    }

    /// Midnight UTC of the day an instant falls on.
    public static func dayStart(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
    }
}
