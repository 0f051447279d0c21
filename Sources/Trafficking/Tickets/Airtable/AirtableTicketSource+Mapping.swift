import AdPlatformKit
import Foundation

extension AirtableTicketSource {
    /// A record read as a ticket, or the reason it cannot be one.
    enum ReadResult {
        /// A readable ticket.
        case ticket(Ticket)
        /// An unreadable one.
        case problem(TicketProblem)
    }

    /// Reads a record's title, platforms, accounts and request.
    func read(_ record: AirtableClient.Record) -> ReadResult {
        let reference = TicketReference(source: name, id: record.id)
        func problem(_ field: String, _ message: String) -> ReadResult {
            .problem(TicketProblem(reference: reference, fieldPath: field, message: message))
        }
        guard let requestCell = record.fields[fields.request] else {
            return problem(fields.request, "is empty; paste the TraffickingRequest JSON")
        }
        guard let text = requestCell.stringValue else {
            return problem(fields.request, "must be a long text field holding the TraffickingRequest JSON")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return problem(fields.request, "is empty; paste the TraffickingRequest JSON")
        }
        let request: TraffickingRequest
        do {
            request = try TraffickingRequestDecoder().decode(Data(text.utf8))
        } catch {
            let path = error.fieldPath.isEmpty ? fields.request : Self.join(fields.request, error.fieldPath)
            let message =
                error.fieldPath.isEmpty
                ? FolderTicketSource.describeInvalidJSON(Data(text.utf8)) ?? error.message : error.message
            return problem(path, message)
        }
        var platforms: [PlatformID]?
        switch record.fields[fields.platforms] {
        case nil:
            platforms = nil
        case .array(let values):
            var ids: [PlatformID] = []
            for (index, value) in values.enumerated() {
                switch checkPlatform(value.stringValue) {
                case .success(let id): ids.append(id)
                case .failure(let reason): return problem("\(fields.platforms)[\(index)]", reason.message)
                }
            }
            platforms = ids.isEmpty ? nil : ids
        case .string(let text):
            var ids: [PlatformID] = []
            for (index, part) in Self.list(text).enumerated() {
                switch checkPlatform(part) {
                case .success(let id): ids.append(id)
                case .failure(let reason): return problem("\(fields.platforms)[\(index)]", reason.message)
                }
            }
            platforms = ids.isEmpty ? nil : ids
        default:
            return problem(fields.platforms, "must be a multiple select of platform ids such as meta, google")
        }
        let accounts: [String]
        switch record.fields[fields.accounts] {
        case nil: accounts = []
        case .string(let text): accounts = Self.list(text)
        case .array(let values) where values.allSatisfy({ $0.stringValue != nil }):
            accounts = values.compactMap(\.stringValue).flatMap(Self.list)
        default: return problem(fields.accounts, "must be text: ad account ids separated by commas")
        }
        let title = record.fields[fields.name]?.scalarText.flatMap { $0.isEmpty ? nil : $0 } ?? record.id
        return .ticket(
            Ticket(
                reference: reference, title: title, request: request, platforms: platforms, accounts: accounts,
                media: .noFiles))
    }

    private struct PlatformProblem: Error {
        var message: String
    }

    private func checkPlatform(_ text: String?) -> Result<PlatformID, PlatformProblem> {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return .failure(PlatformProblem(message: "must be a platform id such as meta or google"))
        }
        let id = PlatformID(rawValue: text)
        if let knownPlatforms, !knownPlatforms.contains(id) {
            let known = knownPlatforms.sorted().map(\.rawValue).joined(separator: ", ")
            return .failure(PlatformProblem(message: "unknown platform '\(text)'; known: \(known)"))
        }
        return .success(id)
    }

    /// Comma- or newline-separated items, trimmed, without empty ones.
    static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    static func join(_ field: String, _ path: String) -> String {
        path.hasPrefix("[") ? field + path : field + "." + path
    }

    // MARK: - Written cells

    /// Status accepted and the job ids, or the final status when the jobs are over and written back already.
    func acceptedFields(jobs: [CampaignJob]) -> [String: JSONValue] {
        var cells: [String: JSONValue] = [
            fields.jobIDs: .string(jobs.map { "\($0.platform): \($0.id.uuidString)" }.joined(separator: "\n"))
        ]
        if !jobs.isEmpty, jobs.allSatisfy({ $0.status.isTerminal && $0.writtenBackAt != nil }) {
            let outcome = TicketOutcome(
                results: jobs.map {
                    TicketOutcome.PlatformResult(
                        platform: $0.platform, accountID: "", jobID: $0.id, status: $0.status, externalIDs: [:],
                        error: nil)
                })
            cells[fields.status] = .string(status(of: outcome))
        } else {
            cells[fields.status] = .string(statuses.accepted)
            cells[fields.error] = .null
        }
        return cells
    }

    /// `Request.budget.amount: must be …`, with the engine's paths named after this table's fields.
    func errorLine(_ problem: TicketProblem) -> String {
        guard let path = problem.fieldPath, !path.isEmpty else { return problem.message }
        return "\(tableFieldPath(path)): \(problem.message)"
    }

    /// Names a path the engine or intake reported (`ticket.platforms[1]`, `accounts[0]`, `budget.amount`) after
    /// this table's fields (`Platforms[1]`, `Accounts`, `Request.budget.amount`).
    func tableFieldPath(_ path: String) -> String {
        let own = [fields.request, fields.platforms, fields.accounts, fields.name]
        if own.contains(where: { path == $0 || path.hasPrefix($0 + ".") || path.hasPrefix($0 + "[") }) {
            return path
        }
        for (prefix, field) in [("ticket.platforms", fields.platforms), ("ticket.accounts", fields.accounts)]
        where path.hasPrefix(prefix) {
            return field + path.dropFirst(prefix.count)
        }
        if path.hasPrefix("accounts[") { return fields.accounts }
        if path.hasPrefix("request.") { return Self.join(fields.request, String(path.dropFirst("request.".count))) }
        return Self.join(fields.request, path)
    }

    /// The cells of a written-back outcome.
    func outcomeFields(_ outcome: TicketOutcome, at date: Date) -> [String: JSONValue] {
        let campaignLines = outcome.results.compactMap { result in result.campaignID.map { "\(result.platform): \($0)" }
        }
        let errorLines = outcome.results.filter { $0.status != .success }.map { result in
            "\(result.platform) (\(result.accountID)): \(result.error ?? result.status.rawValue)"
        }
        return [
            fields.status: .string(status(of: outcome)),
            fields.campaignIDs: campaignLines.isEmpty ? .null : .string(campaignLines.joined(separator: "\n")),
            fields.externalIDs: outcome.results.isEmpty ? .null : .string(Self.externalIDText(outcome.results)),
            fields.error: outcome.status == .success || errorLines.isEmpty
                ? .null : .string(errorLines.joined(separator: "\n")),
            fields.traffickedAt: .string(date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))),
        ]
    }

    /// The status value for an outcome's overall status.
    func status(of outcome: TicketOutcome) -> String {
        switch outcome.status {
        case .success: statuses.success
        case .partialSuccess: statuses.partialSuccess
        case .failed: statuses.failed
        case .pending, .processing: statuses.accepted
        }
    }

    /// Per platform and account, every id by kind, campaign first:
    ///
    /// ```
    /// meta (act_1001)
    ///   campaign: 120210000000000001
    ///   adGroup: 120210000000000002, 120210000000000003
    /// ```
    static func externalIDText(_ results: [TicketOutcome.PlatformResult]) -> String {
        let order = ["campaign", "budget", "adGroup", "creative", "ad"]
        return results.map { result in
            let kinds = result.externalIDs.keys.sorted { lhs, rhs in
                (order.firstIndex(of: lhs) ?? order.count, lhs) < (order.firstIndex(of: rhs) ?? order.count, rhs)
            }
            let lines = kinds.compactMap { kind in
                result.externalIDs[kind].flatMap { $0.isEmpty ? nil : "  \(kind): \($0.joined(separator: ", "))" }
            }
            return (["\(result.platform) (\(result.accountID))"] + (lines.isEmpty ? ["  (nothing created)"] : lines))
                .joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
