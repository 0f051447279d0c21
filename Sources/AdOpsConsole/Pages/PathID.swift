import Foundation
import Hummingbird

extension BasicRequestContext {
    /// The UUID in the path parameter `name` (`/campaigns/{id}`); a malformed one is an invalid field naming it.
    func pathID(_ name: String = "id", of thing: String) throws -> UUID {
        let text = parameters.get(name) ?? ""
        guard let id = UUID(uuidString: text) else {
            throw ConsoleError(.invalidField, field: name, "'\(text)' is not \(thing) id")
        }
        return id
    }
}
