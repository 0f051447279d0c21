/// How an ad group bids: automatically for the lowest cost, with a cap on each result's bid, with a target cost
/// per result, or with a target return on ad spend.
///
/// Amounts are ``Money`` in integer minor units; each module converts them to its platform's unit at its
/// boundary (Meta minor units with its offset, TikTok decimal major units, Snapchat and Google micros).
public enum BidStrategy: Sendable, Hashable, Codable, CustomStringConvertible {
    /// No cap and no target: the platform bids for the lowest cost (Meta `LOWEST_COST_WITHOUT_CAP`, TikTok
    /// `BID_TYPE_NO_BID`, Snapchat `AUTO_BID`, Google without a bid ceiling or target).
    case automatic
    /// A maximum bid per result, which the platform does not exceed (Meta bid cap, TikTok custom `bid_price`,
    /// Snapchat max bid, Google max CPC).
    case bidCap(Money)
    /// A target average cost per result, which the platform may exceed on single auctions (Meta cost cap, TikTok
    /// cost cap, Snapchat target cost, Google target CPA).
    case costCap(Money)
    /// A target return on ad spend (Meta minimum ROAS, TikTok and Snapchat minimum ROAS, Google target ROAS).
    case targetROAS(ReturnOnAdSpend)

    /// The kind of a strategy, without its amount: what capabilities list.
    public enum Kind: String, Sendable, Hashable, ClosedSetDecodable {
        /// ``BidStrategy/automatic``.
        case automatic
        /// ``BidStrategy/bidCap(_:)``.
        case bidCap
        /// ``BidStrategy/costCap(_:)``.
        case costCap
        /// ``BidStrategy/targetROAS(_:)``.
        case targetROAS

        /// `bid strategy`.
        public static let valueKind = "bid strategy"
    }

    /// The strategy's kind.
    public var kind: Kind {
        switch self {
        case .automatic: .automatic
        case .bidCap: .bidCap
        case .costCap: .costCap
        case .targetROAS: .targetROAS
        }
    }

    /// The amount of a cap or target cost; `nil` for the others.
    public var amount: Money? {
        switch self {
        case .bidCap(let money), .costCap(let money): money
        case .automatic, .targetROAS: nil
        }
    }

    /// `automatic`, `bidCap 1.50 USD`, `targetROAS 2.5`.
    public var description: String {
        switch self {
        case .automatic: "automatic"
        case .bidCap(let money): "bidCap \(money)"
        case .costCap(let money): "costCap \(money)"
        case .targetROAS(let roas): "targetROAS \(roas)"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case strategy, roas
    }

    /// Decodes `{"strategy":"costCap","amount":"12.00","currency":"USD"}`, `{"strategy":"targetROAS","roas":"2.5"}`
    /// or `{"strategy":"automatic"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .strategy) {
        case .automatic: self = .automatic
        case .bidCap: self = .bidCap(try Money(from: decoder))
        case .costCap: self = .costCap(try Money(from: decoder))
        case .targetROAS: self = .targetROAS(try container.decode(ReturnOnAdSpend.self, forKey: .roas))
        }
    }

    /// Encodes the shapes ``init(from:)`` reads.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .strategy)
        switch self {
        case .automatic: break
        case .bidCap(let money), .costCap(let money): try money.encode(to: encoder)
        case .targetROAS(let roas): try container.encode(roas, forKey: .roas)
        }
    }
}
