import Foundation
import Testing

@testable import MockPlatforms

/// `filterByFormula`: the parser and evaluator on their own, and through the list endpoint on four tickets.
@Suite("Airtable formulas")
struct AirtableFormulaTests {
    /// Evaluates a formula with no fields.
    private func value(_ text: String) throws -> AirtableFormulaValue {
        try AirtableFormulaParser.parse(text).evaluate(field: { _ in .blank }, recordID: "recAAAAAAAAAAAAAA")
    }

    @Test(
        "operators, precedence and functions evaluate as Airtable's do",
        arguments: [
            ("1 + 2 * 3 = 7", true), ("(1 + 2) * 3 = 9", true), ("'a' & 1 + 1 = 'a2'", true), ("-2 < -1", true),
            ("TRUE() = 1", true), ("FALSE()", false), ("BLANK() = ''", true), ("BLANK() = 0", true),
            ("'Abc' = 'abc'", false), ("LOWER('Abc') = 'abc'", true), ("UPPER('a') & LEN('four') = 'A4'", true),
            ("FIND('b', 'abcb') = 2", true), ("FIND('b', 'abcb', 3) = 4", true), ("FIND('z', 'abc') = 0", true),
            ("SEARCH('z', 'abc') = BLANK()", true), ("IF(0, 'yes', 'no') = 'no'", true), ("IF(1, 'yes')", true),
            ("AND(1, 'x', NOT(0))", true), ("OR(0, '', BLANK())", false), ("1 / 0", false),
            ("'2026-01-02' > '2026-01-01'", true),
            (#"'it\'s' = "it's""#, true), ("CONCATENATE('a', 'b', 3) = 'ab3'", true),
            ("and(true(), not(false()))", true),
            ("TRIM('  x ') = 'x'", true), ("RECORD_ID() = 'recAAAAAAAAAAAAAA'", true), ("5 != 5.0", false),
        ])
    func evaluation(formula: String, truthy: Bool) throws {
        #expect(try value(formula).isTruthy == truthy, "\(formula)")
    }

    @Test(
        "text it cannot read is refused with the character where it went wrong",
        arguments: [
            ("AND({Status} = 'Ready'", "At character 23: missing ) to close the ( at character 4."),
            ("{Status} = = 'Ready'", "At character 12: unexpected '='."),
            ("{Status} = 'Ready", "At character 12: unterminated string."),
            ("{Name} 'x'", "At character 8: unexpected '''."),
            ("{Name", "At character 1: missing } to close the field name."),
            ("IF({Approved})", "At character 1: IF takes 2 to 3 arguments, not 1."),
            ("1 +", "At character 4: unexpected end of formula."),
            ("FOO({Name}) = 1", "Unknown function names: FOO"),
            (String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100), "nested too deeply"),
        ])
    func syntaxErrors(formula: String, detail: String) {
        #expect(throws: AirtableFormulaError.self) { try AirtableFormulaParser.parse(formula) }
        do {
            _ = try AirtableFormulaParser.parse(formula)
        } catch {
            #expect(error.detail.contains(detail), "\(error.detail)")
        }
    }

    @Test(
        "filterByFormula selects the tickets Airtable would",
        arguments: [
            ("{Status} = 'Ready'", ["Winter launch", "Spring sale"]),
            ("AND({Status} = 'Ready', {Budget} > 1000)", ["Winter launch"]),
            ("OR({Status} = 'Paused', NOT({Approved}))", ["Spring sale", "Summer teaser campaign", "Autumn"]),
            ("FIND('Meta', {Platforms}) > 0", ["Winter launch", "Summer teaser campaign"]),
            ("{Platforms} = 'Meta, TikTok'", ["Winter launch"]),
            ("{Campaign ID} = BLANK()", ["Winter launch", "Spring sale", "Autumn"]),
            ("{Campaign ID} = ''", ["Winter launch", "Spring sale", "Autumn"]),
            ("LOWER({Name}) = \"winter launch\"", ["Winter launch"]),
            ("LEN({Name}) > 13", ["Summer teaser campaign"]),
            ("{Approved}", ["Winter launch", "Summer teaser campaign"]),
            ("NOT({Approved})", ["Spring sale", "Autumn"]),
            ("{Name} & '-' & {Status} = 'Spring sale-Ready'", ["Spring sale"]),
            ("IF({Approved}, {Budget}, 0) >= 1000", ["Winter launch"]),
            ("{Budget} * 2 >= 3000", ["Winter launch", "Autumn"]),
            ("Status = \"Trafficked\"", ["Autumn"]),
            ("AND({Approved} = TRUE(), {Budget} < 500)", ["Summer teaser campaign"]),
            ("{Budget} = 250.5", ["Summer teaser campaign"]),
            ("{budget} != 800", ["Winter launch", "Summer teaser campaign", "Autumn"]),
            ("OR(FIND('tik', LOWER({Platforms})), {Status} = 'Trafficked')", ["Winter launch", "Autumn"]),
            ("", ["Winter launch", "Spring sale", "Summer teaser campaign", "Autumn"]),
        ])
    func filtering(formula: String, expected: [String]) async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        _ = try await airtable.seedTickets()
        let answer = await airtable.send(
            "GET", airtable.tablePath("?filterByFormula=\(AirtableTestClient.escape(formula))"))
        #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
        #expect(AirtableTestClient.names(answer) == expected)
    }

    @Test(
        "a formula it cannot parse or resolve answers 422 INVALID_FILTER_BY_FORMULA",
        arguments: [
            ("AND({Status} = 'Ready'", "Invalid formula. Please check your formula text."),
            ("{Status} = = 'Ready'", "At character 12: unexpected '='"),
            ("{Nope} = 1", "Unknown field names: nope"),
            ("{Nope} = {Other}", "Unknown field names: nope, other"),
            ("BOGUS({Name})", "Unknown function names: BOGUS"),
        ])
    func refusedFormulas(formula: String, detail: String) async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        _ = try await airtable.seedTickets()
        let answer = await airtable.send(
            "GET", airtable.tablePath("?filterByFormula=\(AirtableTestClient.escape(formula))"))
        #expect(answer.status == 422)
        #expect(answer.errorType == "INVALID_FILTER_BY_FORMULA")
        #expect(answer.errorMessage.hasPrefix("The formula for filtering records is invalid: "))
        #expect(answer.errorMessage.contains(detail), "\(answer.errorMessage)")
    }
}
