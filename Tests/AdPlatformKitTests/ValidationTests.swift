import AdPlatformKit
import Foundation
import Testing

@Suite("Validation")
struct ValidationTests {
    let validator = RequestValidator()

    private func violations(_ request: TraffickingRequest, _ capabilities: PlatformCapabilities) -> [Violation] {
        validator.validate(request, against: [capabilities])
    }

    @Test("a clean request has no hard violations on either shape")
    func clean() {
        let request = TestCapabilities.request(media: [])
        #expect(violations(request, TestCapabilities.search).filter { $0.severity == .hard }.isEmpty)
        let social = TestCapabilities.request()
        #expect(violations(social, TestCapabilities.social).filter { $0.severity == .hard }.isEmpty)
    }

    @Test(
        "a 30-character hard limit: at, below and above",
        arguments: [(29, false), (30, false), (31, true)])
    func headlineBound(length: Int, violates: Bool) {
        let headline = String(repeating: "a", count: length)
        let request = TestCapabilities.request(headlines: [headline, "Two", "Three"], media: [])
        let found = violations(request, TestCapabilities.search).filter { $0.rule == .tooLong }
        #expect(found.isEmpty == !violates)
        if violates {
            #expect(found.first?.fieldPath == "creatives[0].headlines[0]")
            #expect(found.first?.limit == "30 characters; CJK characters count 2")
            #expect(found.first?.actual == "31 characters")
            #expect(found.first?.severity == .hard)
            #expect(found.first?.platform == "searchads")
        }
    }

    @Test(
        "CJK characters count as two where the platform says so",
        arguments: [
            ("日本語のテキスト", 16), ("abc", 3), ("한국어", 6), ("Ｆｕｌｌ", 8), ("café", 4), ("混合mixed", 9),
        ])
    func cjkCounting(text: String, expected: Int) {
        #expect(LengthCounting.cjkAsTwo.length(of: text) == expected)
        #expect(LengthCounting.characters.length(of: text) == text.count)
    }

    @Test("50 CJK characters of ad text fit 100; 51 do not")
    func cjkBound() {
        let fits = TestCapabilities.request(primaryText: String(repeating: "字", count: 50))
        #expect(violations(fits, TestCapabilities.social).filter { $0.fieldPath == "creatives[0].primaryText" }.isEmpty)
        let over = TestCapabilities.request(primaryText: String(repeating: "字", count: 51))
        let found = violations(over, TestCapabilities.social).filter { $0.fieldPath == "creatives[0].primaryText" }
        #expect(found.map(\.actual) == ["102 characters"])
    }

    @Test("required text, emoji and minimum lengths")
    func requiredAndForbidden() {
        let missing = violations(TestCapabilities.request(primaryText: nil, brandName: nil), TestCapabilities.social)
        #expect(missing.contains { $0.fieldPath == "creatives[0].primaryText" && $0.rule == .required })
        #expect(missing.contains { $0.fieldPath == "creatives[0].brandName" && $0.rule == .required })
        let emoji = violations(TestCapabilities.request(primaryText: "Stream now 🎬"), TestCapabilities.social)
        #expect(emoji.contains { $0.rule == .forbiddenContent && $0.fieldPath == "creatives[0].primaryText" })
        let empty = violations(TestCapabilities.request(brandName: ""), TestCapabilities.social)
        #expect(empty.contains { $0.rule == .tooShort && $0.fieldPath == "creatives[0].brandName" })
    }

    @Test("recommended limits are reported as recommended")
    func recommended() {
        let request = TestCapabilities.request(descriptions: [String(repeating: "d", count: 31)])
        let found = violations(request, TestCapabilities.social).filter {
            $0.fieldPath == "creatives[0].descriptions[0]"
        }
        #expect(found.map(\.severity) == [.recommended])
    }

    @Test(
        "headline counts: too few and too many are hard where rejected",
        arguments: [(2, Violation.Rule.tooFew), (3, nil), (15, nil), (16, Violation.Rule.tooMany)])
    func headlineCounts(count: Int, rule: Violation.Rule?) {
        let request = TestCapabilities.request(headlines: (0..<count).map { "Headline \($0)" }, media: [])
        let found = violations(request, TestCapabilities.search).filter { $0.fieldPath == "creatives[0].headlines" }
        #expect(found.map(\.rule) == (rule.map { [$0] } ?? []))
    }

    @Test(
        "extra headlines where the platform uses one are a recommendation, duplicates where unique is required are hard"
    )
    func ignoredAndDuplicate() {
        let social = violations(TestCapabilities.request(), TestCapabilities.social)
        #expect(
            social.contains {
                $0.fieldPath == "creatives[0].headlines" && $0.rule == .ignored && $0.severity == .recommended
            })
        let duplicate = violations(
            TestCapabilities.request(headlines: ["Same", "same", "Other"], media: []), TestCapabilities.search)
        #expect(duplicate.contains { $0.fieldPath == "creatives[0].headlines[1]" && $0.rule == .duplicate })
    }

    @Test("an image on a text-only placement, a missing required image, objectives and calls to action")
    func mediaObjectiveCTA() {
        let search = violations(TestCapabilities.request(objective: .awareness), TestCapabilities.search)
        #expect(
            search.contains {
                $0.fieldPath == "creatives[0].media[0]" && $0.rule == .unsupportedMedia && $0.severity == .hard
            })
        #expect(search.contains { $0.fieldPath == "objective" && $0.rule == .unsupportedObjective })
        #expect(
            search.contains {
                $0.fieldPath == "creatives[0].callToAction" && $0.rule == .ignored && $0.severity == .recommended
            })
        let social = violations(TestCapabilities.request(media: [], callToAction: .shopNow), TestCapabilities.social)
        #expect(social.contains { $0.fieldPath == "creatives[0].media" && $0.rule == .required })
        #expect(social.contains { $0.fieldPath == "creatives[0].callToAction" && $0.rule == .unsupportedCallToAction })
    }

    @Test(
        "ad-group budgets are checked against the minimum after sharing",
        arguments: [(Int64(1000), 1, false), (Int64(999), 2, true), (Int64(1000), 2, false), (Int64(499), 1, true)])
    func minimumBudget(dollars: Int64, groups: Int, violates: Bool) {
        let budget = Budget(.daily, Money(minorUnits: dollars, currency: .usd))
        let request = TestCapabilities.request(budget: budget, groups: groups)
        let found = violations(request, TestCapabilities.social).filter { $0.rule == .budgetBelowMinimum }
        #expect(found.isEmpty == !violates)
        if violates { #expect(found.first?.limit == "at least 5.00 USD") }
    }

    @Test("lifetime budgets where only daily is supported, and lifetime minimums scale with days")
    func lifetime() {
        let lifetime = Budget(.lifetime, Money(minorUnits: 10_000, currency: .usd))
        let search = violations(TestCapabilities.request(budget: lifetime), TestCapabilities.search)
        #expect(search.contains { $0.fieldPath == "budget.period" })
        let social = violations(TestCapabilities.request(budget: lifetime), TestCapabilities.social)
        #expect(social.contains { $0.rule == .budgetBelowMinimum && $0.limit == "at least 150.00 USD" })
    }

    @Test("every violation is reported at once, across platforms, shared rules once")
    func everythingAtOnce() {
        var request = TestCapabilities.request(
            headlines: [String(repeating: "x", count: 35)], primaryText: nil,
            budget: Budget(.daily, Money(minorUnits: 0, currency: .usd)))
        request.targeting.countries = ["usa"]
        request.ads.append(AdDefinition(name: "Orphan", adGroup: "nope", creative: "c"))
        let found = validator.validate(request, against: [TestCapabilities.search, TestCapabilities.social])
        let paths = Set(found.map { "\($0.platform?.rawValue ?? "*") \($0.fieldPath) \($0.rule)" })
        #expect(
            paths.isSuperset(of: [
                "* budget.amount invalidValue", "* targeting.countries[0] invalidValue",
                "* ads[1].adGroup unknownReference",
                "searchads creatives[0].headlines[0] tooLong", "searchads creatives[0].headlines tooFew",
                "searchads creatives[0].media[0] unsupportedMedia", "socialads creatives[0].headlines[0] tooLong",
                "socialads creatives[0].primaryText required",
            ]))
        #expect(found.filter { $0.fieldPath == "budget.amount" && $0.platform == nil }.count == 1)
    }

    @Test("names are measured with the idempotency marker")
    func markedNames() {
        var request = TestCapabilities.request(media: [])
        request.name = String(repeating: "n", count: 255 - IdempotencyMarker.suffixLength)
        #expect(violations(request, TestCapabilities.search).filter { $0.fieldPath == "name" }.isEmpty)
        request.name += "n"
        #expect(
            violations(request, TestCapabilities.search).filter { $0.fieldPath == "name" }.map(\.rule) == [.tooLong])
        request.name = "Line\nbreak"
        #expect(
            violations(request, TestCapabilities.search).contains {
                $0.fieldPath == "name" && $0.rule == .forbiddenContent
            })
    }

    @Test("creatives scoped to other platforms are skipped, and a platform with no ads is reported")
    func scopedCreatives() {
        var request = TestCapabilities.request(headlines: ["One"])
        request.creatives[0].platforms = ["socialads"]
        let search = violations(request, TestCapabilities.search)
        #expect(!search.contains { $0.fieldPath.hasPrefix("creatives[0]") })
        #expect(search.contains { $0.fieldPath == "ads" && $0.rule == .required })
    }
}
