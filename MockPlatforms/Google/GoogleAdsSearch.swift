import Foundation

/// Runs a parsed GAQL query against one customer's entities: checks every field against the official schema and
/// the resource's attributed resources, filters, reports `metrics.*` from the world's synthetic delivery (one row per
/// day when `segments.date` is selected), orders and limits.
struct GoogleAdsSearch: Sendable {
    /// Where a field lives.
    enum Scope: Hashable, Sendable {
        case resource(GoogleAdsResource)
        case metrics
        case segments
    }

    /// A checked field reference.
    struct FieldRef: Sendable {
        /// As written, `campaign.network_settings.target_google_search`.
        var text: String
        /// The resource, `metrics` or `segments`.
        var scope: Scope
        /// JSON names below the row key: `["networkSettings", "targetGoogleSearch"]`.
        var jsonPath: [String]
        /// The last field.
        var leaf: GoogleAdsSchema.Field
        /// The row key: `campaign`, `metrics`, `segments`.
        var rowKey: String

        /// The field-mask path: `campaign.networkSettings.targetGoogleSearch`.
        var maskPath: String { ([rowKey] + jsonPath).joined(separator: ".") }

        /// Whether values compare as numbers.
        var isNumeric: Bool {
            switch leaf.kind {
            case .int32, .uint32, .int64, .uint64, .float, .double: true
            default: false
            }
        }
    }

    /// A checked condition.
    struct Filter: Sendable {
        /// The field.
        var field: FieldRef
        /// The condition.
        var condition: GoogleAdsQuery.Condition
        /// The compiled pattern, for `LIKE`.
        var like: GoogleAdsLikePattern?
        /// The day range, for `segments.date` with `DURING` or `BETWEEN`.
        var days: ClosedRange<GoogleAdsDay>?
    }

    /// A checked query.
    struct Plan: Sendable {
        var resource: GoogleAdsResource
        var selected: [FieldRef]
        var filters: [Filter]
        var dateFilters: [Filter]
        var orderings: [(field: FieldRef, descending: Bool)]
        var limit: Int?
        var lowerDay: GoogleAdsDay?
        var upperDay: GoogleAdsDay?
        var segmentedByDate: Bool
        var selectsMetrics: Bool
        var needsDelivery: Bool
        var omitUnselectedResourceNames: Bool

        /// The response's `fieldMask`.
        var fieldMask: String { selected.map(\.maskPath).joined(separator: ",") }
    }

    /// The rows of a query and their summed delivery (for the summary row).
    struct Result: Sendable {
        var rows: [MockJSON]
        var totals: DeliveryTotals
    }

    /// Where a field is used, for error codes.
    enum Clause {
        case select, filter, order

        var name: String {
            switch self {
            case .select: "SELECT"
            case .filter: "WHERE"
            case .order: "ORDER BY"
            }
        }
    }

    /// The world.
    let world: MockWorld
    /// The customer searched.
    let customerID: String
    /// The schema.
    var schema: GoogleAdsSchema = .v23

    /// Real resources the emulator does not serve, refused as not supported rather than unknown.
    static let unservedResources: Set<String> = [
        "ad", "ad_group_ad_asset_view", "ad_group_asset", "ad_group_bid_modifier", "ad_group_label", "asset_group",
        "bidding_strategy", "campaign_asset", "campaign_label", "change_event", "change_status", "click_view",
        "conversion_action", "customer_client", "customer_client_link", "geo_target_constant", "keyword_view", "label",
        "landing_page_view", "search_term_view", "shared_set", "user_list", "video", "ad_schedule_view",
        "age_range_view", "gender_view", "geographic_view", "display_keyword_view", "topic_view", "user_location_view",
    ]

    // MARK: - Checking

    /// Checks a query against the schema and the resource in `FROM`.
    func plan(_ query: GoogleAdsQuery, today: GoogleAdsDay) throws(GoogleAdsQueryError) -> Plan {
        guard let resource = GoogleAdsResource.gaql(query.from) else {
            if Self.unservedResources.contains(query.from) {
                throw GoogleAdsQueryError(
                    "PROHIBITED_RESOURCE_TYPE_IN_FROM_CLAUSE",
                    "Resource type '\(query.from)' in the FROM clause is not supported by this emulator; it serves "
                        + GoogleAdsResource.allCases.map(\.gaqlName).joined(separator: ", ") + ".",
                    trigger: query.from)
            }
            throw GoogleAdsQueryError(
                "BAD_RESOURCE_TYPE_IN_FROM_CLAUSE", "Error in query: invalid resource type '\(query.from)' in FROM.",
                trigger: query.from)
        }
        var selected: [FieldRef] = []
        for text in query.select { selected.append(try resolve(text, clause: .select, from: resource)) }
        var filters: [Filter] = []
        var dateFilters: [Filter] = []
        var lower: GoogleAdsDay?
        var upper: GoogleAdsDay?
        func bound(low: GoogleAdsDay?, high: GoogleAdsDay?) {
            if let low { lower = max(lower ?? low, low) }
            if let high { upper = min(upper ?? high, high) }
        }
        for condition in query.conditions {
            let field = try resolve(condition.field, clause: .filter, from: resource)
            let filter = try check(condition, field: field, today: today)
            guard field.scope == .segments else {
                filters.append(filter)
                continue
            }
            dateFilters.append(filter)
            let days = condition.values.flatMap { value -> [GoogleAdsDay] in
                if case .list(let items) = value { return items.compactMap { $0.text.flatMap(GoogleAdsDay.init) } }
                return value.text.flatMap(GoogleAdsDay.init).map { [$0] } ?? []
            }
            switch condition.op {
            case .during, .between: bound(low: filter.days?.lowerBound, high: filter.days?.upperBound)
            case .equals, .isIn: bound(low: days.min(), high: days.max())
            case .greaterOrEqual: bound(low: days.first, high: nil)
            case .greater: bound(low: days.first?.advanced(by: 1), high: nil)
            case .lessOrEqual: bound(low: nil, high: days.first)
            case .less: bound(low: nil, high: days.first?.advanced(by: -1))
            default: break
            }
        }
        var orderings: [(field: FieldRef, descending: Bool)] = []
        for ordering in query.orderings {
            orderings.append((try resolve(ordering.field, clause: .order, from: resource), ordering.descending))
        }
        let segmented = selected.contains { $0.scope == .segments }
        if segmented, dateFilters.isEmpty {
            throw GoogleAdsQueryError(
                "EXPECTED_FILTERS_ON_DATE_RANGE",
                "Error in query: segments.date in the SELECT clause requires a finite date range in the WHERE clause.")
        }
        let selectsMetrics = selected.contains { $0.scope == .metrics }
        let needsDelivery =
            selectsMetrics || segmented || filters.contains { $0.field.scope == .metrics }
            || orderings.contains { $0.field.scope == .metrics }
        return Plan(
            resource: resource, selected: selected, filters: filters, dateFilters: dateFilters, orderings: orderings,
            limit: query.limit, lowerDay: lower, upperDay: upper, segmentedByDate: segmented,
            selectsMetrics: selectsMetrics, needsDelivery: needsDelivery,
            omitUnselectedResourceNames: query.parameters["omit_unselected_resource_names"] == "true")
    }

    /// Resolves a GAQL field against the schema.
    func resolve(
        _ text: String, clause: Clause, from resource: GoogleAdsResource
    ) throws(GoogleAdsQueryError)
        -> FieldRef
    {
        let parts = text.split(separator: ".")
        let unrecognized = GoogleAdsQueryError(
            "UNRECOGNIZED_FIELD", "Unrecognized field in the query: '\(text)'.", trigger: text)
        guard parts.count >= 2 else { throw unrecognized }
        let head = String(parts[0])
        let rest = Array(parts.dropFirst())
        switch head {
        case "metrics":
            guard let fields = schema.resolve(rest, from: "common.Metrics"), let leaf = fields.last else {
                throw unrecognized
            }
            guard resource.hasMetrics else {
                throw GoogleAdsQueryError(
                    "PROHIBITED_METRIC_IN_SELECT_OR_WHERE_CLAUSE",
                    "Cannot select or filter on the following metrics: '\(text)' (could not support requested "
                        + "resources: '\(resource.gaqlName)').", trigger: text)
            }
            return FieldRef(
                text: text, scope: .metrics, jsonPath: fields.map(\.jsonName), leaf: leaf, rowKey: "metrics")
        case "segments":
            guard let fields = schema.resolve(rest, from: "common.Segments"), let leaf = fields.last else {
                throw unrecognized
            }
            guard resource.hasMetrics, rest == ["date"] else {
                throw GoogleAdsQueryError(
                    "PROHIBITED_SEGMENT_IN_SELECT_OR_WHERE_CLAUSE",
                    "Cannot select or filter on the following segments: '\(text)' (the emulator segments "
                        + "campaign, ad_group, ad_group_ad, campaign_budget and customer by segments.date only).",
                    trigger: text)
            }
            return FieldRef(
                text: text, scope: .segments, jsonPath: fields.map(\.jsonName), leaf: leaf, rowKey: "segments")
        default:
            guard let target = GoogleAdsResource.gaql(head) else {
                if Self.unservedResources.contains(head) { throw prohibitedResource(text, clause: clause) }
                throw unrecognized
            }
            guard let fields = schema.resolve(rest, from: target.messageName), let leaf = fields.last else {
                throw unrecognized
            }
            guard target == resource || resource.attributedResources.contains(target) else {
                throw prohibitedResource(text, clause: clause)
            }
            return FieldRef(
                text: text, scope: .resource(target), jsonPath: fields.map(\.jsonName), leaf: leaf,
                rowKey: target.rowKey)
        }
    }

    private func prohibitedResource(_ text: String, clause: Clause) -> GoogleAdsQueryError {
        let code =
            switch clause {
            case .select: "PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE"
            case .filter: "PROHIBITED_RESOURCE_TYPE_IN_WHERE_CLAUSE"
            case .order: "PROHIBITED_FIELD_IN_ORDER_BY_CLAUSE"
            }
        return GoogleAdsQueryError(
            code,
            "Cannot use the following field in the \(clause.name) clause: '\(text)', since its resource is "
                + "incompatible with the resource in the FROM clause.", trigger: text)
    }

    /// Checks a condition's operator and values against its field.
    private func check(
        _ condition: GoogleAdsQuery.Condition, field: FieldRef, today: GoogleAdsDay
    )
        throws(GoogleAdsQueryError) -> Filter
    {
        var filter = Filter(field: field, condition: condition)
        let isDate = field.scope == .segments
        let mismatch = GoogleAdsQueryError(
            "OPERATOR_FIELD_MISMATCH",
            "Error in query: operator \(condition.op.rawValue) cannot be applied to field '\(field.text)'.",
            trigger: field.text)
        if case .message = field.leaf.kind {
            throw GoogleAdsQueryError(
                "PROHIBITED_FIELD_IN_WHERE_CLAUSE", "Error in query: field '\(field.text)' cannot be filtered on.",
                trigger: field.text)
        }
        switch condition.op {
        case .regexpMatch, .notRegexpMatch:
            throw GoogleAdsQueryError(
                "BAD_OPERATOR", "Error in query: the emulator does not evaluate \(condition.op.rawValue); use LIKE.",
                trigger: condition.op.rawValue)
        case .during:
            guard isDate else { throw mismatch }
            guard case .literal(let function) = condition.values.first,
                let days = GoogleAdsDay.range(during: function, today: today)
            else {
                let text = condition.values.first?.text ?? ""
                throw GoogleAdsQueryError(
                    "INVALID_VALUE_WITH_DURING_OPERATOR",
                    "Error in query: invalid value with DURING operator: \(text).",
                    trigger: text)
            }
            filter.days = days
        case .between:
            guard condition.values.count == 2 else {
                throw GoogleAdsQueryError(
                    "EXPECTED_VALUE_WITH_BETWEEN_OPERATOR", "Error in query: missing values with BETWEEN.")
            }
            if isDate {
                guard case .string(let lowText) = condition.values[0], case .string(let highText) = condition.values[1],
                    let low = GoogleAdsDay(lowText), let high = GoogleAdsDay(highText)
                else {
                    let text = condition.values.compactMap(\.text).joined(separator: " AND ")
                    throw GoogleAdsQueryError(
                        "INVALID_VALUE_WITH_BETWEEN_OPERATOR",
                        "Error in query: the values with BETWEEN are not dates: \(text).", trigger: text)
                }
                guard low <= high else {
                    throw GoogleAdsQueryError(
                        "DATE_RANGE_TOO_NARROW",
                        "Error in query: the start date \(lowText) is after the end date "
                            + "\(highText).", trigger: lowText)
                }
                filter.days = low...high
            } else {
                for value in condition.values { try checkValue(value, field: field) }
            }
        case .like, .notLike:
            guard field.leaf.kind == .string, !field.leaf.repeated, !isDate else { throw mismatch }
            guard case .string(let pattern) = condition.values.first, let compiled = GoogleAdsLikePattern(pattern)
            else {
                let text = condition.values.first?.text ?? ""
                throw GoogleAdsQueryError(
                    "INVALID_VALUE_WITH_LIKE_OPERATOR", "Error in query: invalid value with LIKE operator: \(text).",
                    trigger: text)
            }
            filter.like = compiled
        case .containsAny, .containsAll, .containsNone:
            guard field.leaf.repeated else { throw mismatch }
            for value in condition.values { try checkValue(value, field: field) }
        case .isNull, .isNotNull:
            break
        case .equals, .notEquals, .greater, .greaterOrEqual, .less, .lessOrEqual, .isIn, .notIn:
            guard !field.leaf.repeated else { throw mismatch }
            for value in condition.values { try checkValue(value, field: field) }
        }
        return filter
    }

    /// Checks a literal against a field's type: enum names, numbers, quoted strings, `TRUE`/`FALSE`, dates.
    private func checkValue(_ value: GoogleAdsQuery.Value, field: FieldRef) throws(GoogleAdsQueryError) {
        if case .list(let items) = value {
            for item in items { try checkValue(item, field: field) }
            return
        }
        let text = value.text ?? ""
        switch field.leaf.kind {
        case .enumeration(let name):
            var isName = true
            if case .number = value { isName = false }
            guard isName, let enumeration = schema.enums[name], enumeration.numbers[text] != nil else {
                throw GoogleAdsQueryError(
                    "BAD_ENUM_CONSTANT", "Error in query: invalid enum constant '\(text)' for field '\(field.text)'.",
                    trigger: text)
            }
        case .int32, .uint32, .int64, .uint64, .float, .double:
            var isNumber = Double(text) != nil
            if case .literal = value { isNumber = false }
            guard isNumber else {
                throw GoogleAdsQueryError(
                    "BAD_NUMBER", "Error in query: '\(text)' is not a number for field '\(field.text)'.", trigger: text)
            }
        case .bool:
            guard case .literal = value, ["TRUE", "FALSE"].contains(text.uppercased()) else {
                throw GoogleAdsQueryError(
                    "BAD_VALUE", "Error in query: '\(text)' is not TRUE or FALSE for field '\(field.text)'.",
                    trigger: text)
            }
        case .string:
            guard case .string = value else {
                throw GoogleAdsQueryError(
                    "INVALID_STRING_VALUE", "Error in query: the value for '\(field.text)' must be a quoted string.",
                    trigger: text)
            }
            if field.scope == .segments, GoogleAdsDay(text) == nil {
                throw GoogleAdsQueryError(
                    "INVALID_DATE_FORMAT", "Invalid date format. Expected 'YYYY-MM-DD'.", trigger: text)
            }
        case .bytes, .message, .any:
            throw GoogleAdsQueryError(
                "PROHIBITED_FIELD_IN_WHERE_CLAUSE", "Error in query: field '\(field.text)' cannot be filtered on.",
                trigger: field.text)
        }
    }

    // MARK: - Running

    /// One candidate row: the resources it can read from, and delivery once known.
    private struct Context {
        var resources: [GoogleAdsResource: MockJSON]
        var totals: DeliveryTotals?
        var day: GoogleAdsDay?
    }

    /// Runs a checked query.
    func run(_ plan: Plan, today: GoogleAdsDay) -> Result {
        let now = world.now
        var emitted: [(json: MockJSON, keys: [MockJSON?], totals: DeliveryTotals)] = []
        var lookups: [String: MockEntity] = [:]
        func entity(_ id: String?) -> MockEntity? {
            guard let id else { return nil }
            if let cached = lookups[id] { return cached }
            let found = world.entity("google", id)
            lookups[id] = found
            return found
        }
        let customer = customerJSON()
        let candidates: [MockEntity?] =
            plan.resource == .customer
            ? [nil] : world.entities("google", kind: plan.resource.rowKey, account: customerID, includeDeleted: true)
        let campaigns =
            plan.needsDelivery && (plan.resource == .customer || plan.resource == .campaignBudget)
            ? world.entities(
                "google", kind: GoogleAdsResource.campaign.rowKey, account: customerID, includeDeleted: true) : []
        let resourceFilters = plan.filters.filter { $0.field.scope != .metrics }
        let metricFilters = plan.filters.filter { $0.field.scope == .metrics }
        var pending: [(context: Context, members: [MockEntity])] = []
        for candidate in candidates {
            var context = Context(resources: [.customer: customer])
            var deliveryIDs: [MockEntity] = []
            if let candidate {
                context.resources[plan.resource] = candidate.fields
                switch plan.resource {
                case .campaign:
                    let budgetID = candidate.fields["campaignBudget"]?.string.flatMap(Self.lastID)
                    if let budget = entity(budgetID) { context.resources[.campaignBudget] = budget.fields }
                    deliveryIDs = [candidate]
                case .adGroup, .campaignCriterion:
                    if let campaign = entity(candidate.parentID) { context.resources[.campaign] = campaign.fields }
                    deliveryIDs = [candidate]
                case .adGroupAd, .adGroupCriterion:
                    if let adGroup = entity(candidate.parentID) {
                        context.resources[.adGroup] = adGroup.fields
                        if let campaign = entity(adGroup.parentID) { context.resources[.campaign] = campaign.fields }
                    }
                    deliveryIDs = [candidate]
                case .campaignBudget:
                    let name = candidate.fields["resourceName"]?.string
                    deliveryIDs = campaigns.filter { $0.fields["campaignBudget"]?.string == name }
                case .asset, .customer:
                    break
                }
            } else {
                deliveryIDs = campaigns
            }
            guard resourceFilters.allSatisfy({ matches($0, in: context) }) else { continue }
            pending.append((context, deliveryIDs))
        }
        func emit(_ context: Context) {
            guard metricFilters.allSatisfy({ matches($0, in: context) }) else { return }
            let keys = plan.orderings.map { value(of: $0.field, in: context) }
            emitted.append((row(plan, context), keys, context.totals ?? DeliveryTotals()))
        }
        guard plan.needsDelivery else {
            for (context, _) in pending { emit(context) }
            return finish(plan, emitted)
        }
        // Every row's delivery from one model, so what the rows share (budgets' days, chains) is worked out once.
        let daily = plan.segmentedByDate || !plan.dateFilters.isEmpty
        let delivered =
            daily
            ? dailyTotals(of: pending.map(\.members), plan: plan, today: today)
            : lifetimeTotals(of: pending.map(\.members), now: now).map { [(day: today, totals: $0)] }
        for ((context, _), days) in zip(pending, delivered) {
            var context = context
            if plan.segmentedByDate {
                for (day, totals) in days where !Self.isZero(totals) {
                    context.totals = totals
                    context.day = day
                    emit(context)
                }
            } else {
                context.totals = days.reduce(DeliveryTotals()) { $0 + $1.totals }
                emit(context)
            }
        }
        return finish(plan, emitted)
    }

    /// Orders and limits the emitted rows.
    private func finish(
        _ plan: Plan, _ rows: [(json: MockJSON, keys: [MockJSON?], totals: DeliveryTotals)]
    ) -> Result {
        var emitted = rows
        if !plan.orderings.isEmpty {
            let orderings = plan.orderings
            emitted = emitted.enumerated().sorted { lhs, rhs in
                for (index, ordering) in orderings.enumerated() {
                    let order = Self.compare(
                        lhs.element.keys[index], rhs.element.keys[index], numeric: ordering.field.isNumeric)
                    if order != 0 { return ordering.descending ? order > 0 : order < 0 }
                }
                return lhs.offset < rhs.offset
            }.map(\.element)
        }
        if let limit = plan.limit, emitted.count > limit { emitted = Array(emitted.prefix(limit)) }
        return Result(rows: emitted.map(\.json), totals: emitted.reduce(DeliveryTotals()) { $0 + $1.totals })
    }

    /// Delivery per day of each group of entities (summed within the group), over the plan's days (clipped to the
    /// group's lifetime and today), keeping only the days every `segments.date` condition accepts.
    private func dailyTotals(
        of groups: [[MockEntity]], plan: Plan, today: GoogleAdsDay
    ) -> [[(day: GoogleAdsDay, totals: DeliveryTotals)]] {
        var spans: [(low: GoogleAdsDay, high: GoogleAdsDay)?] = []
        var ranges: [(entityID: String, from: Date, to: Date)] = []
        for members in groups {
            guard let earliest = members.map(\.createdAt).min() else {
                spans.append(nil)
                continue
            }
            let low = max(plan.lowerDay ?? GoogleAdsDay(earliest), GoogleAdsDay(earliest))
            let high = min(plan.upperDay ?? today, today)
            guard low <= high else {
                spans.append(nil)
                continue
            }
            spans.append((low, high))
            for member in members {
                for number in low.number...high.number {
                    let day = GoogleAdsDay(number: number)
                    ranges.append((member.id, day.start, day.advanced(by: 1).start))
                }
            }
        }
        var delivered = world.deliveries("google", ranges).makeIterator()
        return zip(groups, spans).map { members, span in
            guard let (low, high) = span else { return [] }
            var byDay = [DeliveryTotals](repeating: DeliveryTotals(), count: high.number - low.number + 1)
            for _ in members {
                for index in byDay.indices { byDay[index] = byDay[index] + (delivered.next() ?? DeliveryTotals()) }
            }
            var result: [(day: GoogleAdsDay, totals: DeliveryTotals)] = []
            for (index, totals) in byDay.enumerated() {
                let day = GoogleAdsDay(number: low.number + index)
                let context = Context(resources: [:], day: day)
                guard plan.dateFilters.allSatisfy({ matches($0, in: context) }) else { continue }
                result.append((day, totals))
            }
            return result
        }
    }

    /// Each group's delivery over its members' lifetimes, summed within the group.
    private func lifetimeTotals(of groups: [[MockEntity]], now: Date) -> [DeliveryTotals] {
        var delivered = world.deliveries("google", groups.flatMap { $0.map { ($0.id, $0.createdAt, now) } })
            .makeIterator()
        return groups.map { members in
            members.reduce(DeliveryTotals()) { total, _ in total + (delivered.next() ?? DeliveryTotals()) }
        }
    }

    private static func isZero(_ totals: DeliveryTotals) -> Bool {
        totals.impressions == 0 && totals.clicks == 0 && totals.spendMicros == 0 && totals.conversions == 0
            && totals.revenueMicros == 0
    }

    /// The last path component of a resource name: `customers/1/campaignBudgets/11` → `11`.
    static func lastID(_ resourceName: String) -> String? {
        resourceName.split(separator: "/").last.map(String.init)
    }

    /// The customer resource (the emulator's customers are USD accounts on UTC).
    func customerJSON() -> MockJSON {
        .object([
            ("resourceName", .string("customers/\(customerID)")), ("id", .string(customerID)),
            ("descriptiveName", .string("Emulated customer \(customerID)")), ("currencyCode", .string("USD")),
            ("timeZone", .string("Etc/UTC")), ("autoTaggingEnabled", .bool(true)), ("manager", .bool(false)),
            ("testAccount", .bool(true)), ("status", .string("ENABLED")),
        ])
    }

    // MARK: - Values

    /// A field's value in a row context; `nil` when unset.
    private func value(of field: FieldRef, in context: Context) -> MockJSON? {
        switch field.scope {
        case .segments:
            return context.day.map { .string($0.text) }
        case .metrics:
            guard let name = field.jsonPath.first else { return nil }
            return Self.metric(name, context.totals ?? DeliveryTotals())
        case .resource(let resource):
            var current = context.resources[resource]
            for key in field.jsonPath { current = current?[key] }
            return current
        }
    }

    /// A metric's value from delivery, in the API's types: int64 counts and micros as strings, ratios as doubles.
    static func metric(_ name: String, _ totals: DeliveryTotals) -> MockJSON? {
        let impressions = Double(totals.impressions)
        let clicks = Double(totals.clicks)
        let cost = Double(totals.spendMicros)
        let conversions = Double(totals.conversions)
        let value = Double(totals.revenueMicros) / 1_000_000
        func ratio(_ numerator: Double, _ denominator: Double) -> MockJSON {
            .double(denominator > 0 ? numerator / denominator : 0)
        }
        switch name {
        case "impressions": return .string(String(totals.impressions))
        case "clicks", "interactions": return .string(String(totals.clicks))
        case "costMicros": return .string(String(totals.spendMicros))
        case "conversions", "allConversions": return .double(conversions)
        case "conversionsValue", "allConversionsValue": return .double(value)
        case "ctr", "interactionRate": return ratio(clicks, impressions)
        case "averageCpc", "averageCost": return ratio(cost, clicks)
        case "averageCpm": return ratio(cost * 1_000, impressions)
        case "costPerConversion", "costPerAllConversions": return ratio(cost, conversions)
        case "conversionsFromInteractionsRate", "allConversionsFromInteractionsRate": return ratio(conversions, clicks)
        case "valuePerConversion", "valuePerAllConversions": return ratio(value, conversions)
        default: return nil
        }
    }

    /// The default of an unset field, as proto3 reads it.
    private static func defaultValue(_ kind: GoogleAdsSchema.Kind) -> MockJSON? {
        switch kind {
        case .string: .string("")
        case .bool: .bool(false)
        case .int32, .uint32, .int64, .uint64, .float, .double: .number("0")
        case .enumeration: .string("UNSPECIFIED")
        default: nil
        }
    }

    /// Whether a row satisfies a condition.
    private func matches(_ filter: Filter, in context: Context) -> Bool {
        let field = filter.field
        let actual = value(of: field, in: context)
        let condition = filter.condition
        switch condition.op {
        case .isNull:
            return actual == nil || actual == .array([])
        case .isNotNull:
            return !(actual == nil || actual == .array([]))
        case .containsAny, .containsAll, .containsNone:
            let have = (actual?.array ?? []).compactMap(\.text)
            let wanted = condition.values.flatMap { value -> [String] in
                if case .list(let items) = value { return items.compactMap(\.text) }
                return value.text.map { [$0] } ?? []
            }
            switch condition.op {
            case .containsAny: return wanted.contains { have.contains($0) }
            case .containsAll: return wanted.allSatisfy { have.contains($0) }
            default: return !wanted.contains { have.contains($0) }
            }
        default:
            break
        }
        guard let scalar = actual ?? Self.defaultValue(field.leaf.kind), let text = scalar.text else { return false }
        func compare(_ literal: GoogleAdsQuery.Value) -> Int? {
            guard let other = literal.text else { return nil }
            if field.isNumeric {
                guard let a = Double(text), let b = Double(other) else { return nil }
                return a < b ? -1 : (a > b ? 1 : 0)
            }
            if field.leaf.kind == .bool { return text.uppercased() == other.uppercased() ? 0 : 1 }
            return text < other ? -1 : (text > other ? 1 : 0)
        }
        let first = condition.values.first
        switch condition.op {
        case .equals: return first.flatMap(compare) == 0
        case .notEquals: return first.flatMap(compare).map { $0 != 0 } ?? false
        case .greater: return first.flatMap(compare).map { $0 > 0 } ?? false
        case .greaterOrEqual: return first.flatMap(compare).map { $0 >= 0 } ?? false
        case .less: return first.flatMap(compare).map { $0 < 0 } ?? false
        case .lessOrEqual: return first.flatMap(compare).map { $0 <= 0 } ?? false
        case .isIn, .notIn:
            guard case .list(let items) = first else { return false }
            let found = items.contains { compare($0) == 0 }
            return condition.op == .isIn ? found : !found
        case .like: return filter.like?.matches(text) ?? false
        case .notLike: return !(filter.like?.matches(text) ?? true)
        case .during, .between:
            if let days = filter.days, let day = GoogleAdsDay(text) { return days.contains(day) }
            guard condition.values.count == 2, let low = compare(condition.values[0]),
                let high = compare(condition.values[1])
            else { return false }
            return low >= 0 && high <= 0
        default:
            return false
        }
    }

    /// Orders two values: numbers numerically, everything else as text; unset values first.
    private static func compare(_ lhs: MockJSON?, _ rhs: MockJSON?, numeric: Bool) -> Int {
        switch (lhs?.text, rhs?.text) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let a?, let b?):
            if numeric, let x = Double(a), let y = Double(b) { return x < y ? -1 : (x > y ? 1 : 0) }
            return a < b ? -1 : (a > b ? 1 : 0)
        }
    }

    // MARK: - Rows

    /// A `GoogleAdsRow` with the selected fields, plus the resource names the API adds for every resource in the
    /// row (and the `FROM` resource), unless `omit_unselected_resource_names` is set.
    private func row(_ plan: Plan, _ context: Context) -> MockJSON {
        var row = MockJSON.object([])
        var touched: [GoogleAdsResource] = []
        var touchesAd = false
        if !plan.omitUnselectedResourceNames, let resource = context.resources[plan.resource],
            let name = resource["resourceName"]
        {
            row = Self.inserting(name, at: [plan.resource.rowKey, "resourceName"], into: row)
            touched.append(plan.resource)
        }
        for field in plan.selected {
            if case .resource(let resource) = field.scope, !touched.contains(resource) {
                touched.append(resource)
                if !plan.omitUnselectedResourceNames, let name = context.resources[resource]?["resourceName"] {
                    row = Self.inserting(name, at: [resource.rowKey, "resourceName"], into: row)
                }
            }
            if field.scope == .resource(.adGroupAd), field.jsonPath.count > 1, field.jsonPath.first == "ad",
                !touchesAd
            {
                touchesAd = true
                if !plan.omitUnselectedResourceNames,
                    let name = context.resources[.adGroupAd]?["ad"]?["resourceName"]
                {
                    row = Self.inserting(name, at: ["adGroupAd", "ad", "resourceName"], into: row)
                }
            }
            if let value = value(of: field, in: context) {
                row = Self.inserting(value, at: [field.rowKey] + field.jsonPath, into: row)
            }
        }
        return row
    }

    /// A copy of an object with a value set at a path of member names, creating objects on the way.
    static func inserting(_ value: MockJSON, at path: [String], into object: MockJSON) -> MockJSON {
        guard let key = path.first else { return value }
        if path.count == 1 { return object.setting(key, value) }
        let child = object[key] ?? .object([])
        return object.setting(key, inserting(value, at: Array(path.dropFirst()), into: child))
    }
}
