import Foundation

/// The ground truth a test sets for an entity's delivery, from one UTC day on: its rates, its value per
/// conversion, its price and its saturation. Every part is optional; an unset part comes from the nearest
/// ancestor that sets it, else from the seed.
///
/// Setting it again from a later day leaves earlier days as they were reported; only the day it starts on, and
/// those after, follow the new values. `docs/mock-platforms.md` gives the formulas.
public struct PerformanceTruth: Sendable, Codable, Hashable {
    /// The first day it applies to: midnight UTC.
    public var from: Date
    /// Clicks per impression, 0…1.
    public var clickThroughRate: Double?
    /// Conversions per click, 0…1.
    public var conversionRate: Double?
    /// Value of each conversion, in micros of the account currency.
    public var valuePerConversionMicros: Int64?
    /// Cost per thousand impressions at the reference audience, in micros; more than 0.
    public var cpmMicros: Int64?
    /// Share of the budget spent each day, 0…1.
    public var pacing: Double?
    /// The day's spend at which returns have fallen to 1/e of the first dollar's, in micros; more than 0. The day's
    /// spend `S` of the entity buys impressions as `k × (1 − e^(−S/k))` would without saturation.
    public var saturationSpendMicros: Int64?

    /// A truth from a day on; unset parts are inherited or seeded.
    public init(
        from: Date, clickThroughRate: Double? = nil, conversionRate: Double? = nil,
        valuePerConversionMicros: Int64? = nil, cpmMicros: Int64? = nil, pacing: Double? = nil,
        saturationSpendMicros: Int64? = nil
    ) {
        self.from = from
        self.clickThroughRate = clickThroughRate
        self.conversionRate = conversionRate
        self.valuePerConversionMicros = valuePerConversionMicros
        self.cpmMicros = cpmMicros
        self.pacing = pacing
        self.saturationSpendMicros = saturationSpendMicros
    }

    /// Whether no part is set: the entity follows its ancestors and the seed.
    public var isEmpty: Bool {
        clickThroughRate == nil && conversionRate == nil && valuePerConversionMicros == nil && cpmMicros == nil
            && pacing == nil && saturationSpendMicros == nil
    }
}
