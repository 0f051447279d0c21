import Foundation

extension MetaEmulator {
    /// The most requests one batch may carry.
    static let maximumBatchSize = 50

    /// `POST /{v}/` with `batch=[{method, relative_url, body, name, attached_files, omit_response_on_success}]`:
    /// each request runs in order through the same routes, inheriting the batch's token; the answer is a JSON list
    /// of `{code, headers:[{name,value}], body:"<json string>"}`. `{result=name:$.path}` references to earlier
    /// named requests are filled in, and a referenced request's own answer is `null` unless it asked to keep it.
    func batch(_ call: MetaCall, world: MockWorld) throws(MetaError) -> MockResponse {
        guard let requests = try call.params.array("batch") else { throw MetaError.required("batch") }
        guard !requests.isEmpty else { throw MetaError.param("param batch must be a non-empty array.") }
        guard requests.count <= Self.maximumBatchSize else {
            throw MetaError(
                code: 1,
                message: "Too many requests in batch message. Maximum batch size is \(Self.maximumBatchSize)")
        }
        let includeHeaders = try call.params.bool("include_headers") ?? true
        var results: [MockJSON] = []
        var named: [String: MockJSON?] = [:]
        for (index, element) in requests.enumerated() {
            let later = requests.dropFirst(index + 1).map(\.serialized).joined()
            let name = element["name"]?.string
            let referenced = name.map { later.contains("{result=\($0):") || later.contains("{result=\($0)}") } ?? false
            let response: MockResponse
            do throws(MetaError) {
                let sub = try subCall(element, index: index, outer: call, named: named)
                response = try route(sub, world: world)
            } catch {
                response = error.response
            }
            let bodyText = String(decoding: response.body, as: UTF8.self)
            if let name { named[name] = response.status < 300 ? MockJSON.parse(bodyText) : MockJSON?.none }
            let keep =
                element["omit_response_on_success"]?.bool == false
                || element["omit_response_on_success"]?.text == "false"
            if referenced, response.status < 300, !keep {
                results.append(.null)
                continue
            }
            var item: [(String, MockJSON)] = [("code", .int(response.status))]
            if includeHeaders {
                let headers = response.headers.map { header -> MockJSON in
                    let value =
                        header.0.lowercased() == "content-type" ? "text/javascript; charset=UTF-8" : header.1
                    return .object([("name", .string(header.0)), ("value", .string(value))])
                }
                item.append(("headers", .array(headers)))
            }
            item.append(("body", .string(bodyText)))
            results.append(.object(item))
        }
        return .json(.array(results))
    }

    /// One batch element as a call: method, `relative_url` (with or without a leading version), form `body`,
    /// `attached_files` from the outer multipart body, and the batch's token unless the element has its own.
    private func subCall(
        _ element: MockJSON, index: Int, outer: MetaCall, named: [String: MockJSON?]
    )
        throws(MetaError) -> MetaCall
    {
        guard element.members != nil, var relative = element["relative_url"]?.string else {
            throw MetaError.param("param batch[\(index)] must be an object with a relative_url.")
        }
        let method = (element["method"]?.string ?? "GET").uppercased()
        guard ["GET", "POST", "DELETE"].contains(method) else {
            throw MetaError.unsupportedMethod(method, path: relative)
        }
        relative = try Self.resolveReferences(relative, named: named)
        if let scheme = relative.range(of: "://") {
            let afterScheme = relative[scheme.upperBound...]
            relative = afterScheme.firstIndex(of: "/").map { String(afterScheme[$0...]) } ?? "/"
        }
        let (pathText, queryText) =
            relative.firstIndex(of: "?").map {
                (String(relative[..<$0]), String(relative[relative.index(after: $0)...]))
            } ?? (relative, "")
        var segments = pathText.split(separator: "/").map(String.init)
        var version = outer.version
        if let first = segments.first, Self.versionMajor(Substring(first)) != nil {
            guard Self.isSupported(Substring(first)) else { throw MetaError.unsupportedVersion(first) }
            version = first
            segments.removeFirst()
        }
        if segments.isEmpty, method == "POST" {
            throw MetaError.param("Batch requests cannot themselves be batches.")
        }
        let query = MockForm.decode(Substring(queryText))
        var bodyPairs: [(String, String)] = []
        var bodyMembers: [(String, MockJSON)] = []
        switch element["body"] {
        case .string(let text)?: bodyPairs = MockForm.decode(Substring(try Self.resolveReferences(text, named: named)))
        case .object(let members)?: bodyMembers = members
        case nil, .null?: break
        default: throw MetaError.param("param batch[\(index)][body] must be a form-encoded string.")
        }
        var params = MetaParams(query: query, body: bodyPairs)
        if !bodyMembers.isEmpty { params.merge(bodyMembers) }
        var files: [MockMultipartPart] = []
        if let attached = element["attached_files"]?.string {
            let names = Set(attached.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            files = outer.files.filter { names.contains($0.name) }
            guard files.count == names.count else {
                throw MetaError.param("param batch[\(index)][attached_files] names a file that was not uploaded.")
            }
        }
        return MetaCall(
            method: method, version: version, path: segments, params: params, files: files, origin: outer.origin,
            query: query, token: params["access_token"]?.text ?? outer.token)
    }

    /// Replaces `{result=name:$.path}` with the value at that JSONPath in an earlier named answer (a list joins
    /// with commas, as Graph does).
    static func resolveReferences(_ text: String, named: [String: MockJSON?]) throws(MetaError) -> String {
        guard text.contains("{result=") else { return text }
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{result=") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                throw MetaError.param("Malformed batch reference in \(text).")
            }
            let reference = rest[open.upperBound..<close]
            let parts = reference.split(separator: ":", maxSplits: 1).map(String.init)
            guard let name = parts.first, let stored = named[name], let answer = stored else {
                throw MetaError.param(
                    "Cannot resolve {result=\(reference)}: no successful earlier request is named \(parts.first ?? "")."
                )
            }
            let path = parts.count > 1 ? parts[1] : "$.id"
            let values = jsonPath(path, in: answer)
            guard !values.isEmpty else {
                throw MetaError.param("Cannot resolve {result=\(reference)}: the path matched nothing.")
            }
            output += values.joined(separator: ",")
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    /// A small JSONPath: `$.a.b`, `$.data.0.id`, `$.data.*.id`.
    static func jsonPath(_ path: String, in value: MockJSON) -> [String] {
        var current: [MockJSON] = [value]
        let steps = path.hasPrefix("$") ? path.dropFirst().split(separator: ".") : path.split(separator: ".")
        for step in steps {
            var next: [MockJSON] = []
            for node in current {
                if step == "*" {
                    next += node.array ?? node.members?.map(\.1) ?? []
                } else if let position = Int(step), let elements = node.array {
                    if elements.indices.contains(position) { next.append(elements[position]) }
                } else if let member = node[String(step)] {
                    next.append(member)
                }
            }
            current = next
        }
        return current.map { $0.text ?? $0.serialized }
    }
}
