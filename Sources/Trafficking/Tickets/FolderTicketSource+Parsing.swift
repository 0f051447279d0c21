import AdPlatformKit
import Foundation

extension FolderTicketSource {
    /// A ticket file read as a ticket, or the reason it cannot be one.
    enum ReadResult {
        /// A readable ticket.
        case ticket(Ticket)
        /// An unreadable one.
        case problem(TicketProblem)
    }

    /// The keys a wrapper file may have.
    static let wrapperKeys: Set<String> = ["ticket", "request"]
    /// The keys a wrapper's `ticket` section may have.
    static let ticketKeys: Set<String> = ["title", "platforms", "accounts"]

    /// Reads a ticket file: a plain TraffickingRequest, or `{"ticket": {…}, "request": {…}}`, in JSON or YAML.
    func parse(_ data: Data, fileName: String) -> ReadResult {
        let reference = TicketReference(source: name, id: fileName)
        func problem(_ field: String?, _ message: String) -> ReadResult {
            .problem(TicketProblem(reference: reference, fieldPath: field, message: message))
        }
        let isJSON = fileName.lowercased().hasSuffix(".json")
        let root: JSONValue
        if isJSON {
            do {
                root = try JSONValue(parsing: data)
            } catch {
                return problem(nil, "is not valid JSON: " + (Self.describeInvalidJSON(data) ?? "\(error)"))
            }
        } else {
            guard let text = String(data: data, encoding: .utf8) else { return problem(nil, "is not UTF-8 text") }
            do {
                root = try Self.jsonValue(fromYAML: text)
            } catch {
                return problem(error.fieldPath, error.message)
            }
        }

        var title = fileName
        var platforms: [PlatformID]?
        var accounts: [String] = []
        let requestData: Data
        let pathPrefix: String
        if case .object(let members) = root, members["request"] != nil || members["ticket"] != nil {
            guard let request = members["request"] else {
                return problem("request", "is required but missing: a ticket file has `ticket` and `request`")
            }
            if let unknown = members.keys.filter({ !Self.wrapperKeys.contains($0) }).sorted().first {
                return problem(unknown, "is not a ticket file key; a ticket file has `ticket` and `request`")
            }
            switch readTicketSection(members["ticket"]) {
            case .failure(let failure): return problem(failure.fieldPath, failure.message)
            case .success(let section):
                title = section.title ?? title
                platforms = section.platforms
                accounts = section.accounts
            }
            requestData = request.encodedData()
            pathPrefix = "request"
        } else {
            // The decoder reads the file's own bytes when it can, so its messages quote what the file says.
            requestData = isJSON ? data : root.encodedData()
            pathPrefix = ""
        }
        do {
            let request = try TraffickingRequestDecoder().decode(requestData)
            return .ticket(
                Ticket(
                    reference: reference, title: title, request: request, platforms: platforms, accounts: accounts,
                    media: .filesRelativeTo(directory)))
        } catch {
            let path = [pathPrefix, error.fieldPath].filter { !$0.isEmpty }
            let joined = path.count == 2 && error.fieldPath.hasPrefix("[") ? path.joined() : path.joined(separator: ".")
            return problem(joined.isEmpty ? nil : joined, error.message)
        }
    }

    /// The `ticket` section of a wrapper.
    struct TicketSection {
        var title: String?
        var platforms: [PlatformID]?
        var accounts: [String] = []
    }

    /// Why a `ticket` section cannot be read.
    struct SectionProblem: Error {
        var fieldPath: String
        var message: String
    }

    private func readTicketSection(_ value: JSONValue?) -> Result<TicketSection, SectionProblem> {
        var section = TicketSection()
        guard let value, value != .null else { return .success(section) }
        guard case .object(let members) = value else {
            return .failure(
                SectionProblem(fieldPath: "ticket", message: "must be an object: title, platforms, accounts"))
        }
        if let unknown = members.keys.filter({ !Self.ticketKeys.contains($0) }).sorted().first {
            return .failure(
                SectionProblem(
                    fieldPath: "ticket.\(unknown)", message: "is not a ticket key; use title, platforms, accounts"))
        }
        switch members["title"] {
        case nil, .null: break
        case .string(let title): section.title = title
        default: return .failure(SectionProblem(fieldPath: "ticket.title", message: "must be a string"))
        }
        switch members["platforms"] {
        case nil, .null: break
        case .array(let values):
            guard !values.isEmpty else {
                return .failure(
                    SectionProblem(
                        fieldPath: "ticket.platforms", message: "names no platforms; leave it out to use every platform"
                    ))
            }
            var ids: [PlatformID] = []
            for (index, value) in values.enumerated() {
                let field = "ticket.platforms[\(index)]"
                guard let text = value.stringValue?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                    return .failure(SectionProblem(fieldPath: field, message: "must be a platform id such as meta"))
                }
                let id = PlatformID(rawValue: text)
                if let knownPlatforms, !knownPlatforms.contains(id) {
                    let known = knownPlatforms.sorted().map(\.rawValue).joined(separator: ", ")
                    return .failure(
                        SectionProblem(fieldPath: field, message: "unknown platform '\(text)'; known: \(known)"))
                }
                ids.append(id)
            }
            section.platforms = ids
        default:
            return .failure(
                SectionProblem(
                    fieldPath: "ticket.platforms", message: "must be a list of platform ids such as [meta, google]"))
        }
        switch members["accounts"] {
        case nil, .null: break
        case .array(let values):
            for (index, value) in values.enumerated() {
                // Numbers too: a Google customer id written without quotes in YAML is still that id.
                guard case .some(let text) = value.scalarText.map({ $0.trimmingCharacters(in: .whitespaces) }),
                    !text.isEmpty, value.boolValue == nil
                else {
                    return .failure(
                        SectionProblem(fieldPath: "ticket.accounts[\(index)]", message: "must be an ad account id"))
                }
                section.accounts.append(text)
            }
        default:
            return .failure(
                SectionProblem(
                    fieldPath: "ticket.accounts", message: "must be a list of ad account ids such as [act_1001]"))
        }
        return .success(section)
    }
}
