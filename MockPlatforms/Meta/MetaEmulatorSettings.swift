import NIOConcurrencyHelpers

/// Switches for Meta behaviour the reference marks unconfirmed, set at run time through
/// `PUT /_mock/meta/settings` (as Airtable's rate settings are) and back to their defaults on a full reset.
public final class MetaEmulatorSettings: Sendable {
    /// The switches' values.
    public struct Values: Sendable, Hashable {
        /// Whether a PAUSE rule with a cost condition (`cost_per*`, `cpa`, `cpc`, `cpm`, `cpp`) is refused with
        /// error 2703, as Meta's ad-rule reference lists, though its own trigger-rules guide shows such a rule
        /// (reference `ops-anchors.md` §1.8). Off by default: the guide's rule is accepted.
        public var adRulesRefuseCostPause: Bool

        /// The defaults: every switch off.
        public init(adRulesRefuseCostPause: Bool = false) {
            self.adRulesRefuseCostPause = adRulesRefuseCostPause
        }
    }

    private let box: NIOLockedValueBox<Values>

    /// Settings starting at `values`.
    public init(_ values: Values = Values()) {
        box = NIOLockedValueBox(values)
    }

    /// The current values.
    public var values: Values {
        get { box.withLockedValue { $0 } }
        set { box.withLockedValue { $0 = newValue } }
    }

    /// Back to the defaults.
    public func reset() { values = Values() }
}
