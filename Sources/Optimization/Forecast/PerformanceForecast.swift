import AdPlatformKit
import Foundation
import Trafficking

/// What a campaign is expected to do over some days at a new daily budget.
public struct PerformanceForecast: Sendable, Hashable, Codable {
    /// The days forecast.
    public var days: Int
    /// The daily budget forecast for.
    public var budget: Money
    /// The new budget over the current one.
    public var scale: Double
    /// The spend over the days.
    public var spend: Money
    /// The conversions over the days.
    public var conversions: Double
    /// Their value over the days.
    public var conversionValue: Money
    /// Value over spend, or `nil` without spend.
    public var returnOnAdSpend: ReturnOnAdSpend?
    /// How sure, from 0 to 1 (seed 003: 0.7 under 1.5 times the budget, 0.5 from there).
    public var confidence: Double

    /// Creates a forecast; the return on ad spend is computed from value and spend.
    public init(
        days: Int, budget: Money, scale: Double, spend: Money, conversions: Double, conversionValue: Money,
        confidence: Double
    ) {
        self.days = days
        self.budget = budget
        self.scale = scale
        self.spend = spend
        self.conversions = conversions
        self.conversionValue = conversionValue
        self.returnOnAdSpend = .of(value: conversionValue, spend: spend)
        self.confidence = confidence
    }
}
