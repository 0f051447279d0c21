import Foundation

/// The synthetic-delivery model, run over the locked state for one read of one platform's delivery.
///
/// Everything is computed on read from what the state records (statuses with their active intervals, budgets and
/// targeting with the values they replaced, the truth set per day, late conversions), so creating and updating
/// entities costs nothing extra, and a past day reads the same however often it is read. What several ads share
/// (a budget's split on a day, a saturating entity's day's spend) is computed once per read and kept here.
///
/// Per UTC day, for each ad (`docs/mock-platforms.md` has the same in prose):
/// - **Budget:** the ad spends from its budget owner, the nearest entity above it that carries a budget (or the
///   budget entity that one points at). At each instant the owner's rate (daily budget ÷ 86,400 s; a lifetime
///   budget spread evenly over the flight) is split equally among its ads delivering at that instant.
/// - **Spend** = that share × the delivering seconds × pacing (0…1), rounded down to the cent.
/// - **Impressions** = spend × g × 1,000 ÷ (CPM × audience factor), where g = k(1 − e^(−S/k)) ÷ S for the
///   saturating entity's day's spend S and saturation spend k (g = 1 when none is set).
/// - **Clicks** = impressions × CTR; **conversions** = clicks × conversion rate; counts are rounded up or down
///   with a seeded draw, so they are right on average and never above the count they come from.
/// - **Value** = conversions × value per conversion, exactly.
struct DeliveryModel {
    /// A stretch of one day during which an ad spends from its owner's budget at a steady rate.
    struct Piece {
        var start: Date
        var end: Date
        /// Micros per second, before pacing.
        var rate: Double
    }

    /// The budget an ad spends from: the entity holding the amounts (and their history), and the entities whose
    /// ads share it.
    struct BudgetOwner {
        var key: String
        var holder: MockEntity
        var members: [MockEntity]
    }

    /// What an ad delivers with on a day: the parts of ``EffectivePerformance`` delivery uses.
    struct Rates {
        var clickThroughRate: Double
        var conversionRate: Double
        var valuePerConversionMicros: Int64
        var cpmMicros: Int64
        var pacing: Double?
        var saturationSpendMicros: Int64?
        var saturationEntityID: String?
    }

    /// An entity's day, as a cache key.
    struct DayKey: Hashable {
        var id: String
        var day: Int

        init(_ id: String, _ day: Date) {
            self.id = id
            self.day = Int(day.timeIntervalSince1970)
        }
    }

    /// The state read; its ``FinishedDays`` are the model's own while it reads, and go back with what it added.
    private(set) var state: WorldState
    let platform: String
    let reader: (any DeliveryInputReading)?
    private var leavesByRoot: [String: [MockEntity]] = [:]
    private var chains: [String: [MockEntity]] = [:]
    private var owners: [String: BudgetOwner?] = [:]
    private var allocations: [DayKey: [String: [Piece]]] = [:]
    private var seededRates: [String: Rates] = [:]
    private var truthMembers: [String: [(id: String, versions: [PerformanceTruth])]] = [:]
    private var dailyRates: [DayKey: Rates] = [:]
    private var constantFactors: [String: Double?] = [:]
    private var daySpends: [DayKey: Double] = [:]
    private var sharingLeaves: [String: [MockEntity]] = [:]
    private var windowsByLeaf: [String: [(Date, Date)]] = [:]
    private var conversionsByAd: [String: [PixelEvent]]?

    init(state: WorldState, platform: String, reader: (any DeliveryInputReading)?) {
        self.state = state
        self.platform = platform
        self.reader = reader
    }

    /// Runs a read on a model of the locked state, and keeps the finished days it modelled in the state. The days
    /// move into the model for the read, so adding to them copies nothing.
    static func reading<T>(
        _ state: inout WorldState, platform: String, reader: (any DeliveryInputReading)?,
        _ body: (inout DeliveryModel) -> T
    ) -> T {
        var model = DeliveryModel(state: state, platform: platform, reader: reader)
        state.finishedDays = FinishedDays()
        let result = body(&model)
        state.finishedDays = model.state.finishedDays
        return result
    }

    // MARK: - Totals

    /// Delivery of an entity, summed over the ads under it, over `[start, end)`.
    mutating func totals(of root: MockEntity, from start: Date, to end: Date) -> DeliveryTotals {
        var totals = DeliveryTotals()
        for leaf in leaves(under: root) { totals = totals + leafTotals(leaf, from: start, to: end) }
        return totals
    }

    /// One ad's delivery: modelled per day up to the virtual now, plus late conversions and pixel events, which
    /// count over `[start, end)` as asked (an event arrives at the virtual now, never later).
    private mutating func leafTotals(_ leaf: MockEntity, from start: Date, to requestedEnd: Date) -> DeliveryTotals {
        var totals = DeliveryTotals()
        for event in conversionEvents(of: leaf) where event.receivedAt >= start && event.receivedAt < requestedEnd {
            totals.pixelConversions += 1
            totals.pixelRevenueMicros += event.valueMicros ?? 0
        }
        totals.conversions = totals.pixelConversions
        totals.revenueMicros = totals.pixelRevenueMicros
        for late in state.lateConversions[WorldState.key(leaf.platform, leaf.id)] ?? [] {
            // Counted at the first instant of its day the ad existed, so any range that covers the day counts it.
            let instant = max(late.day, leaf.createdAt)
            guard instant >= start, instant < requestedEnd else { continue }
            totals.conversions += late.count
            totals.revenueMicros += late.valueMicros
        }
        let end = min(requestedEnd, state.now)
        guard start < end else { return totals }
        var day = MockWorld.dayStart(start)
        while day < end {
            let next = day.addingTimeInterval(86_400)
            totals = totals + modelledDay(leaf, day: day, from: max(start, day), to: min(end, next))
            day = next
        }
        return totals
    }

    /// The pixel conversions attributed to an ad, from an index of the platform's built on first use: a month of
    /// daily rows asks once per ad and day, and the world keeps thousands of events.
    private mutating func conversionEvents(of leaf: MockEntity) -> [PixelEvent] {
        if let index = conversionsByAd { return index[leaf.id] ?? [] }
        var index: [String: [PixelEvent]] = [:]
        for event in state.pixelEvents where event.isConversion && event.platform == platform {
            if let ad = event.attributedAdID { index[ad, default: []].append(event) }
        }
        conversionsByAd = index
        return index[leaf.id] ?? []
    }

    /// One ad's modelled delivery over `[from, to)` within one day; a whole day that has ended is modelled once and
    /// kept (``FinishedDays``).
    private mutating func modelledDay(_ leaf: MockEntity, day: Date, from: Date, to: Date) -> DeliveryTotals {
        let next = day.addingTimeInterval(86_400)
        guard from == day, to == next, next <= state.now else { return modelDay(leaf, day: day, from: from, to: to) }
        let key = FinishedDays.Key(platform: platform, adID: leaf.id, day: Int(day.timeIntervalSince1970))
        if let kept = state.finishedDays[key] { return kept }
        let totals = modelDay(leaf, day: day, from: from, to: to)
        state.finishedDays.keep(key, totals)
        return totals
    }

    /// One ad's modelled delivery over `[from, to)` within one day, worked out.
    private mutating func modelDay(_ leaf: MockEntity, day: Date, from: Date, to: Date) -> DeliveryTotals {
        let pieces = allocation(of: leaf, day: day)
        guard !pieces.isEmpty else { return DeliveryTotals() }
        let truth = rates(of: leaf, day: day)
        let dayHash = Self.dayHash(state.seed, leaf, day)
        let pacing = truth.pacing ?? Self.seededPacing(dayHash)
        let saturation = saturationRatio(truth, day: day)
        let audience = audienceFactors(of: leaf, from: day, to: day.addingTimeInterval(86_400))
        let cpm = Double(truth.cpmMicros)
        var spend = 0.0
        var impressions = 0.0
        for piece in pieces {
            let start = max(piece.start, from)
            let end = min(piece.end, to)
            guard start < end else { continue }
            spend += piece.rate * end.timeIntervalSince(start) * pacing
            for (segmentStart, segmentEnd, factor) in Self.segments(audience, from: start, to: end) {
                let segmentSpend = piece.rate * segmentEnd.timeIntervalSince(segmentStart) * pacing
                impressions += segmentSpend * saturation * 1_000 / (cpm * factor)
            }
        }
        guard spend > 0 else { return DeliveryTotals() }
        let draws = SplitMix64.mix(dayHash ^ 0x5EED_D4A3_C0DE_F00D)
        var totals = DeliveryTotals()
        totals.spendMicros = Int64((spend / 10_000 + 1e-9).rounded(.down)) * 10_000
        totals.impressions = Self.round(impressions, draw: draws)
        totals.clicks = min(
            totals.impressions, Self.round(Double(totals.impressions) * truth.clickThroughRate, draw: draws >> 16))
        totals.conversions = min(
            totals.clicks, Self.round(Double(totals.clicks) * truth.conversionRate, draw: draws >> 32))
        totals.revenueMicros = totals.conversions * truth.valuePerConversionMicros
        return totals
    }

    /// A count from an expected value: down or up, by a seeded draw, so it is right on average; a value within a
    /// billionth of a whole number is that number.
    static func round(_ value: Double, draw: UInt64) -> Int64 {
        guard value.isFinite, value > 0 else { return 0 }
        let nearest = value.rounded()
        if abs(value - nearest) < 1e-9 * max(1, nearest) { return Int64(nearest) }
        let unit = Double(draw & 0xFFFF) / 65_536
        return Int64((value + unit).rounded(.down))
    }

    /// The seeded hash of an ad's day, from which its default pacing and its rounding draws come.
    static func dayHash(_ seed: UInt64, _ leaf: MockEntity, _ day: Date) -> UInt64 {
        SplitMix64.hash(seed, leaf.platform, leaf.id, String(Int(day.timeIntervalSince1970)))
    }

    /// The share of the budget an ad spends on a day when no truth sets it: a seeded 0.55–0.94.
    static func seededPacing(_ dayHash: UInt64) -> Double {
        0.55 + Double(dayHash % 40) / 100
    }

    // MARK: - Budgets

    /// The pieces of a day in which an ad spends, and at what rate: its share of its owner's budget.
    private mutating func allocation(of leaf: MockEntity, day: Date) -> [Piece] {
        guard let owner = owner(of: leaf) else { return [] }
        let key = DayKey(owner.key, day)
        if let pieces = allocations[key] { return pieces[leaf.id] ?? [] }
        let pieces = allocate(owner, day: day)
        allocations[key] = pieces
        return pieces[leaf.id] ?? []
    }

    /// Splits an owner's budget among its ads over one day: at each instant, equally among those delivering.
    private mutating func allocate(_ owner: BudgetOwner, day: Date) -> [String: [Piece]] {
        let dayEnd = min(day.addingTimeInterval(86_400), state.now)
        guard day < dayEnd else { return [:] }
        var delivering: [(id: String, windows: [(Date, Date)])] = []
        var cuts: [Date] = [day, dayEnd]
        for leaf in sharing(owner) {
            let windows = Self.intersect(deliveryWindows(of: leaf), [(day, dayEnd)])
            guard !windows.isEmpty else { continue }
            delivering.append((leaf.id, windows))
            for (start, end) in windows {
                cuts.append(start)
                cuts.append(end)
            }
        }
        guard !delivering.isEmpty else { return [:] }
        for period in owner.holder.budgetHistory ?? [] where period.until > day && period.until < dayEnd {
            cuts.append(period.until)
        }
        cuts.sort()
        var pieces: [String: [Piece]] = [:]
        for (start, end) in zip(cuts, cuts.dropFirst()) where start < end {
            let active = delivering.filter { leaf in leaf.windows.contains { $0.0 <= start && end <= $0.1 } }
            guard !active.isEmpty else { continue }
            let rate = budgetRate(owner, at: start) / Double(active.count)
            guard rate > 0 else { continue }
            for leaf in active { pieces[leaf.id, default: []].append(Piece(start: start, end: end, rate: rate)) }
        }
        return pieces
    }

    /// The ads that spend from an owner: those under its members whose nearest budget it is, sorted by id so sums
    /// over them add up in the same order on every read.
    private mutating func sharing(_ owner: BudgetOwner) -> [MockEntity] {
        if let cached = sharingLeaves[owner.key] { return cached }
        var seen = Set<String>()
        var found: [MockEntity] = []
        for member in owner.members {
            for leaf in leaves(under: member) where seen.insert(leaf.id).inserted {
                if self.owner(of: leaf)?.key == owner.key { found.append(leaf) }
            }
        }
        found.sort { $0.id < $1.id }
        sharingLeaves[owner.key] = found
        return found
    }

    /// The owner's budget at an instant, in micros per second: a daily budget over the day's seconds, a lifetime
    /// budget spread evenly over the flight (the holder's schedule, else its members', else 30 days from its
    /// creation).
    private func budgetRate(_ owner: BudgetOwner, at instant: Date) -> Double {
        let budget = owner.holder.budget(at: instant)
        if let daily = budget.daily { return Double(max(0, daily)) / 86_400 }
        guard let lifetime = budget.lifetime else { return 0 }
        let start =
            owner.holder.scheduleStart ?? owner.members.compactMap(\.scheduleStart).min() ?? owner.holder.createdAt
        let end =
            owner.holder.scheduleEnd ?? owner.members.compactMap(\.scheduleEnd).max()
            ?? start.addingTimeInterval(30 * 86_400)
        let days = max(1, (end.timeIntervalSince(start) / 86_400).rounded(.up))
        return Double(max(0, lifetime)) / days / 86_400
    }

    /// The nearest entity above an ad that carries (or carried) a budget, or the budget entity it points at.
    private mutating func owner(of leaf: MockEntity) -> BudgetOwner? {
        if let cached = owners[leaf.id] { return cached }
        var found: BudgetOwner?
        for member in chain(of: leaf) where member.carriesBudget {
            if let link = reader?.sharedBudget(of: member),
                let budget = state.entities[WorldState.key(member.platform, link.budgetID)]
            {
                found = BudgetOwner(
                    key: "budget:" + budget.id, holder: budget, members: sharers(of: link, like: member))
            } else {
                found = BudgetOwner(key: member.id, holder: member, members: [member])
            }
            break
        }
        owners[leaf.id] = found
        return found
    }

    /// The entities of a kind in an account that point at a shared budget, found through the world's index when
    /// the field is indexed (the emulator that links them looks them up that way), else by a scan.
    private func sharers(of link: SharedBudgetLink, like member: MockEntity) -> [MockEntity] {
        let field = WorldIndex.FieldKey(platform: member.platform, kind: member.kind, field: link.field)
        let ids =
            state.index.ids(field, account: member.accountID, value: link.value)
            ?? state.order[WorldState.orderKey(member.platform, member.accountID, member.kind)] ?? []
        return ids.compactMap { state.entities[WorldState.key(member.platform, $0)] }.filter {
            $0.fields[link.field]?.string == link.value
        }
    }

    // MARK: - Windows

    /// When an ad delivers, up to the virtual now: after its creation, while it and every entity above it are
    /// active, and within every schedule in that chain.
    private mutating func deliveryWindows(of leaf: MockEntity) -> [(Date, Date)] {
        if let cached = windowsByLeaf[leaf.id] { return cached }
        let now = state.now
        var windows = leaf.createdAt < now ? [(leaf.createdAt, now)] : []
        for member in chain(of: leaf) where !windows.isEmpty {
            windows = Self.intersect(windows, member.activeIntervals.map { ($0.start, $0.end ?? now) })
            if member.scheduleStart != nil || member.scheduleEnd != nil {
                windows = Self.intersect(
                    windows, [(member.scheduleStart ?? .distantPast, member.scheduleEnd ?? .distantFuture)])
            }
        }
        windowsByLeaf[leaf.id] = windows
        return windows
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

    // MARK: - Truth

    /// What an ad delivers with on a day. Without truth anywhere up its chain that is its seeded defaults, the same
    /// every day, so found once per read.
    private mutating func rates(of leaf: MockEntity, day: Date) -> Rates {
        let members = membersWithTruth(of: leaf)
        guard !members.isEmpty else { return seeded(leaf) }
        let key = DayKey(leaf.id, day)
        if let cached = dailyRates[key] { return cached }
        var sources: [String: String]?
        let rates = resolve(leaf, day: day, members: members, sources: &sources)
        dailyRates[key] = rates
        return rates
    }

    /// An ad's performance on a day, with what each part came from, as `GET /_mock/truth` shows it.
    mutating func performance(of leaf: MockEntity, day: Date) -> EffectivePerformance {
        var sources: [String: String]? = [
            "clickThroughRate": "seed", "conversionRate": "seed", "valuePerConversion": "seed", "cpm": "seed",
            "pacing": "seed",
        ]
        let rates = resolve(leaf, day: day, members: membersWithTruth(of: leaf), sources: &sources)
        return EffectivePerformance(
            adID: leaf.id, day: day, clickThroughRate: rates.clickThroughRate, conversionRate: rates.conversionRate,
            valuePerConversionMicros: rates.valuePerConversionMicros, cpmMicros: rates.cpmMicros, pacing: rates.pacing,
            saturationSpendMicros: rates.saturationSpendMicros, saturationEntityID: rates.saturationEntityID,
            targeting: targeting(of: leaf, at: day), sources: sources ?? [:])
    }

    /// Each part from the nearest entity up the chain whose truth for the day sets it, else the seeded default;
    /// rates are kept within 0…1, money not negative and the CPM above 0, whatever was stored.
    private mutating func resolve(
        _ leaf: MockEntity, day: Date, members: [(id: String, versions: [PerformanceTruth])],
        sources: inout [String: String]?
    ) -> Rates {
        var result = seeded(leaf)
        var settled = Set<String>()
        for (id, versions) in members {
            guard let truth = Self.truth(versions, on: day) else { continue }
            func take<Value>(_ name: String, _ value: Value?, into path: WritableKeyPath<Rates, Value>) {
                guard let value, settled.insert(name).inserted else { return }
                result[keyPath: path] = value
                sources?[name] = id
            }
            take("clickThroughRate", truth.clickThroughRate.map { min(max($0, 0), 1) }, into: \.clickThroughRate)
            take("conversionRate", truth.conversionRate.map { min(max($0, 0), 1) }, into: \.conversionRate)
            take(
                "valuePerConversion", truth.valuePerConversionMicros.map { max($0, 0) },
                into: \.valuePerConversionMicros)
            take("cpm", truth.cpmMicros.flatMap { $0 > 0 ? $0 : nil }, into: \.cpmMicros)
            take("pacing", truth.pacing.map { Optional(min(max($0, 0), 1)) }, into: \.pacing)
            if let saturation = truth.saturationSpendMicros, saturation > 0, settled.insert("saturation").inserted {
                result.saturationSpendMicros = saturation
                result.saturationEntityID = id
                sources?["saturation"] = id
            }
        }
        return result
    }

    /// An ad's seeded defaults: CTR 0.5–2.5%, conversion rate 1–5%, 5.00–59.99 per conversion, CPM 4.00–11.99.
    private mutating func seeded(_ leaf: MockEntity) -> Rates {
        if let cached = seededRates[leaf.id] { return cached }
        let hash = SplitMix64.hash(state.seed, leaf.platform, leaf.id, "performance")
        let rates = Rates(
            clickThroughRate: 0.005 + Double(hash % 200) / 10_000,
            conversionRate: 0.01 + Double((hash >> 12) % 400) / 10_000,
            valuePerConversionMicros: 5_000_000 + Int64((hash >> 24) % 5_500) * 10_000,
            cpmMicros: 4_000_000 + Int64((hash >> 40) % 800) * 10_000)
        seededRates[leaf.id] = rates
        return rates
    }

    /// The entities up an ad's chain that have truth set, nearest first, with their versions.
    private mutating func membersWithTruth(of leaf: MockEntity) -> [(id: String, versions: [PerformanceTruth])] {
        if let cached = truthMembers[leaf.id] { return cached }
        var found: [(id: String, versions: [PerformanceTruth])] = []
        if !state.performance.isEmpty {
            for member in chain(of: leaf) {
                if let versions = state.performance[WorldState.key(member.platform, member.id)] {
                    found.append((member.id, versions))
                }
            }
        }
        truthMembers[leaf.id] = found
        return found
    }

    /// The version of an entity's truth in force on a day: the latest that starts on or before it.
    static func truth(_ versions: [PerformanceTruth]?, on day: Date) -> PerformanceTruth? {
        versions?.last { $0.from <= day }
    }

    /// g = k(1 − e^(−S/k)) ÷ S, for the saturating entity's whole day's spend S so far: the share of its spend that
    /// still buys impressions at the full rate.
    private mutating func saturationRatio(_ truth: Rates, day: Date) -> Double {
        guard let k = truth.saturationSpendMicros.map(Double.init), k > 0, let entityID = truth.saturationEntityID,
            let entity = state.entities[WorldState.key(platform, entityID)]
        else { return 1 }
        var spend = 0.0
        for leaf in leaves(under: entity) { spend += daySpend(of: leaf, day: day) }
        guard spend > 0 else { return 1 }
        return k * (1 - exp(-spend / k)) / spend
    }

    /// An ad's spend over a whole day (up to the virtual now), before rounding.
    private mutating func daySpend(of leaf: MockEntity, day: Date) -> Double {
        let key = DayKey(leaf.id, day)
        if let cached = daySpends[key] { return cached }
        let pacing = rates(of: leaf, day: day).pacing ?? Self.seededPacing(Self.dayHash(state.seed, leaf, day))
        let spend = allocation(of: leaf, day: day).reduce(0.0) {
            $0 + $1.rate * $1.end.timeIntervalSince($1.start) * pacing
        }
        daySpends[key] = spend
        return spend
    }

    // MARK: - Targeting

    /// The CPM factor of an ad's audience through `[from, to)`: where it changes and what it is from there.
    private mutating func audienceFactors(of leaf: MockEntity, from: Date, to: Date) -> [(Date, Double)] {
        guard let reader else { return [(from, 1)] }
        if let constant = constantFactor(of: leaf) { return [(from, constant)] }
        let chain = chain(of: leaf)
        var changes: Set<Date> = [from]
        for member in chain {
            for period in member.targetingHistory ?? [] where period.until > from && period.until < to {
                changes.insert(period.until)
            }
            guard !reader.criterionKinds.isEmpty else { continue }
            for criterion in criteria(of: member) {
                for instant in [criterion.createdAt, criterion.deleted ? criterion.updatedAt : nil].compactMap({ $0 })
                where instant > from && instant < to {
                    changes.insert(instant)
                }
            }
        }
        return changes.sorted().map { ($0, targeting(of: leaf, at: $0).cpmFactor) }
    }

    /// The CPM factor of an ad whose chain never changed its targeting (no replaced targeting, no criteria), found
    /// once per read; `nil` when it did, and the factor depends on the time.
    private mutating func constantFactor(of leaf: MockEntity) -> Double? {
        if let cached = constantFactors[leaf.id] { return cached }
        let chain = chain(of: leaf)
        let changes = chain.contains { $0.targetingHistory?.isEmpty == false || !criteria(of: $0).isEmpty }
        let factor = changes ? nil : targeting(of: leaf, at: leaf.createdAt).cpmFactor
        constantFactors[leaf.id] = .some(factor)
        return factor
    }

    /// The parts of `[from, to)` between an ad's audience changes, with the factor of each.
    static func segments(_ factors: [(Date, Double)], from: Date, to: Date) -> [(Date, Date, Double)] {
        var result: [(Date, Date, Double)] = []
        for (index, (start, factor)) in factors.enumerated() {
            let end = index + 1 < factors.count ? factors[index + 1].0 : Date.distantFuture
            let low = max(start, from)
            let high = min(end, to)
            if low < high { result.append((low, high, factor)) }
        }
        // Before the first change point (only when asked from earlier than the day): the first factor.
        if let first = factors.first, from < first.0 {
            result.insert((from, min(first.0, to), first.1), at: 0)
        }
        return result
    }

    /// The targeting in force for an ad at an instant: each part from the nearest entity up its chain that sets it.
    mutating func targeting(of leaf: MockEntity, at instant: Date) -> DeliveryTargeting {
        var merged = DeliveryTargeting()
        guard reader != nil else { return merged }
        for member in chain(of: leaf) {
            merged = merged.inheriting(ownTargeting(of: member, at: instant))
        }
        return merged
    }

    /// What an entity itself targeted at an instant: the targeting a later change replaced, or what its fields and
    /// its criteria in force then say.
    private mutating func ownTargeting(of entity: MockEntity, at instant: Date) -> DeliveryTargeting? {
        guard let reader else { return nil }
        if let period = entity.targetingHistory?.first(where: { $0.until > instant }) { return period.targeting }
        let inForce =
            reader.criterionKinds.isEmpty
            ? []
            : criteria(of: entity).filter { criterion in
                criterion.createdAt <= instant && !(criterion.deleted && criterion.updatedAt <= instant)
            }
        return reader.targeting(of: entity, criteria: inForce)
    }

    /// An entity's children that carry its targeting, removed ones included (they targeted until removed).
    private func criteria(of entity: MockEntity) -> [MockEntity] {
        guard let kinds = reader?.criterionKinds, !kinds.isEmpty else { return [] }
        return state.index.children(entity.platform, of: entity.id).compactMap {
            state.entities[WorldState.key(entity.platform, $0)]
        }.filter { kinds.contains($0.kind) }
    }

    // MARK: - Structure

    /// The ads under an entity (or the entity itself when it is one), walking the index's children of every kind.
    mutating func leaves(under root: MockEntity) -> [MockEntity] {
        if root.role == .leaf { return [root] }
        if let cached = leavesByRoot[root.id] { return cached }
        var visited: Set<String> = [root.id]
        var found: [MockEntity] = []
        var frontier = [root.id]
        while let next = frontier.popLast() {
            for id in state.index.children(root.platform, of: next) where !visited.contains(id) {
                visited.insert(id)
                guard let child = state.entities[WorldState.key(root.platform, id)] else { continue }
                if child.role == .leaf { found.append(child) } else { frontier.append(id) }
            }
        }
        // Sorted, so sums over them add up in the same order on every read.
        found.sort { $0.id < $1.id }
        leavesByRoot[root.id] = found
        return found
    }

    /// An entity and its ancestors, nearest first (at most 8, against a cycle in hand-written state).
    mutating func chain(of entity: MockEntity) -> [MockEntity] {
        if let cached = chains[entity.id] { return cached }
        var chain = [entity]
        var current = entity
        while let parentID = current.parentID,
            let parent = state.entities[WorldState.key(entity.platform, parentID)], chain.count < 8
        {
            chain.append(parent)
            current = parent
        }
        chains[entity.id] = chain
        return chain
    }
}
